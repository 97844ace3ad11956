/**
 * Hand-built pcapng blocks (draft-ietf-opsawg-pcapng), so each test states the
 * exact bytes it reads. Every builder takes the section's byte order.
 */

export type Bytes = Uint8Array;

export function concat(...parts: Bytes[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

const pad4 = (n: number) => (n + 3) & ~3;

/** Writes 32-bit words (and raw byte runs) in one byte order. */
class Writer {
  private parts: Bytes[] = [];
  constructor(private readonly le: boolean) {}
  u16(v: number): this {
    const b = new Uint8Array(2);
    new DataView(b.buffer).setUint16(0, v, this.le);
    this.parts.push(b);
    return this;
  }
  u32(v: number): this {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, v >>> 0, this.le);
    this.parts.push(b);
    return this;
  }
  /** A 64-bit value as its high and low words in this byte order (§4.1 section length, options). */
  u64(v: bigint): this {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, BigInt.asUintN(64, v), this.le);
    this.parts.push(b);
    return this;
  }
  bytes(b: ArrayLike<number>, padded = true): this {
    const out = new Uint8Array(padded ? pad4(b.length) : b.length);
    out.set(Array.from(b));
    this.parts.push(out);
    return this;
  }
  done(): Bytes {
    return concat(...this.parts);
  }
}

/** One option: code, length, value padded to 32 bits (§3.5). */
export interface Option {
  code: number;
  value: ArrayLike<number>;
}

export const text = (code: number, s: string): Option => ({ code, value: new TextEncoder().encode(s) });
export const u8opt = (code: number, v: number): Option => ({ code, value: [v] });

export function u64opt(code: number, v: bigint, le: boolean): Option {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, BigInt.asUintN(64, v), le);
  return { code, value: b };
}

/** A timestamp option (isb_starttime/endtime): high word then low word, each in the section's order. */
export function tsopt(code: number, v: bigint, le: boolean): Option {
  const w = new Writer(le).u32(Number(v >> 32n)).u32(Number(v & 0xffffffffn)).done();
  return { code, value: w };
}

function options(le: boolean, opts: Option[]): Bytes {
  if (opts.length === 0) return new Uint8Array(0);
  const w = new Writer(le);
  for (const o of opts) w.u16(o.code).u16(o.value.length).bytes(o.value);
  return w.u16(0).u16(0).done();
}

/** Any block: type, total length, body, total length (§3.1). */
export function block(le: boolean, type: number, body: Bytes): Bytes {
  const len = 12 + pad4(body.length);
  return new Writer(le).u32(type).u32(len).bytes(body).u32(len).done();
}

export function shb(le: boolean, opts: Option[] = [], version: [number, number] = [1, 0]): Bytes {
  const body = concat(new Writer(le).u32(0x1a2b3c4d).u16(version[0]).u16(version[1]).u64(-1n).done(), options(le, opts));
  return block(le, 0x0a0d0d0a, body);
}

export function idb(le: boolean, linkType: number, snaplen = 0, opts: Option[] = []): Bytes {
  return block(le, 1, concat(new Writer(le).u16(linkType).u16(0).u32(snaplen).done(), options(le, opts)));
}

export interface PacketSpec {
  iface?: number;
  /** Timestamp in the interface's units. */
  ts?: bigint;
  data: ArrayLike<number>;
  orig?: number;
  opts?: Option[];
}

export function epb(le: boolean, p: PacketSpec): Bytes {
  const ts = p.ts ?? 0n;
  const head = new Writer(le).u32(p.iface ?? 0).u32(Number(ts >> 32n)).u32(Number(ts & 0xffffffffn)).u32(p.data.length).u32(p.orig ?? p.data.length).bytes(p.data).done();
  return block(le, 6, concat(head, options(le, p.opts ?? [])));
}

/** The obsolete Packet Block (Appendix A): 16-bit interface id and drop count. */
export function pb(le: boolean, p: PacketSpec & { drops?: number }): Bytes {
  const ts = p.ts ?? 0n;
  const head = new Writer(le).u16(p.iface ?? 0).u16(p.drops ?? 0).u32(Number(ts >> 32n)).u32(Number(ts & 0xffffffffn)).u32(p.data.length).u32(p.orig ?? p.data.length).bytes(p.data).done();
  return block(le, 2, concat(head, options(le, p.opts ?? [])));
}

export function spb(le: boolean, orig: number, data: ArrayLike<number>): Bytes {
  return block(le, 3, new Writer(le).u32(orig).bytes(data).done());
}

export interface NameRecord {
  type: number;
  value: ArrayLike<number>;
}

export const ipv4Name = (addr: number[], ...names: string[]): NameRecord => ({ type: 1, value: [...addr, ...names.flatMap((n) => [...new TextEncoder().encode(n), 0])] });
export const ipv6Name = (addr: number[], ...names: string[]): NameRecord => ({ type: 2, value: [...addr, ...names.flatMap((n) => [...new TextEncoder().encode(n), 0])] });

export function nrb(le: boolean, records: NameRecord[], opts: Option[] = []): Bytes {
  const w = new Writer(le);
  for (const r of records) w.u16(r.type).u16(r.value.length).bytes(r.value);
  w.u16(0).u16(0);
  return block(le, 4, concat(w.done(), options(le, opts)));
}

export function isb(le: boolean, iface: number, ts: bigint, opts: Option[] = []): Bytes {
  return block(le, 5, concat(new Writer(le).u32(iface).u32(Number(ts >> 32n)).u32(Number(ts & 0xffffffffn)).done(), options(le, opts)));
}

/** A custom block (§4.8): Private Enterprise Number, then opaque data. */
export function customBlock(le: boolean, type: 0x00000bad | 0x40000bad, pen: number, data: ArrayLike<number>): Bytes {
  return block(le, type, new Writer(le).u32(pen).bytes(data).done());
}
