/**
 * One captured packet as the readers hand it to the engine. A single instance is
 * reused for every packet: `data` is a view into the reader's chunk buffer (no
 * copy), valid only until the sink returns.
 */
export class PacketRecord {
  data: Uint8Array = new Uint8Array(0);
  /** Start of the packet bytes within `data`. */
  offset = 0;
  /** Bytes captured (may be less than `wirelen` when the snaplen cut it). */
  caplen = 0;
  /** Length of the frame on the wire. */
  wirelen = 0;
  /** Timestamp split in whole seconds and nanoseconds, so no precision is lost. */
  tsSec = 0;
  tsNsec = 0;
  linkType = 0;
  /** Byte offset of the record in the (decompressed) file: the packet index points here. */
  fileOffset = 0;
  /** 0-based record number in the file. */
  index = 0;
  interfaceId = 0;
  /**
   * The packet's comments (pcapng opt_comment), joined by newlines; null when it
   * has none. A string is only built for packets that carry one.
   */
  comment: string | null = null;

  get ts(): number {
    return this.tsSec + this.tsNsec / 1e9;
  }
}

export type PacketSink = (rec: PacketRecord) => void;
