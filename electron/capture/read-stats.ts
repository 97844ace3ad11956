/** A name a capture file gives an address (pcapng Name Resolution Block). */
export interface ResolvedName {
  address: string;
  name: string;
}

/** A capture interface (pcapng Interface Description Block, or a pcap file's one link). */
export interface CaptureInterface {
  /** 0-based section of the file (a pcapng file may hold several). */
  section: number;
  /** Interface number within its section, as packets refer to it. */
  interfaceId: number;
  linkType: number;
  snaplen: number;
  name?: string;
  description?: string;
  /** Records read from this interface. */
  packets: number;
  /** How the interface counts time (pcapng if_tsresol/if_tsoffset; pcap: µs or ns), to read a record again later. */
  time?: { perSecond: number; perNanosecond: number; shift: number; offset: number };
}

/**
 * What it takes to read a record again from its file offset alone (the packet
 * index stores offsets): each section's start and byte order; for pcap, the
 * record header size.
 */
export interface FileLayout {
  format: string;
  /** The file is gzip-compressed: offsets count decompressed bytes. */
  compressed?: boolean;
  sections: { offset: number; little: boolean }[];
  /** pcap only: 16, or 24 for Kuznetsov's patched libpcap. */
  recordHeader?: number;
}

/** Counters a capture tool recorded for an interface (pcapng Interface Statistics Block). */
export interface InterfaceStats {
  section: number;
  interfaceId: number;
  linkType: number;
  name?: string;
  /** When the counters were taken, seconds since 1970 (isb timestamp). */
  ts: number;
  /** isb_starttime / isb_endtime, seconds since 1970. */
  start?: number;
  end?: number;
  /** isb_ifrecv: packets the interface received. */
  received?: number;
  /** isb_ifdrop: packets the interface dropped (no buffer space, …). */
  dropped?: number;
  /** isb_filteraccept: packets the capture filter accepted. */
  filterAccepted?: number;
  /** isb_osdrop: packets the operating system dropped. */
  osDropped?: number;
  /** isb_usrdeliv: packets delivered to the capturing program. */
  delivered?: number;
}

/** Bounds on what a (possibly crafted) file can make us keep. */
export const MAX_NAMES = 10_000;
export const MAX_INTERFACES = 65_536;
const MAX_SKIP_REASONS = 64;

/** What a reader tells the user about one file once it has read it. */
export interface ReadStats {
  format: string;
  /** Records handed to the engine. */
  packets: number;
  /** Records or blocks not handed on, by reason. */
  skipped: Map<string, number>;
  /** The file ended or broke before its last record: everything before is kept. */
  partial: boolean;
  /** Why the file is partial, naming the offset. */
  problem: string | null;
  /** Records handed on, per link type. */
  linkTypes: Map<number, number>;
  /** Capture interfaces, in file order (a file declaring more than MAX_INTERFACES is read as damaged). */
  interfaces: CaptureInterface[];
  layout: FileLayout;
  /** Interface statistics recorded in the file, first MAX_INTERFACES kept. */
  interfaceStats: InterfaceStats[];
  /** Address-to-name pairs recorded in the file, first MAX_NAMES kept. */
  names: ResolvedName[];
  /** Blocks read, by block type name (pcapng only): what the file is made of. */
  blocks: Map<string, number>;
}

export function newReadStats(format: string): ReadStats {
  return {
    format,
    packets: 0,
    skipped: new Map(),
    partial: false,
    problem: null,
    linkTypes: new Map(),
    interfaces: [],
    layout: { format, sections: [] },
    interfaceStats: [],
    names: [],
    blocks: new Map(),
  };
}

/** Counts a skip; a crafted file cannot grow the map past a bound (the rest are pooled). */
export function countSkip(stats: ReadStats, reason: string): void {
  const m = stats.skipped;
  const key = m.has(reason) || m.size < MAX_SKIP_REASONS ? reason : 'other reasons';
  m.set(key, (m.get(key) ?? 0) + 1);
}

/** Folds the per-interface packet counts into `linkTypes`, once reading ends. */
export function tallyLinkTypes(stats: ReadStats): void {
  stats.linkTypes.clear();
  for (const i of stats.interfaces) {
    if (i.packets > 0) stats.linkTypes.set(i.linkType, (stats.linkTypes.get(i.linkType) ?? 0) + i.packets);
  }
}
