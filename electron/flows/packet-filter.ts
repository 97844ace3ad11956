import { FILTERED_EXCLUDED, FILTERED_NOT_IP, FILTERED_NOT_LISTED, type ImportFilter } from '../../shared/domain/import-filter';
import { parseAddressBlock } from '../../shared/net/address-block';
import type { DecodedPacket } from '../dissect/decoded-packet';

/** A block's first and last 16-byte key as four unsigned 32-bit words each, most significant first. */
function blockWords(texts: readonly string[]): Uint32Array {
  const out = new Uint32Array(texts.length * 8);
  texts.forEach((t, i) => {
    const b = parseAddressBlock(t);
    if (!b) throw new Error(`import filter: ${JSON.stringify(t)} is not an address or CIDR block`);
    const first = new DataView(b.first.buffer, b.first.byteOffset, 16);
    const last = new DataView(b.last.buffer, b.last.byteOffset, 16);
    for (let w = 0; w < 4; w++) {
      out[i * 8 + w] = first.getUint32(w * 4);
      out[i * 8 + 4 + w] = last.getUint32(w * 4);
    }
  });
  return out;
}

/**
 * The import filter compiled for the packet loop: address blocks as typed
 * arrays of key words, an address tested against them in place, so a packet
 * costs a few integer comparisons and no allocation. Addresses are compared
 * as the sortable keys of shared/net/ip-key.ts (IPv4 as ::ffff:a.b.c.d), so
 * one test serves both families. Lists are scanned linearly: they hold a few
 * proxies or hosts, not routing tables.
 */
export class PacketFilter {
  private readonly exclude: Uint32Array;
  private readonly only: Uint32Array;
  private readonly ipOnly: boolean;
  /** The address under test, as key words (reused). */
  private readonly k = new Uint32Array(4);

  constructor(spec: ImportFilter) {
    this.ipOnly = spec.ipOnly;
    this.exclude = blockWords(spec.exclude);
    this.only = blockWords(spec.only);
  }

  /** Why the packet is left out, or null to keep it. Packets without IP pass (the engine skips them) unless `ipOnly`. */
  drop(p: DecodedPacket): string | null {
    if (p.ipVersion === 0) return this.ipOnly ? FILTERED_NOT_IP : null;
    if (this.exclude.length > 0 && (this.inBlocks(this.exclude, p, true) || this.inBlocks(this.exclude, p, false))) return FILTERED_EXCLUDED;
    if (this.only.length > 0 && !this.inBlocks(this.only, p, true) && !this.inBlocks(this.only, p, false)) return FILTERED_NOT_LISTED;
    return null;
  }

  private inBlocks(blocks: Uint32Array, p: DecodedPacket, src: boolean): boolean {
    const k = this.k;
    if (p.ipVersion === 4) {
      k[0] = 0;
      k[1] = 0;
      k[2] = 0xffff;
      k[3] = src ? p.src0 : p.dst0;
    } else {
      k[0] = src ? p.src0 : p.dst0;
      k[1] = src ? p.src1 : p.dst1;
      k[2] = src ? p.src2 : p.dst2;
      k[3] = src ? p.src3 : p.dst3;
    }
    for (let i = 0; i < blocks.length; i += 8) {
      if (compareWords(k, blocks, i) >= 0 && compareWords(k, blocks, i + 4) <= 0) return true;
    }
    return false;
  }
}

/** Sign of key − blocks[at..at+4), word by word. */
function compareWords(k: Uint32Array, blocks: Uint32Array, at: number): number {
  for (let w = 0; w < 4; w++) {
    const a = k[w];
    const b = blocks[at + w];
    if (a !== b) return a < b ? -1 : 1;
  }
  return 0;
}
