import type { PacketBytes, PacketList, PacketSummary } from '../../shared/domain/packets';
import { ApiError } from '../../shared/contract/errors';
import type { PacketRecord } from '../capture/packet-record';
import { readRecordsAt } from '../capture/record-at';
import type { CaseDb } from '../cases/case-db';
import { recordSourceOf } from '../cases/evidence-store';
import { DecodedPacket } from '../dissect/decoded-packet';
import { decodePacket } from '../dissect/packet-decoder';
import { IPPROTO_TCP, TCP_SYN } from '../dissect/tcp';
import { readPacketIndex, type IndexedPacket } from '../flows/packet-index';
import { packetInfo, tcpFlagText } from './packet-info';

interface FlowPackets {
  evidenceId: number;
  firstTs: number;
  index: IndexedPacket[];
}

/** A flow's packet index, decoded. */
export function flowPacketIndex(db: CaseDb, flowId: number): FlowPackets {
  const row = db
    .prepare('SELECT p.evidence_id AS evidenceId, p.packet_index AS idx, f.first_ts AS firstTs FROM flow_packets p JOIN flows f ON f.id = p.flow_id WHERE p.flow_id = ?')
    .get(flowId) as { evidenceId: number; idx: Buffer; firstTs: number } | undefined;
  if (!row) {
    const exists = db.prepare('SELECT 1 FROM flows WHERE id = ?').get(flowId);
    throw new ApiError(exists ? 'unsupported' : 'not_found', exists ? `flow ${flowId} has no packets in this case (imported from flow records, or before packets were indexed)` : `no flow ${flowId}`);
  }
  return { evidenceId: row.evidenceId, firstTs: row.firstTs, index: readPacketIndex(new Uint8Array(row.idx.buffer, row.idx.byteOffset, row.idx.byteLength)) };
}

/** Reads the records for index entries [from, to) of a flow from its evidence file. */
export async function withRecords(db: CaseDb, flowId: number, from: number, to: number, each: (rec: PacketRecord, entry: IndexedPacket, n: number, fp: FlowPackets) => void): Promise<FlowPackets> {
  const fp = flowPacketIndex(db, flowId);
  const entries = fp.index.slice(from, to);
  const src = await recordSourceOf(db, fp.evidenceId);
  await readRecordsAt(src, entries.map((e) => e.fileOffset), (rec, i) => each(rec, entries[i], from + i + 1, fp));
  return fp;
}

/** The flow's packets [offset, offset+limit), summarised like Wireshark's packet list. */
export async function flowPackets(db: CaseDb, flowId: number, offset: number, limit: number): Promise<PacketList> {
  const p = new DecodedPacket();
  const packets: PacketSummary[] = [];
  // Relative sequence numbers need each side's initial sequence number: the first packet of each direction.
  const isn = { fwd: -1, bwd: -1 };
  const all = flowPacketIndex(db, flowId);
  const firstOfDir = [all.index.findIndex((e) => !e.fromDestination), all.index.findIndex((e) => e.fromDestination)].filter((i) => i >= 0 && i < offset);
  if (firstOfDir.length) {
    await withRecords(db, flowId, 0, Math.max(...firstOfDir) + 1, (rec, entry, n) => {
      if (!firstOfDir.includes(n - 1)) return;
      decodePacket(rec, p);
      if (p.proto === IPPROTO_TCP) isn[entry.fromDestination ? 'bwd' : 'fwd'] = p.tcpFlags & TCP_SYN ? p.tcpSeq : (p.tcpSeq - 1) >>> 0;
    });
  }
  const fp = await withRecords(db, flowId, offset, offset + limit, (rec, entry, n) => {
    decodePacket(rec, p);
    const dir = entry.fromDestination ? 'bwd' : 'fwd';
    const tcp = p.proto === IPPROTO_TCP && p.hasPorts && !p.icmpError;
    if (tcp && isn[dir] < 0) isn[dir] = p.tcpFlags & TCP_SYN ? p.tcpSeq : (p.tcpSeq - 1) >>> 0;
    const other = dir === 'fwd' ? 'bwd' : 'fwd';
    const relSeq = tcp ? (p.tcpSeq - isn[dir]) >>> 0 : 0;
    const relAck = tcp && isn[other] >= 0 ? (p.tcpAck - isn[other]) >>> 0 : tcp ? p.tcpAck : 0;
    const ts = rec.tsSec >= 0 ? rec.tsSec + rec.tsNsec / 1e9 : 0;
    packets.push({
      number: n,
      ts,
      rel: entry.us / 1e6,
      dir,
      length: rec.wirelen,
      captured: rec.caplen,
      flags: tcp ? tcpFlagText(p.tcpFlags) : '',
      seq: tcp ? relSeq : null,
      ack: tcp ? relAck : null,
      info: packetInfo(p, rec.data, relSeq, relAck),
      comment: rec.comment,
    });
  });
  // A simple packet block has no timestamp of its own: the index's time stands in.
  for (const s of packets) if (s.ts === 0) s.ts = fp.firstTs + s.rel;
  return { total: fp.index.length, packets };
}

function hex(d: Uint8Array, from: number, to: number): string {
  return Buffer.from(d.buffer, d.byteOffset + from, to - from).toString('hex');
}

/** One packet's bytes, with where each layer starts. */
export async function packetBytes(db: CaseDb, flowId: number, number: number): Promise<PacketBytes> {
  const fp = flowPacketIndex(db, flowId);
  if (number < 1 || number > fp.index.length) throw new ApiError('not_found', `flow ${flowId} has ${fp.index.length} packets, not ${number}`);
  let out: PacketBytes | null = null;
  const p = new DecodedPacket();
  await withRecords(db, flowId, number - 1, number, (rec) => {
    decodePacket(rec, p);
    const layers: [string, number][] = [];
    if (p.macOffset >= 0) layers.push(['link', p.macOffset - rec.offset]);
    if (p.ipVersion) layers.push([`ipv${p.ipVersion}`, p.ipOffset - rec.offset]);
    if (p.hasPorts && !p.icmpError) layers.push([p.proto === IPPROTO_TCP ? 'tcp' : p.proto === 17 ? 'udp' : 'icmp', p.l4Offset - rec.offset]);
    if (p.payloadLength > 0) layers.push(['payload', p.payloadOffset - rec.offset]);
    out = { number, hex: hex(rec.data, rec.offset, rec.offset + rec.caplen), captured: rec.caplen, length: rec.wirelen, layers: layers.filter(([, o]) => o >= 0 && o <= rec.caplen) };
  });
  return out!;
}
