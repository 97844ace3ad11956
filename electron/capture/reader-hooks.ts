import type { ResolvedName } from './read-stats';

/** What a reader reports while it reads, beyond the packets themselves. */
export interface ReaderHooks {
  /** A name the file gives an address (pcapng NRB), with the number of records read before it. */
  onName?: (name: ResolvedName, packetsBefore: number) => void;
}
