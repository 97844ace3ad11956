import { flowFields } from '../../shared/fields';
import type { FlowValue } from '../flows/flow-row';

/** Registry positions of the stored columns, split by storage kind (the id is numeric: the engine assigns it). */
const stored = flowFields.map((f, i) => ({ name: f.name, type: f.type, i }));
export const numericColumns = stored.filter((c) => c.type !== 'text');
export const textColumns = stored.filter((c) => c.type === 'text');

/**
 * Finished flows packed for the writer thread, all in transferable buffers so
 * posting a batch copies nothing: numbers in one Float64Array (NaN stands for
 * NULL, which SQLite could not store as a REAL anyway); texts as UTF-8 bytes back
 * to back with their byte lengths beside (-1 for NULL). Texts used to travel as
 * one concatenated string: building it kept a long chain of strings alive across
 * collections, and cloning it took 1 s of the engine thread per 5M packets.
 */
export interface FlowBatch {
  evidenceId: number;
  count: number;
  numeric: Float64Array;
  textLengths: Int32Array;
  text: Uint8Array;
  textUsed: number;
  /** Each flow's packet index (flows/packet-index.ts), back to back, with their lengths. */
  index: Uint8Array;
  indexLengths: Int32Array;
  indexUsed: number;
}

export function newBatch(evidenceId: number, capacity: number): FlowBatch {
  return {
    evidenceId,
    count: 0,
    numeric: new Float64Array(capacity * numericColumns.length),
    textLengths: new Int32Array(capacity * textColumns.length),
    text: new Uint8Array(capacity * 256),
    textUsed: 0,
    index: new Uint8Array(capacity * 64),
    indexLengths: new Int32Array(capacity),
    indexUsed: 0,
  };
}

const utf8 = new TextEncoder();

/** Appends a string's UTF-8 bytes to the batch's text; returns their count. */
function putText(b: FlowBatch, v: string): number {
  const n = v.length;
  // UTF-8 takes at most 3 bytes per UTF-16 unit.
  if (b.textUsed + n * 3 > b.text.length) {
    const bigger = new Uint8Array(Math.max(b.text.length * 2, b.textUsed + n * 3));
    bigger.set(b.text.subarray(0, b.textUsed));
    b.text = bigger;
  }
  const t = b.text;
  const at = b.textUsed;
  // Flow texts are nearly all ASCII (addresses, names, hex digests): copied by hand,
  // which beats an encoder call per short string.
  for (let i = 0; i < n; i++) {
    const ch = v.charCodeAt(i);
    if (ch >= 0x80) {
      const { written } = utf8.encodeInto(v, t.subarray(at));
      b.textUsed = at + written;
      return written;
    }
    t[at + i] = ch;
  }
  b.textUsed = at + n;
  return n;
}

/** Appends a registry-ordered row and its packet index; returns false when the batch is full. */
export function appendRow(b: FlowBatch, row: FlowValue[], packetIndex: Uint8Array): boolean {
  const nn = numericColumns.length;
  const nt = textColumns.length;
  if ((b.count + 1) * nn > b.numeric.length) return false;
  const no = b.count * nn;
  for (let c = 0; c < nn; c++) {
    const v = row[numericColumns[c].i];
    b.numeric[no + c] = v === null ? NaN : (v as number);
  }
  const to = b.count * nt;
  for (let c = 0; c < nt; c++) {
    const v = row[textColumns[c].i] as string | null;
    b.textLengths[to + c] = v === null ? -1 : putText(b, v);
  }
  if (b.indexUsed + packetIndex.length > b.index.length) {
    const bigger = new Uint8Array(Math.max(b.index.length * 2, b.indexUsed + packetIndex.length));
    bigger.set(b.index.subarray(0, b.indexUsed));
    b.index = bigger;
  }
  b.index.set(packetIndex, b.indexUsed);
  b.indexUsed += packetIndex.length;
  b.indexLengths[b.count] = packetIndex.length;
  b.count++;
  return true;
}
