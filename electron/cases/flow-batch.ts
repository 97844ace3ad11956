import { flowFields } from '../../shared/fields';
import type { FlowValue } from '../flows/flow-row';

/** Registry positions of the stored columns, split by storage kind (the id is numeric: the engine assigns it). */
const stored = flowFields.map((f, i) => ({ name: f.name, type: f.type, i }));
export const numericColumns = stored.filter((c) => c.type !== 'text');
export const textColumns = stored.filter((c) => c.type === 'text');

/**
 * Finished flows packed for the writer thread: numbers in one Float64Array
 * (transferred, not copied; NaN stands for NULL, which SQLite could not store as
 * a REAL anyway); texts concatenated into one string with their lengths beside
 * (-1 for NULL), because cloning one string costs far less than cloning
 * thousands of small ones.
 */
export interface FlowBatch {
  evidenceId: number;
  count: number;
  numeric: Float64Array;
  textLengths: Int32Array;
  text: string;
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
    text: '',
    index: new Uint8Array(capacity * 64),
    indexLengths: new Int32Array(capacity),
    indexUsed: 0,
  };
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
  let text = '';
  for (let c = 0; c < nt; c++) {
    const v = row[textColumns[c].i] as string | null;
    if (v === null) {
      b.textLengths[to + c] = -1;
    } else {
      b.textLengths[to + c] = v.length;
      text += v;
    }
  }
  b.text += text;
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
