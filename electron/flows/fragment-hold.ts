import { PacketRecord } from '../capture/packet-record';
import { FRAGMENT_TIMEOUT } from './fragment-flows';

// Bounds on what waits: past them a fragment is counted at once, without its datagram's flow.
const MAX_PACKETS = 4096;
const MAX_BYTES = 8 * 1024 * 1024;

interface Held {
  key: string;
  ts: number;
  rec: PacketRecord;
}

/**
 * Later fragments that arrived before their datagram's first fragment (common
 * in floods and on multipath links). They wait, as copies, until the first
 * fragment names their flow, or for as long as a reassembler would; then they
 * are counted in time order. Only such fragments are copied.
 */
export class FragmentHold {
  private held: Held[] = [];
  private bytes = 0;
  // Held pieces per datagram: every first fragment asks, so the answer must not scan the hold.
  private readonly perKey = new Map<string, number>();

  get size(): number {
    return this.held.length;
  }

  /** Keeps a copy of the record; false when full (count it now instead). */
  hold(key: string, rec: PacketRecord, ts: number): boolean {
    if (this.held.length >= MAX_PACKETS || this.bytes + rec.caplen > MAX_BYTES) return false;
    const copy = new PacketRecord();
    copy.data = rec.data.slice(rec.offset, rec.offset + rec.caplen);
    copy.offset = 0;
    copy.caplen = rec.caplen;
    copy.wirelen = rec.wirelen;
    copy.tsSec = rec.tsSec;
    copy.tsNsec = rec.tsNsec;
    copy.linkType = rec.linkType;
    copy.fileOffset = rec.fileOffset;
    copy.index = rec.index;
    copy.interfaceId = rec.interfaceId;
    copy.comment = rec.comment;
    this.held.push({ key, ts, rec: copy });
    this.bytes += rec.caplen;
    this.perKey.set(key, (this.perKey.get(key) ?? 0) + 1);
    return true;
  }

  has(key: string): boolean {
    return this.perKey.has(key);
  }

  /** The held fragments of one datagram, in arrival order, removed from the hold. */
  take(key: string): PacketRecord[] {
    return this.remove((h) => h.key === key);
  }

  /** Fragments that waited longer than a reassembler would, as of `now`. */
  takeExpired(now: number): PacketRecord[] {
    if (this.held.length === 0 || now - this.held[0].ts <= FRAGMENT_TIMEOUT) return [];
    return this.remove((h) => now - h.ts > FRAGMENT_TIMEOUT);
  }

  takeAll(): PacketRecord[] {
    return this.remove(() => true);
  }

  private remove(pick: (h: Held) => boolean): PacketRecord[] {
    const out: PacketRecord[] = [];
    const keep: Held[] = [];
    for (const h of this.held) {
      if (pick(h)) {
        out.push(h.rec);
        this.bytes -= h.rec.caplen;
        const left = this.perKey.get(h.key)! - 1;
        if (left === 0) this.perKey.delete(h.key);
        else this.perKey.set(h.key, left);
      } else keep.push(h);
    }
    this.held = keep;
    return out;
  }
}
