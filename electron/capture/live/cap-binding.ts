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

/** cap names link types by libpcap's DLT_ names; the engine dispatches on the numbers. */
const DLT: Record<string, number> = {
  NULL: 0,
  ETHERNET: 1,
  IEEE802: 6,
  ARCNET: 7,
  SLIP: 8,
  PPP: 9,
  FDDI: 10,
  ATM_RFC1483: 11,
  RAW: 12,
  PPP_SERIAL: 50,
  PPP_ETHER: 51,
  C_HDLC: 104,
  IEEE802_11: 105,
  LOOP: 108,
  LINUX_SLL: 113,
  LTALK: 114,
  PFLOG: 117,
  PRISM_HEADER: 119,
  IP_OVER_FC: 122,
  SUNATM: 123,
  IEEE802_11_RADIO: 127,
  ARCNET_LINUX: 129,
  LINUX_IRDA: 144,
  LINUX_LAPD: 177,
  NFLOG: 239,
  LINUX_SLL2: 276,
};

export function dltOf(name: string): number {
  const n = DLT[name];
  if (n === undefined) throw new Error(`libpcap link type ${name} has no known number`);
  return n;
}
