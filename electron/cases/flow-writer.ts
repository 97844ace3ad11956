import { ipKey } from '../../shared/net/ip-key';
import type { FlowValue } from '../flows/flow-row';
import type { CaseDb } from './case-db';
import { numericColumns, textColumns, type FlowBatch } from './flow-batch';

// The address keys (migration 0004) go last, computed from the address texts.
const insertColumns = ['evidence_id', ...numericColumns.map((c) => c.name), ...textColumns.map((c) => c.name), 'src_ip_key', 'dst_ip_key'];
const PACKETS = numericColumns.findIndex((c) => c.name === 'packets');
const ID = numericColumns.findIndex((c) => c.name === 'id');
const textAt = (name: string) => 1 + numericColumns.length + textColumns.findIndex((c) => c.name === name);
const SRC_IP = textAt('src_ip');
const DST_IP = textAt('dst_ip');
const SRC_KEY = insertColumns.length - 2;
const DST_KEY = insertColumns.length - 1;

type Param = FlowValue | Uint8Array;

function fillAddressKeys(params: Param[]): void {
  params[SRC_KEY] = typeof params[SRC_IP] === 'string' ? ipKey(params[SRC_IP]) : null;
  params[DST_KEY] = typeof params[DST_IP] === 'string' ? ipKey(params[DST_IP]) : null;
}

/**
 * Writes finished flows, one transaction per batch, binding positional
 * parameters from a reused array (named ones cost about 1.5× in better-sqlite3).
 */
export class FlowWriter {
  private readonly insert;
  private readonly insertIndex;
  private readonly params: Param[];
  private readonly writeBatch;
  private readonly writeRows;

  /**
   * `growing`: the same flows are written again as they grow (a live capture),
   * so a known id updates its row and replaces its packet index. An import
   * writes each flow once, and its packet index goes in with a plain INSERT:
   * REPLACE (or an upsert) on that table, whose rows cascade from flows, makes
   * SQLite keep a statement journal for every insert, and with 16 KB pages it
   * spilled to temporary files: 1.45 GB of writes for a 43k-flow import, a
   * quarter of the writer's CPU.
   */
  constructor(
    private readonly db: CaseDb,
    { growing = false }: { growing?: boolean } = {},
  ) {
    // Flows carry the id the engine gave them at their first packet.
    const updates = insertColumns.filter((c) => c !== 'id' && c !== 'evidence_id').map((c) => `${c} = excluded.${c}`);
    this.insert = db.prepare(`INSERT INTO flows (${insertColumns.join(', ')}) VALUES (${insertColumns.map(() => '?').join(', ')}) ON CONFLICT(id) DO UPDATE SET ${updates.join(', ')}`);
    this.insertIndex = db.prepare(`INSERT${growing ? ' OR REPLACE' : ''} INTO flow_packets (flow_id, evidence_id, packet_count, packet_index) VALUES (?, ?, ?, ?)`);
    this.params = new Array<Param>(insertColumns.length);
    const nn = numericColumns.length;
    const nt = textColumns.length;
    this.writeBatch = db.transaction((b: FlowBatch) => {
      const params = this.params;
      params[0] = b.evidenceId;
      let pos = 0;
      let indexPos = 0;
      const indexBytes = Buffer.from(b.index.buffer, b.index.byteOffset, b.indexUsed);
      const text = Buffer.from(b.text.buffer, b.text.byteOffset, b.textUsed);
      for (let r = 0; r < b.count; r++) {
        const no = r * nn;
        for (let c = 0; c < nn; c++) {
          const v = b.numeric[no + c];
          params[1 + c] = v !== v ? null : v;
        }
        const to = r * nt;
        for (let c = 0; c < nt; c++) {
          const len = b.textLengths[to + c];
          if (len < 0) {
            params[1 + nn + c] = null;
          } else {
            params[1 + nn + c] = text.toString('utf8', pos, pos + len);
            pos += len;
          }
        }
        fillAddressKeys(params);
        this.insert.run(params);
        const n = b.indexLengths[r];
        if (n > 0) this.insertIndex.run(params[1 + ID], b.evidenceId, params[1 + PACKETS], indexBytes.subarray(indexPos, indexPos + n));
        indexPos += n;
      }
    });
    this.writeRows = db.transaction((evidenceId: number, rows: FlowValue[][]) => {
      const params = this.params;
      params[0] = evidenceId;
      for (const row of rows) {
        for (let c = 0; c < nn; c++) params[1 + c] = row[numericColumns[c].i];
        for (let c = 0; c < nt; c++) params[1 + nn + c] = row[textColumns[c].i];
        fillAddressKeys(params);
        this.insert.run(params);
      }
    });
  }

  /** A packed batch (from the engine's worker). */
  writePacked(b: FlowBatch): void {
    if (b.count > 0) this.writeBatch(b);
  }

  /** Registry-ordered rows (tests, small imports). */
  write(evidenceId: number, rows: FlowValue[][]): void {
    if (rows.length > 0) this.writeRows(evidenceId, rows);
  }
}
