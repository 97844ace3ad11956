import { describe, expect, it } from 'vitest';
import { PacketRecord } from '../../electron/capture/packet-record';
import { DecodedPacket } from '../../electron/dissect/decoded-packet';
import { IPPROTO_ICMP } from '../../electron/dissect/icmp';
import { IPPROTO_TCP, TCP_ACK, TCP_FIN, TCP_PSH, TCP_RST, TCP_SYN } from '../../electron/dissect/tcp';
import { IPPROTO_UDP } from '../../electron/dissect/udp';
import { connState } from '../../electron/flows/features/conn-state';
import { columnOf, newRow } from '../../electron/flows/flow-row';
import { FlowState } from '../../electron/flows/flow-state';

const S = TCP_SYN;
const SA = TCP_SYN | TCP_ACK;
const A = TCP_ACK;
const PA = TCP_PSH | TCP_ACK;
const FA = TCP_FIN | TCP_ACK;
const R = TCP_RST;
const RA = TCP_RST | TCP_ACK;

/** A packet of the scenario: 'o' from the flow's source, 'r' from its destination. */
type Step = [from: 'o' | 'r', flags: number, seq: number, ack: number, len?: number, win?: number];

/** Fills a DecodedPacket/PacketRecord pair as the Ethernet + IPv4 + TCP decoders would. */
function tcpPacket(flags: number, seq: number, ack: number, len: number, win: number): [DecodedPacket, PacketRecord] {
  const p = new DecodedPacket();
  p.ipVersion = 4;
  p.proto = IPPROTO_TCP;
  p.hasPorts = true;
  p.ipOffset = 14;
  p.ipHeaderLength = 20;
  p.ipTotalLength = 40 + len;
  p.l4Offset = 34;
  p.tcpHeaderLength = 20;
  p.tcpFlags = flags;
  p.tcpSeq = seq >>> 0;
  p.tcpAck = ack >>> 0;
  p.tcpWindow = win;
  const rec = new PacketRecord();
  rec.caplen = rec.wirelen = 54 + len;
  return [p, rec];
}

/** Runs the conn-state plugin over the steps and returns [conn_state, history]. */
function run(proto: number, steps: readonly Step[]): [unknown, unknown] {
  const f = new FlowState(proto === IPPROTO_TCP);
  f.proto = proto;
  const s = connState.create(proto === IPPROTO_TCP);
  steps.forEach(([from, flags, seq, ack, len = 0, win = 1000], i) => {
    const [p, rec] = tcpPacket(flags, seq, ack, len, win);
    p.proto = proto;
    rec.tsSec = 1_700_000_000 + i;
    if (i === 0) connState.init(s, f, p, rec, rec.tsSec);
    connState.update!(s, f, p, rec, rec.tsSec, from === 'o');
  });
  const row = newRow();
  connState.emit(s, f, row);
  return [row[columnOf('conn_state')], row[columnOf('history')]];
}

const tcp = (steps: readonly Step[]) => run(IPPROTO_TCP, steps);

/** Handshake: originator ISN 100, responder ISN 500. */
const hs: Step[] = [['o', S, 100, 0], ['r', SA, 500, 101], ['o', A, 101, 501]];

describe("Zeek's conn_state and history (base/protocols/conn/main.zeek, TCPSessionAdapter)", () => {
  it('S0: a SYN without reply; a repeated SYN with the same sequence adds no letter', () => {
    expect(tcp([['o', S, 100, 0], ['o', S, 100, 0]])).toEqual(['S0', 'S']);
  });

  it('S1: established, not closed', () => {
    expect(tcp(hs)).toEqual(['S1', 'ShA']);
  });

  it('SF: established and closed by both; A and D are recorded once per side', () => {
    expect(tcp([...hs, ['o', PA, 101, 501, 10], ['r', PA, 501, 111, 20], ['o', A, 111, 521], ['o', FA, 111, 521], ['r', FA, 521, 112], ['o', A, 112, 522]]))
      .toEqual(['SF', 'ShADdFf']);
  });

  it('REJ: the SYN answered by a RST', () => {
    expect(tcp([['o', S, 100, 0], ['r', RA, 0, 101]])).toEqual(['REJ', 'Sr']);
  });

  it('S2: the originator closed, no reply', () => {
    expect(tcp([...hs, ['o', FA, 101, 501]])).toEqual(['S2', 'ShAF']);
  });

  it('S3: the responder closed, no reply', () => {
    expect(tcp([...hs, ['r', FA, 501, 101]])).toEqual(['S3', 'ShAf']);
  });

  it('RSTO: the originator aborted; a RST at a new sequence number is recorded again', () => {
    expect(tcp([...hs, ['o', R, 101, 0], ['o', R, 111, 0]])).toEqual(['RSTO', 'ShARR']);
  });

  it('RSTR: the responder aborted', () => {
    expect(tcp([...hs, ['r', RA, 501, 101]])).toEqual(['RSTR', 'ShAr']);
  });

  it('RSTOS0: SYN then RST from the originator, no SYN-ACK', () => {
    expect(tcp([['o', S, 100, 0], ['o', R, 101, 0]])).toEqual(['RSTOS0', 'SR']);
  });

  it('RSTRH: SYN-ACK then RST from the responder, no SYN from the originator', () => {
    expect(tcp([['o', A, 101, 501], ['r', SA, 500, 101], ['r', R, 501, 0]])).toEqual(['RSTRH', 'Ahr']);
  });

  it('SH: SYN then FIN from the originator, no SYN-ACK', () => {
    expect(tcp([['o', S, 100, 0], ['o', FA, 101, 0]])).toEqual(['SH', 'SF']);
  });

  it('SHR: SYN-ACK then FIN from the responder, no SYN from the originator', () => {
    expect(tcp([['o', A, 101, 501], ['r', SA, 500, 101], ['r', FA, 501, 101]])).toEqual(['SHR', 'Ahf']);
  });

  it('OTH: midstream traffic, no SYN', () => {
    expect(tcp([['o', PA, 101, 501, 10], ['r', PA, 501, 111, 10]])).toEqual(['OTH', 'Dd']);
  });

  it('OTH: a lone RST (Zeek test conn_state-RST-behavior)', () => {
    expect(tcp([['o', R, 101, 0]])).toEqual(['OTH', 'R']);
  });

  it("'^': a SYN answering a SYN-ACK seen first flips the roles; letters after it follow the new originator", () => {
    expect(tcp([['o', SA, 500, 101], ['r', S, 100, 0], ['r', A, 101, 501], ['o', PA, 501, 101, 10], ['r', FA, 101, 511], ['o', FA, 511, 102], ['r', A, 102, 512]]))
      .toEqual(['SF', 'Hs^AdFf']);
  });

  it("'T' retransmissions and 'W' zero windows are recorded at the 1st, 10th, 100th... time", () => {
    const repeats: Step[] = Array.from({ length: 11 }, () => ['o', PA, 101, 501, 10] as Step);
    expect(tcp([...hs, ['o', PA, 101, 501, 10], ...repeats])).toEqual(['S1', 'ShADTT']);
    const zeros: Step[] = Array.from({ length: 9 }, () => ['r', A, 501, 101, 0, 0] as Step);
    expect(tcp([...hs, ...zeros])).toEqual(['S1', 'ShAaw']);
    expect(tcp([...hs, ...zeros, ['r', A, 501, 101, 0, 0]])).toEqual(['S1', 'ShAaww']);
  });

  it("'Q' for SYN with FIN or RST and 'I' for FIN with RST, once per side", () => {
    expect(tcp([['o', S | TCP_FIN, 100, 0], ['o', S | TCP_FIN, 100, 0]])).toEqual(['SH', 'Q']);
    expect(tcp([...hs, ['r', TCP_FIN | TCP_RST | TCP_ACK, 501, 101]])).toEqual(['RSTR', 'ShAi']);
  });
});

describe('conn_state for UDP and other protocols', () => {
  it('UDP: S0 when only the originator sent, SF when both did; D and d once per side', () => {
    expect(run(IPPROTO_UDP, [['o', 0, 0, 0], ['o', 0, 0, 0]])).toEqual(['S0', 'D']);
    expect(run(IPPROTO_UDP, [['o', 0, 0, 0], ['r', 0, 0, 0], ['o', 0, 0, 0]])).toEqual(['SF', 'Dd']);
  });

  it('ICMP: OTH without history, as Zeek logs it', () => {
    expect(run(IPPROTO_ICMP, [['o', 0, 0, 0], ['r', 0, 0, 0]])).toEqual(['OTH', null]);
  });
});
