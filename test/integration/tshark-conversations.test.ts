import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonl, runCli } from '../support/cli';
import { flowTotals, type FlowLike } from '../support/conversations';
import { tsharkReference } from '../support/tshark-reference';
import { corpus } from '../support/corpus';
import { tempDir } from '../support/tmp';
import { formatTsharkBytes, hasTshark } from '../support/tshark';

// Classic-pcap Ethernet captures from the corpus: app traffic (IPv4 and IPv6,
// TCP and UDP), a SYN scan, a spoofed SYN flood and SSH guessing.
const captures = [
  'apps/ndpi/pcap/1kxun.pcap',
  'apps/ndpi/pcap/android.pcap',
  'apps/ndpi/pcap/bittorrent.pcap',
  'apps/ndpi/pcap/http_ipv6.pcap',
  'apps/ndpi/pcap/instagram.pcap',
  'apps/ndpi/pcap/netflix.pcap',
  'apps/ndpi/pcap/quic.pcap',
  'apps/ndpi/pcap/teams.pcap',
  'apps/ndpi/pcap/whatsapp_login_call.pcap',
  'apps/ndpi/pcap/synscan.pcap',
  'apps/zeek/wikipedia.pcap',
  'tcp/stopddos/pkt.TCP.synflood.spoofed.pcap',
  'tcp/zeek/ssh/sshguess.pcap',
];

describe('flowsight ingest + flows agree with tshark -z conv,tcp -z conv,udp', () => {
  const tmp = tempDir();
  beforeAll(() => {
    expect(hasTshark(), 'tshark is the reference for these tests: apt-get install tshark').toBe(true);
  });
  afterAll(() => tmp.cleanup());

  it.each(captures)('%s', (rel) => {
    const file = corpus(rel);
    const casePath = tmp.path(`${rel.replace(/\W/g, '_')}.flowsight`);
    const ingest = runCli(['ingest', '--quiet', '--case', casePath, file]);
    expect(ingest.code, ingest.stderr).toBe(0);
    const out = runCli(['flows', '--case', casePath, '--format', 'jsonl']);
    expect(out.code, out.stderr).toBe(0);
    const ours = flowTotals(jsonl<FlowLike>(out.stdout));
    const expected = tsharkReference(file);
    expect(expected.size).toBeGreaterThan(0);

    expect([...ours.keys()].sort()).toEqual([...expected.keys()].sort());
    let exactChecked = 0;
    for (const [key, e] of expected) {
      const t = ours.get(key)!;
      expect({ key, frames: t.frames, fromLow: t.framesFromLow, bytes: formatTsharkBytes(t.bytes - e.extraBytes) }).toEqual({
        key,
        frames: e.frames,
        fromLow: e.framesFromLow,
        bytes: e.bytesText,
      });
      if (e.exactBytes !== null) {
        expect({ key, bytes: t.bytes }).toEqual({ key, bytes: e.exactBytes + e.extraBytes });
        exactChecked++;
      }
    }
    expect(exactChecked).toBeGreaterThan(0);
  });
});
