import { readCaptureFile } from '../capture/capture-file';
import type { PacketRecord } from '../capture/packet-record';
import { PcapngWriter } from '../capture/pcapng-writer';
import { readRecordsAt } from '../capture/record-at';
import type { CaseDb } from '../cases/case-db';
import { recordSourceOf } from '../cases/evidence-store';
import { readPacketIndex } from '../flows/packet-index';
import { selectionSql, type FlowSelection } from './flow-selection';

export interface PacketExport {
  flows: number;
  packets: number;
  bytes: number;
}

// Below this share of an evidence file's packets, records are fetched one by one; above, the file is streamed.
const STREAM_SHARE = 0.05;

/**
 * Writes the packets of the selected flows to a pcapng file, like Wireshark's
 * Export Specified Packets: each evidence file's records in their original
 * order, with their exact timestamps, interfaces and comments.
 */
export async function exportPackets(db: CaseDb, selection: FlowSelection, out: string, onProgress?: (done: number, total: number) => void): Promise<PacketExport> {
  const { where, params } = selectionSql(selection);
  const rows = db
    .prepare(`SELECT p.evidence_id AS evidenceId, p.packet_index AS idx FROM flow_packets p JOIN flows f ON f.id = p.flow_id WHERE ${where} ORDER BY p.evidence_id`)
    .iterate(...params) as IterableIterator<{ evidenceId: number; idx: Buffer }>;
  const offsets = new Map<number, number[]>();
  let flows = 0;
  for (const r of rows) {
    flows++;
    const list = offsets.get(r.evidenceId) ?? [];
    for (const e of readPacketIndex(new Uint8Array(r.idx.buffer, r.idx.byteOffset, r.idx.byteLength))) list.push(e.fileOffset);
    offsets.set(r.evidenceId, list);
  }
  const total = [...offsets.values()].reduce((n, l) => n + l.length, 0);
  const writer = new PcapngWriter(out);
  const ifaces = new Map<string, number>();
  let done = 0;
  const write = (evidenceId: number, rec: PacketRecord) => {
    const key = `${evidenceId}/${rec.interfaceId}/${rec.linkType}`;
    let id = ifaces.get(key);
    if (id === undefined) {
      id = writer.addInterface({ linkType: rec.linkType, snaplen: 262_144, name: `evidence ${evidenceId} interface ${rec.interfaceId}` });
      ifaces.set(key, id);
    }
    writer.writePacket(id, Math.max(0, rec.tsSec), rec.tsNsec, rec.data, rec.offset, rec.caplen, rec.wirelen, rec.comment);
    if (++done % 10_000 === 0) onProgress?.(done, total);
  };
  try {
    for (const [evidenceId, list] of offsets) {
      list.sort((a, b) => a - b);
      const src = await recordSourceOf(db, evidenceId);
      const packets = (db.prepare('SELECT packets FROM evidence WHERE id = ?').get(evidenceId) as { packets: number }).packets;
      if (list.length < packets * STREAM_SHARE) {
        await readRecordsAt(src, list, (rec) => write(evidenceId, rec));
        continue;
      }
      // Many packets: one sequential pass, picking records by offset.
      let next = 0;
      await readCaptureFile(src.path, (rec) => {
        while (next < list.length && list[next] < rec.fileOffset) next++;
        if (next < list.length && list[next] === rec.fileOffset) write(evidenceId, rec);
      });
    }
  } finally {
    writer.close();
  }
  onProgress?.(done, total);
  return { flows, packets: done, bytes: writer.bytesWritten };
}
