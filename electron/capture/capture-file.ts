import { CaptureFormatError } from './capture-errors';
import { ChunkBuffer } from './chunk-buffer';
import { FileSource, type ByteSource } from './byte-source';
import { GzipSource } from './gzip-source';
import type { PacketSink } from './packet-record';
import { isPcapMagic, readPcap } from './pcap-reader';
import { isPcapngMagic } from './pcapng-format';
import { readPcapng } from './pcapng-reader';
import type { ReadStats } from './read-stats';
import type { ReaderHooks } from './reader-hooks';
import { FileHashThread } from './file-hash-thread';
import { inputFileProblem } from '../input-file';
import { closeSync, openSync, readSync } from 'node:fs';

/** `shouldStop` runs between chunks (it may await: the ingest hands batches to the writer there). */
export type StopHook = () => boolean | Promise<boolean>;

type FormatReader = (file: string, cb: ChunkBuffer, sink: PacketSink, shouldStop: StopHook, hooks: ReaderHooks) => Promise<ReadStats>;

interface CaptureFormat {
  name: string;
  sniff(head: Uint8Array): boolean;
  read: FormatReader;
}

/** Known capture formats, tried in order on the file's first bytes. */
const formats: CaptureFormat[] = [
  { name: 'pcap', sniff: isPcapMagic, read: readPcap },
  { name: 'pcapng', sniff: isPcapngMagic, read: readPcapng },
];

/** Bytes the format signatures need: the pcapng byte-order magic ends at byte 12. */
const SNIFF_BYTES = 12;

export function registerCaptureFormat(format: CaptureFormat): void {
  formats.push(format);
}

function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

function readHead(path: string, n: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const head = new Uint8Array(n);
    const got = readSync(fd, head, 0, n, 0);
    return head.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks that a file is a capture (or a gzip-compressed one) without reading it
 * all; throws CaptureFormatError with a one-line reason when it is not.
 */
export function sniffCaptureFile(path: string): string {
  const problem = inputFileProblem(path);
  if (problem !== null) throw new CaptureFormatError(path, 0, problem);
  let head: Uint8Array;
  try {
    head = readHead(path, SNIFF_BYTES);
  } catch (err) {
    throw new CaptureFormatError(path, 0, `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (head.length === 0) throw new CaptureFormatError(path, 0, 'the file is empty');
  if (isGzip(head)) return 'gzip';
  const format = formats.find((f) => f.sniff(head));
  if (!format) throw new CaptureFormatError(path, 0, 'not a capture file (no pcap or pcapng signature)');
  return format.name;
}

export interface CaptureRead {
  stats: ReadStats;
  compressed: boolean;
  /** With `digest: true`: the file's SHA-256, hashed on its own thread (see FileHashThread). */
  digest: FileHashThread | null;
}

/**
 * Reads a capture file of any supported format (optionally gzip-compressed),
 * streaming every record to `sink`. Throws CaptureFormatError when the file is
 * not a capture at all; damage after a valid start yields partial stats instead.
 */
export async function readCaptureFile(
  path: string,
  sink: PacketSink,
  opts: { shouldStop?: StopHook; onSource?: (s: ByteSource) => void; hooks?: ReaderHooks; digest?: boolean } = {},
): Promise<CaptureRead> {
  const compressed = isGzip(readHead(path, 2));
  // A plain file is read once, by the hashing thread, which hands the reader the
  // bytes it hashed; a gzip file's compressed bytes are the evidence, hashed as on disk.
  const digest = opts.digest ? new FileHashThread(path, { shareReads: !compressed }) : null;
  const source: ByteSource = compressed ? new GzipSource(path) : (digest?.source ?? new FileSource(path));
  let ok = false;
  opts.onSource?.(source);
  try {
    const cb = new ChunkBuffer(source);
    await cb.ensure(SNIFF_BYTES);
    if (cb.end === 0 && source.error) throw new CaptureFormatError(path, 0, source.error);
    const head = cb.buf.subarray(0, cb.end);
    const format = formats.find((f) => f.sniff(head));
    if (!format) {
      throw new CaptureFormatError(path, 0, cb.end === 0 ? 'the file is empty' : 'not a capture file (no pcap or pcapng signature)');
    }
    const stats = await format.read(path, cb, sink, opts.shouldStop ?? (() => false), opts.hooks ?? {});
    stats.layout.compressed = compressed;
    if (source.error) {
      stats.partial = true;
      stats.problem = `${source.error} (after ${cb.offset} decompressed bytes)`;
    }
    ok = true;
    return { stats, compressed, digest };
  } finally {
    if (!ok) digest?.cancel();
    source.close();
  }
}
