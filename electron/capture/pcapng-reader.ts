import { CaptureFormatError } from './capture-errors';
import type { ChunkBuffer } from './chunk-buffer';
import { PacketRecord, type PacketSink } from './packet-record';
import {
  BLOCK_CB, BLOCK_DCB, BLOCK_DSB, BLOCK_EPB, BLOCK_IDB, BLOCK_ISB, BLOCK_NRB, BLOCK_OVERHEAD, BLOCK_PB, BLOCK_SHB,
  BLOCK_SPB, BLOCK_SYSTEMD_JOURNAL, BYTE_ORDER_MAGIC, MAX_BLOCK, blockName,
} from './pcapng-format';
import { parseIdb, type PcapngInterface } from './pcapng-interface';
import { parseIsb } from './pcapng-isb';
import { parseNrb } from './pcapng-names';
import { OptionCursor } from './pcapng-options';
import { readEnhancedPacket, readSimplePacket, type SectionView } from './pcapng-packet-blocks';
import { countSkip, MAX_INTERFACES, newReadStats, tallyLinkTypes, type ReadStats } from './read-stats';
import type { ReaderHooks } from './reader-hooks';

const OTHER_BLOCKS = -1;

/** Blocks that carry nothing a flow needs, with the reason they are skipped. */
const skipReasons = new Map<number, string>([
  [BLOCK_DSB, 'pcapng decryption secrets block (not used)'],
  [BLOCK_SYSTEMD_JOURNAL, 'pcapng systemd journal block (not a packet)'],
  [BLOCK_CB, 'pcapng custom block (not used)'],
  [BLOCK_DCB, 'pcapng custom block (not used)'],
]);

/**
 * pcapng files (draft-ietf-opsawg-pcapng): any number of sections, each with
 * its own byte order and interfaces. Streams through the ChunkBuffer like
 * readPcap: whole blocks are parsed synchronously from the buffer, and it awaits
 * only when a block straddles the end.
 */
export function readPcapng(file: string, cb: ChunkBuffer, sink: PacketSink, shouldStop: () => boolean | Promise<boolean>, hooks: ReaderHooks = {}): Promise<ReadStats> {
  return new PcapngReader(file, cb, sink, shouldStop, hooks).read();
}

class PcapngReader implements SectionView {
  readonly stats = newReadStats('pcapng');
  readonly opts = new OptionCursor();
  private readonly rec = new PacketRecord();
  view: DataView;
  bytes: Uint8Array;
  little = true;
  interfaces: PcapngInterface[] = [];
  private section = -1;
  /** Blocks read so far; the one being read is number `blocks + 1`. */
  private blocks = 0;
  /** Blocks read per type (packet blocks counted in place, the map filled at the end). */
  private readonly blockCounts = new Map<number, number>();
  private packetBlocks = [0, 0, 0];
  private readonly seenNames = new Set<string>();

  constructor(
    private readonly file: string,
    private readonly cb: ChunkBuffer,
    private readonly sink: PacketSink,
    private readonly shouldStop: () => boolean | Promise<boolean>,
    private readonly hooks: ReaderHooks,
  ) {
    this.bytes = cb.buf;
    this.view = new DataView(cb.buf.buffer, cb.buf.byteOffset, cb.buf.byteLength);
  }

  async read(): Promise<ReadStats> {
    const cb = this.cb;
    for (;;) {
      if (this.bytes !== cb.buf) {
        // The chunk buffer grew for a large block: only then is a new view made.
        this.bytes = cb.buf;
        this.view = new DataView(cb.buf.buffer, cb.buf.byteOffset, cb.buf.byteLength);
      }
      this.rec.data = this.bytes;
      const need = this.readBuffered();
      if (need === 0 || (await this.shouldStop())) return this.finish();
      if (!(await cb.ensure(need))) {
        if (cb.available > 0) this.cutShort(need);
        return this.finish();
      }
    }
  }

  /**
   * Reads every whole block in the buffer. Returns the bytes needed to go on
   * (the next block's length, or a block header), or 0 when reading must stop.
   */
  private readBuffered(): number {
    const cb = this.cb;
    const v = this.view;
    const end = cb.end;
    let pos = cb.pos;
    try {
      while (end - pos >= BLOCK_OVERHEAD) {
        let little = this.little;
        const type = v.getUint32(pos, little);
        if (type === BLOCK_SHB) {
          // §4.1: a new section may switch byte order; its magic says which.
          if (v.getUint32(pos + 8, true) === BYTE_ORDER_MAGIC) little = true;
          else if (v.getUint32(pos + 8, false) === BYTE_ORDER_MAGIC) little = false;
          else return this.damaged(pos, type, 'has no valid byte-order magic');
        }
        const len = v.getUint32(pos + 4, little);
        // §3.1: a block is at least 12 bytes and a multiple of 4 long.
        if (len < BLOCK_OVERHEAD || len % 4 !== 0 || len > MAX_BLOCK) return this.damaged(pos, type, `claims an impossible length of ${len} bytes`);
        if (end - pos < len) return len;
        if (v.getUint32(pos + len - 4, little) !== len) return this.damaged(pos, type, `ends with a length (${v.getUint32(pos + len - 4, little)}) that differs from its header's (${len})`);
        const problem = type === BLOCK_SHB ? this.sectionHeader(pos, len, little) : this.block(type, pos, len);
        if (problem !== null) return this.damaged(pos, type, problem);
        this.blocks++;
        pos += len;
      }
      return BLOCK_OVERHEAD;
    } finally {
      cb.pos = pos;
    }
  }

  /** One block of the current section; returns what is wrong with it, or null. */
  private block(type: number, pos: number, len: number): string | null {
    const rec = this.rec;
    let problem: string | null = null;
    switch (type) {
      case BLOCK_EPB:
      case BLOCK_PB:
      case BLOCK_SPB:
        problem = type === BLOCK_SPB ? readSimplePacket(this, pos, len, rec) : readEnhancedPacket(this, pos, len, rec, type === BLOCK_PB);
        if (problem !== null) return problem;
        this.packetBlocks[type === BLOCK_EPB ? 0 : type === BLOCK_SPB ? 1 : 2]++;
        rec.fileOffset = this.cb.base + pos;
        rec.index = this.stats.packets;
        this.sink(rec);
        this.stats.packets++;
        return null;
      case BLOCK_IDB:
        problem = this.interfaceDescription(pos, len);
        break;
      case BLOCK_NRB: {
        const before = this.stats.names.length;
        if (!parseNrb(this.view, this.bytes, pos + 8, pos + len - 4, this.little, this.stats.names, this.seenNames)) problem = 'has a name record running past the end of the block';
        // Names usually precede the packets they name: hand them on at once.
        for (let i = before; i < this.stats.names.length; i++) this.hooks.onName?.(this.stats.names[i], this.stats.packets);
        break;
      }
      case BLOCK_ISB:
        problem = this.interfaceStatistics(pos, len);
        break;
      default:
        countSkip(this.stats, skipReasons.get(type) ?? `pcapng block of unknown type ${blockName(type)}`);
    }
    if (problem === null) this.countBlock(type);
    return problem;
  }

  /** §4.1: starts a new section, forgetting the previous section's interfaces. */
  private sectionHeader(pos: number, len: number, little: boolean): string | null {
    if (len < 28) return `is ${len} bytes long, shorter than a section header's 28`;
    const major = this.view.getUint16(pos + 12, little);
    const minor = this.view.getUint16(pos + 14, little);
    // Versions 1.0 and 1.2 are the same format; Wireshark reads only those.
    if (major !== 1 || (minor !== 0 && minor !== 2)) return `has version ${major}.${minor}, which no reader supports`;
    this.little = little;
    this.interfaces = [];
    this.section++;
    this.stats.layout.sections.push({ offset: this.cb.base + pos, little });
    this.countBlock(BLOCK_SHB);
    return null;
  }

  private interfaceDescription(pos: number, len: number): string | null {
    if (len < 20) return `is ${len} bytes long, shorter than an interface description's 20`;
    if (this.stats.interfaces.length >= MAX_INTERFACES) return `declares more than ${MAX_INTERFACES} interfaces`;
    const iface = parseIdb(this.view, this.bytes, pos + 8, pos + len - 4, this.little, this.opts, this.section, this.interfaces.length);
    if (this.opts.malformed) return 'has an option running past the end of the block';
    if (iface.badResolution) countSkip(this.stats, 'pcapng interface with an impossible timestamp resolution (microseconds assumed)');
    this.interfaces.push(iface);
    this.stats.interfaces.push(iface.info);
    return null;
  }

  private interfaceStatistics(pos: number, len: number): string | null {
    if (len < 24) return `is ${len} bytes long, shorter than interface statistics' 24`;
    const id = this.view.getUint32(pos + 8, this.little);
    const s = parseIsb(this.view, this.bytes, pos + 8, pos + len - 4, this.little, this.opts, this.section, this.interfaces[id]);
    if (this.opts.malformed) return 'has an option running past the end of the block';
    if (this.stats.interfaceStats.length < MAX_INTERFACES) this.stats.interfaceStats.push(s);
    return null;
  }

  private countBlock(type: number): void {
    const m = this.blockCounts;
    // Crafted files could name endless block types: past a bound they are pooled.
    const key = m.has(type) || m.size < 64 ? type : OTHER_BLOCKS;
    m.set(key, (m.get(key) ?? 0) + 1);
  }

  /**
   * Damage after a valid start ends reading with everything before kept; a file
   * whose very first section header is unusable is no capture at all.
   */
  private damaged(pos: number, type: number, what: string): 0 {
    const offset = this.cb.base + pos;
    if (this.section < 0) throw new CaptureFormatError(this.file, offset, `not a readable pcapng file: its section header ${what}`);
    this.stats.partial = true;
    this.stats.problem = `block ${this.blocks + 1} (${blockName(type)}) at byte ${offset} ${what}: the file is damaged from here`;
    return 0;
  }

  private cutShort(need: number): void {
    const cb = this.cb;
    if (this.section < 0) throw new CaptureFormatError(this.file, 0, 'the file ends inside its first section header');
    const type = cb.available >= 4 ? ` (${blockName(new DataView(cb.buf.buffer, cb.buf.byteOffset).getUint32(cb.pos, this.little))})` : '';
    this.stats.partial = true;
    this.stats.problem = `the file ends inside block ${this.blocks + 1}${type} (at byte ${cb.offset}, ${cb.available} of ${need} bytes present): it was cut short`;
  }

  private finish(): ReadStats {
    const counts = this.blockCounts;
    const [epb, spb, pb] = this.packetBlocks;
    if (epb) counts.set(BLOCK_EPB, epb);
    if (spb) counts.set(BLOCK_SPB, spb);
    if (pb) counts.set(BLOCK_PB, pb);
    for (const [type, n] of counts) this.stats.blocks.set(type === OTHER_BLOCKS ? 'other' : blockName(type), n);
    tallyLinkTypes(this.stats);
    return this.stats;
  }
}
