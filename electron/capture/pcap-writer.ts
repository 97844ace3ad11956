import { closeSync, openSync, writeSync } from 'node:fs';

const BUFFER = 1 << 20;

/**
 * Writes a classic pcap file (microsecond resolution, little-endian) through a
 * 1 MB buffer. Used by the traffic generators and by exports that want pcap.
 */
export class PcapWriter {
  private fd: number;
  private buf = new Uint8Array(BUFFER);
  private view = new DataView(this.buf.buffer);
  private len = 0;
  packets = 0;

  constructor(
    readonly path: string,
    linkType = 1,
    snaplen = 262_144,
  ) {
    this.fd = openSync(path, 'w');
    const h = new DataView(new ArrayBuffer(24));
    h.setUint32(0, 0xa1b2c3d4, true);
    h.setUint16(4, 2, true);
    h.setUint16(6, 4, true);
    h.setUint32(16, snaplen, true);
    h.setUint32(20, linkType, true);
    writeSync(this.fd, new Uint8Array(h.buffer));
  }

  /** Appends one record; `ts` in epoch seconds (fraction kept to the microsecond). */
  write(ts: number, frame: Uint8Array, caplen: number, wirelen = caplen): void {
    if (this.len + 16 + caplen > BUFFER) this.flush();
    let sec = Math.floor(ts);
    let usec = Math.round((ts - sec) * 1e6);
    if (usec >= 1e6) {
      sec += 1;
      usec -= 1e6;
    }
    const v = this.view;
    v.setUint32(this.len, sec, true);
    v.setUint32(this.len + 4, usec, true);
    v.setUint32(this.len + 8, caplen, true);
    v.setUint32(this.len + 12, wirelen, true);
    this.buf.set(frame.subarray(0, caplen), this.len + 16);
    this.len += 16 + caplen;
    this.packets++;
  }

  flush(): void {
    if (this.len > 0) writeSync(this.fd, this.buf, 0, this.len);
    this.len = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
