import { afterAll, describe, expect, it } from 'vitest';
import { corpus } from '../support/corpus';
import { field, runEngine } from '../support/engine-run';
import { tempDir } from '../support/tmp';

/**
 * conn_state and history on Zeek's own test traces, against the conn.log
 * baselines of Zeek's test suite (testing/btest/Baseline/...); 'g' (content
 * gap) is not tracked.
 */
const cases: { capture: string; zeek: string; connState: string; history: string }[] = [
  // scripts.base.protocols.conn.conn_state-RST-behavior
  { capture: 'tcp/zeek/tcp/single-rst.pcap', zeek: 'R, OTH', connState: 'OTH', history: 'R' },
  { capture: 'tcp/zeek/tcp/syn-then-rst.pcap', zeek: 'SR, RSTOS0', connState: 'RSTOS0', history: 'SR' },
  { capture: 'tcp/zeek/tcp/syn-then-ack-then-rst.pcap', zeek: 'SaR, RSTOS0', connState: 'RSTOS0', history: 'SaR' },
  { capture: 'tcp/zeek/tcp/syn-then-stuff-then-rst.pcap', zeek: 'SaFR, OTH', connState: 'OTH', history: 'SaFR' },
  // core.tcp.missing-syn and core.history-flip: the capture starts with the SYN-ACK;
  // the engine makes its receiver the source, as Zeek flips the connection.
  { capture: 'tcp/zeek/tcp/missing-syn.pcap', zeek: '^hADdFaf, SF', connState: 'SF', history: '^hADdFaf' },
  // core.tcp.flip-without-syn: the same, on a non-standard port.
  { capture: 'tcp/zeek/tcp/http-on-irc-port-missing-syn.pcapng', zeek: '^hADadFf, SF', connState: 'SF', history: '^hADadFf' },
  // core.tcp.miss-end-data: Zeek's reassembler adds 'g' for the data it never saw.
  { capture: 'tcp/zeek/tcp/miss_end_data.pcap', zeek: 'ShADafgF, SF', connState: 'SF', history: 'ShADafF' },
];

describe("conn_state and history agree with Zeek's baselines for its test traces", () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it.each(cases)('$capture (Zeek: $zeek)', async ({ capture, connState, history }) => {
    const { rows } = await runEngine(corpus(capture));
    expect(rows.map((r) => [field(r, 'conn_state'), field(r, 'history')])).toEqual([[connState, history]]);
  });
});
