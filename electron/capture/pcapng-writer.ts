import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';

const BUFFER = 1 << 20;
const SHB = 0x0a0d0d0a;
const IDB = 0x00000001;
const EPB = 0x00000006;
const OPT_END = 0;
const OPT_COMMENT = 1;
const IF_NAME = 2;
const IF_TSRESOL = 9;
const SHB_HARDWARE = 2;
const SHB_USERAPPL = 4;

export interface WriterInterface {
  linkType: number;
  snaplen: number;
  name?: string;
}

const encoder = new TextEncoder();
const pad4 = (n: number) => (n + 3) & ~3;

/**
 * Writes pcapng (draft-ietf-opsawg-pcapng): one section, interfaces declared as
 * they are first used, Enhanced Packet Blocks with nanosecond timestamps
 * (if_tsresol 9) so no precision is lost, and optional packet comments.
 * Little-endian, buffered.
 */
export class PcapngWriter {
  private fd: number;
  private buf = new Uint8Array(BUFFER);
  private view = new DataView(this.buf.buffer);
  private len = 0;
  packets = 0;
  bytesWritten = 0;
  /** SHA-256 of every byte written, when asked for (evidence files: hashed as they are written). */
  private readonly hash: Hash | null;
  private sha256: string | null = null;

  constructor(
    readonly path: string,
    application = 'Flowsight',
    options: { digest?: boolean } = {},
  ) {
    this.fd = openSync(path, 'w');
    this.hash = options.digest ? createHash('sha256') : null;
    const opts = [option(SHB_USERAPPL, application), option(SHB_HARDWARE, process.arch)];
    this.block(SHB, 16 + opts.reduce((n, o) => n + o.length, 0) + 4, (v, at) => {
      v.setUint32(at, 0x1a2b3c4d, true);
      v.setUint16(at + 4, 1, true);
      v.setUint16(at + 6, 0, true);
      // Section length unknown (-1): it is written as one stream.
      v.setUint32(at + 8, 0xffffffff, true);
      v.setUint32(at + 12, 0xffffffff, true);
      let o = at + 16;
      for (const opt of opts) {
        this.buf.set(opt, o);
        o += opt.length;
      }
      v.setUint32(o, OPT_END, true);
    });
  }

  /** Declares an interface; returns its id for writePacket. */
  addInterface(i: WriterInterface): number {
    const opts = [Uint8Array.of(IF_TSRESOL & 0xff, IF_TSRESOL >> 8, 1, 0, 9, 0, 0, 0), ...(i.name ? [option(IF_NAME, i.name)] : [])];
    this.block(IDB, 8 + opts.reduce((n, o) => n + o.length, 0) + 4, (v, at) => {
      v.setUint16(at, i.linkType, true);
      v.setUint16(at + 2, 0, true);
      v.setUint32(at + 4, i.snaplen, true);
      let o = at + 8;
      for (const opt of opts) {
        this.buf.set(opt, o);
        o += opt.length;
      }
      v.setUint32(o, OPT_END, true);
    });
    return this.interfaces++;
  }

  private interfaces = 0;

  /** One packet; `data[offset, offset+caplen)` are its captured bytes. Returns the block's offset in the file. */
  writePacket(iface: number, tsSec: number, tsNsec: number, data: Uint8Array, offset: number, caplen: number, wirelen: number, comment?: string | null): number {
    const opts = comment ? [option(OPT_COMMENT, comment)] : [];
    const optLen = opts.length ? opts.reduce((n, o) => n + o.length, 0) + 4 : 0;
    // Nanoseconds since 1970 as two 32-bit halves, without exceeding 2^53 on the way.
    const ns = BigInt(tsSec) * 1_000_000_000n + BigInt(tsNsec);
    const hi = Number(ns >> 32n);
    const lo = Number(ns & 0xffffffffn);
    const fileOffset = this.block(EPB, 20 + pad4(caplen) + optLen, (v, at) => {
      v.setUint32(at, iface, true);
      v.setUint32(at + 4, hi, true);
      v.setUint32(at + 8, lo, true);
      v.setUint32(at + 12, caplen, true);
      v.setUint32(at + 16, wirelen, true);
      this.buf.set(data.subarray(offset, offset + caplen), at + 20);
      this.buf.fill(0, at + 20 + caplen, at + 20 + pad4(caplen));
      let o = at + 20 + pad4(caplen);
      for (const opt of opts) {
        this.buf.set(opt, o);
        o += opt.length;
      }
      if (optLen) v.setUint32(o, OPT_END, true);
    });
    this.packets++;
    return fileOffset;
  }

  /** Bytes in the file once everything buffered is written. */
  get size(): number {
    return this.bytesWritten + this.len;
  }

  /** Appends a block; returns its offset in the file. */
  private block(type: number, bodyLen: number, fill: (v: DataView, at: number) => void): number {
    const total = 8 + bodyLen + 4;
    if (this.len + total > this.buf.length) this.flush();
    const fileOffset = this.bytesWritten + this.len;
    if (total > this.buf.length) {
      this.buf = new Uint8Array(total);
      this.view = new DataView(this.buf.buffer);
    }
    const v = this.view;
    v.setUint32(this.len, type, true);
    v.setUint32(this.len + 4, total, true);
    fill(v, this.len + 8);
    v.setUint32(this.len + total - 4, total, true);
    this.len += total;
    return fileOffset;
  }

  flush(): void {
    if (this.len > 0) {
      writeSync(this.fd, this.buf, 0, this.len);
      this.hash?.update(this.buf.subarray(0, this.len));
      this.bytesWritten += this.len;
    }
    this.len = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
    this.sha256 = this.hash?.digest('hex') ?? null;
  }

  /** The file's SHA-256 once closed (with `digest: true`). */
  get digest(): string | null {
    return this.sha256;
  }
}

function option(code: number, text: string): Uint8Array {
  const value = encoder.encode(text);
  const out = new Uint8Array(4 + pad4(value.length));
  const v = new DataView(out.buffer);
  v.setUint16(0, code, true);
  v.setUint16(2, value.length, true);
  out.set(value, 4);
  return out;
}
