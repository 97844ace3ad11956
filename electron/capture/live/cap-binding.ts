import { createRequire } from 'node:module';

/** The parts of the `cap` module Flowsight uses. */
export interface CapInstance {
  open(device: string, filter: string, bufSize: number, buffer: Buffer): string;
  close(): void;
  on(event: 'packet', listener: (nbytes: number, truncated: boolean) => void): void;
}

export interface CapDevice {
  name: string;
  description?: string;
  addresses: { addr: string; netmask?: string }[];
  flags?: string;
}

interface CapModule {
  Cap: { new (): CapInstance; deviceList(): CapDevice[] };
}

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
