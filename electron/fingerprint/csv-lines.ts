import { invalidUtf8At } from './utf8-check';
import { CsvFileError } from './csv-file-error';

/** One physical line: its number (1-based), its text, or why it could not be read. */
export type CsvLine = { line: number; text: string } | { line: number; text: null; error: string };

/** Longer lines are rejected unread: a session row is a few dozen bytes, a binary file has no newlines. */
export const MAX_LINE_BYTES = 64 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Splits a byte stream into decoded lines, without holding more than one line
 * and one chunk. A UTF-8 byte order mark is dropped; UTF-16 and binary files
 * are refused up front (CsvFileError); a line that is not valid UTF-8 is
 * reported with the offending byte and its column, and the lines after it still
 * count. `onBytes` reports progress.
 */
export async function* csvLines(file: string, chunks: AsyncIterable<Buffer>, onBytes?: (bytes: number) => void): AsyncGenerator<CsvLine> {
  let carry: Buffer | null = null;
  let line = 0;
  let skipping = false;
  let seen = 0;
  // The first few bytes are held until the BOM and encoding checks can see them.
  let head: Buffer[] | null = [];

  const decode = (bytes: Buffer): CsvLine => {
    line++;
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
    const body = bytes.subarray(0, end);
    try {
      return { line, text: decoder.decode(body) };
    } catch {
      const at = invalidUtf8At(body);
      return { line, text: null, error: `not valid UTF-8 (byte 0x${body[at].toString(16).toUpperCase().padStart(2, '0')} at column ${at + 1}); save the file as UTF-8` };
    }
  };
  const tooLong = (): CsvLine => ({ line: ++line, text: null, error: `longer than ${MAX_LINE_BYTES} bytes` });

  function* split(chunk: Buffer): Generator<CsvLine> {
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      if (skipping) skipping = false;
      else {
        const piece: Buffer = carry ? Buffer.concat([carry, chunk.subarray(start, nl)]) : chunk.subarray(start, nl);
        yield piece.length > MAX_LINE_BYTES ? tooLong() : decode(piece);
      }
      carry = null;
      start = nl + 1;
    }
    if (start < chunk.length && !skipping) {
      const rest = chunk.subarray(start);
      carry = carry ? Buffer.concat([carry, rest]) : Buffer.from(rest);
      if (carry.length > MAX_LINE_BYTES) {
        yield tooLong();
        carry = null;
        skipping = true;
      }
    }
  }

  for await (const raw of chunks) {
    seen += raw.length;
    if (head) {
      head.push(raw);
      if (seen < 4) continue;
      const first = checkStart(file, Buffer.concat(head));
      head = null;
      yield* split(first);
    } else {
      yield* split(raw);
    }
    onBytes?.(seen);
  }
  if (head && seen > 0) yield* split(checkStart(file, Buffer.concat(head)));
  if (carry && (carry as Buffer).length > 0 && !skipping) yield decode(carry);
}

/** The first bytes: strip a UTF-8 BOM, refuse UTF-16/32 and binary content. */
function checkStart(file: string, b: Buffer): Buffer {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return b.subarray(3);
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) {
    throw new CsvFileError(file, 'the file is UTF-16 encoded; save it as UTF-8 (comma-separated) and import it again');
  }
  const head = b.subarray(0, Math.min(b.length, 512));
  if (head.includes(0)) throw new CsvFileError(file, 'the file is not text (it contains NUL bytes); expected a CSV file');
  return b;
}
