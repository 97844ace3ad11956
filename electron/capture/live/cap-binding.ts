import { createRequire } from 'node:module';

/** libpcap handle settings; cap takes them with `resources/patches/cap+0.2.1.patch`. */
export interface CapOpenOptions {
  snaplen: number;
  promisc: boolean;
  /**
   * Immediate mode hands over each packet at once but, on Linux, makes libpcap
   * use fixed ring slots of the snaplen (on `lo`, 64 KiB each: a few hundred
   * packets in the buffer); without it, packets come in blocks within `timeout`.
   */
  immediate: boolean;
  /** Milliseconds libpcap may hold packets before handing them over. */
  timeout: number;
}

/** libpcap's counters (pcap_stats). */
export interface CapStats {
  received: number;
  /** Dropped because the buffer was full: Flowsight fell behind. */
  dropped: number;
  /** Dropped by the interface or its driver, where the system says. */
  ifDropped: number;
}

/** The parts of the `cap` module Flowsight uses (with its patch applied). */
export interface CapInstance {
  open(device: string, filter: string, bufSize: number, buffer: Buffer, options?: CapOpenOptions): string;
  close(): void;
  stats(): CapStats;
  /** The packet's bytes are in the open buffer; libpcap's timestamp and the length on the wire follow. */
  on(event: 'packet', listener: (nbytes: number, truncated: boolean, tsSec: number, tsNsec: number, wireLength: number) => void): void;
}

export interface CapDevice {
  name: string;
  description?: string;
  addresses: { addr: string; netmask?: string }[];
  flags?: string;
}

interface CapModule {
  Cap: { new (): CapInstance; deviceList(): CapDevice[] };
  /** Set by `resources/patches/cap+0.2.1.patch`; absent in an unpatched build. */
  flowsightPatch?: number;
}

/** The patch level live capture needs: libpcap options, pcap_stats, timestamps and wire lengths. */
export const CAP_PATCH = 2;

let loaded: CapModule | null = null;

/**
 * Loads `cap` (libpcap). `nativeDir` points at a copy built for Electron's ABI;
 * tests and the CLI use the one in node_modules. Throws with the loader's reason.
 * cap polls libpcap on the process's default loop, so it runs in a process of
 * its own, never in a worker thread.
 */
export function loadCap(nativeDir?: string): CapModule {
  if (!loaded) {
    const req = createRequire(nativeDir ? `${nativeDir}/` : import.meta.url);
    loaded = req('cap') as CapModule;
  }
  return loaded;
}

/**
 * cap's `open` names the link type with one of five strings, and any other as
 * "Unknown linktype N" with libpcap's DLT number. These are the LINKTYPE_
 * numbers written to the pcapng evidence and dispatched on by the engine.
 * (DLT_RAW is 12 or 14 depending on the system; the file's LINKTYPE_RAW is 101.)
 */
const NAMED: Record<string, number> = {
  NULL: 0,
  ETHERNET: 1,
  IEEE802_11_RADIO: 127,
  LINKTYPE_LINUX_SLL: 113,
  RAW: 101,
};

/** DLT values below 104 that differ between systems or from their LINKTYPE_ value. */
const AMBIGUOUS_DLT = new Set([11, 12, 13, 14, 15, 16, 17, 18, 19]);

export function dltOf(name: string): number {
  const named = NAMED[name];
  if (named !== undefined) return named;
  const m = /^Unknown linktype (\d+)$/.exec(name);
  // From 104 on, and for the classic values below 11, the DLT and LINKTYPE numbers agree.
  if (m && !AMBIGUOUS_DLT.has(Number(m[1]))) return Number(m[1]);
  throw new Error(`libpcap link type ${JSON.stringify(name)} has no known LINKTYPE number`);
}
