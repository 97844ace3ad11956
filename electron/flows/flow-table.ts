import type { DecodedPacket } from '../dissect/decoded-packet';
import { keyMatches } from './flow-key';
import { FlowState } from './flow-state';

/**
 * Active flows: a chained hash table over integer slots plus a least-recently-
 * used list, both in typed arrays. A lookup allocates nothing; idle flows expire
 * from the LRU head in O(1) each. Memory follows the number of active flows.
 */
export class FlowTable {
  private buckets: Int32Array;
  private mask: number;
  private chain: Int32Array;
  private hashes: Uint32Array;
  private lruPrev: Int32Array;
  private lruNext: Int32Array;
  private lruHead = -1;
  private lruTail = -1;
  private freeSlots: Int32Array;
  private freeCount = 0;
  private capacity = 0;
  private flows: (FlowState | undefined)[] = [];
  private pool: FlowState[] = [];
  size = 0;

  constructor(
    private readonly newFlow: () => FlowState,
    initialCapacity = 1 << 12,
  ) {
    this.buckets = new Int32Array(initialCapacity * 2).fill(-1);
    this.mask = initialCapacity * 2 - 1;
    this.chain = new Int32Array(0);
    this.hashes = new Uint32Array(0);
    this.lruPrev = new Int32Array(0);
    this.lruNext = new Int32Array(0);
    this.freeSlots = new Int32Array(0);
    this.grow(initialCapacity);
  }

  /** The active flow for this packet's key, or undefined. Touches nothing. */
  find(p: DecodedPacket, hash: number, pSrcIsA: boolean): FlowState | undefined {
    let s = this.buckets[hash & this.mask];
    while (s >= 0) {
      if (this.hashes[s] === hash) {
        const f = this.flows[s]!;
        if (keyMatches(f, p, pSrcIsA)) return f;
      }
      s = this.chain[s];
    }
    return undefined;
  }

  /** A pooled (or new) flow object placed in the table under `hash`, most recent in LRU order. */
  insert(hash: number): FlowState {
    if (this.freeCount === 0) this.grow(this.capacity * 2);
    const s = this.freeSlots[--this.freeCount];
    const f = this.pool.pop() ?? this.newFlow();
    f.slot = s;
    this.flows[s] = f;
    this.hashes[s] = hash;
    const b = hash & this.mask;
    this.chain[s] = this.buckets[b];
    this.buckets[b] = s;
    this.lruAppend(s);
    this.size++;
    return f;
  }

  /** Marks the flow as just seen (moves it to the LRU tail). */
  touch(f: FlowState): void {
    const s = f.slot;
    if (s === this.lruTail) return;
    this.lruUnlink(s);
    this.lruAppend(s);
  }

  /** The least recently seen flow, or undefined. */
  oldest(): FlowState | undefined {
    return this.lruHead >= 0 ? this.flows[this.lruHead] : undefined;
  }

  /** Removes the flow; the object goes back to the pool once the caller calls `release`. */
  remove(f: FlowState): void {
    const s = f.slot;
    const b = this.hashes[s] & this.mask;
    let prev = -1;
    let cur = this.buckets[b];
    while (cur !== s) {
      prev = cur;
      cur = this.chain[cur];
    }
    if (prev < 0) this.buckets[b] = this.chain[s];
    else this.chain[prev] = this.chain[s];
    this.lruUnlink(s);
    this.flows[s] = undefined;
    this.freeSlots[this.freeCount++] = s;
    f.slot = -1;
    this.size--;
  }

  /** Returns a removed flow's object to the pool (after its record was written). */
  release(f: FlowState): void {
    this.pool.push(f);
  }

  *[Symbol.iterator](): IterableIterator<FlowState> {
    for (let s = this.lruHead; s >= 0; s = this.lruNext[s]) yield this.flows[s]!;
  }

  private lruAppend(s: number): void {
    this.lruPrev[s] = this.lruTail;
    this.lruNext[s] = -1;
    if (this.lruTail >= 0) this.lruNext[this.lruTail] = s;
    else this.lruHead = s;
    this.lruTail = s;
  }

  private lruUnlink(s: number): void {
    const p = this.lruPrev[s];
    const n = this.lruNext[s];
    if (p >= 0) this.lruNext[p] = n;
    else this.lruHead = n;
    if (n >= 0) this.lruPrev[n] = p;
    else this.lruTail = p;
  }

  private grow(capacity: number): void {
    const old = this.capacity;
    const extend = <T extends Int32Array | Uint32Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    this.chain = extend(this.chain, (n) => new Int32Array(n));
    this.hashes = extend(this.hashes, (n) => new Uint32Array(n));
    this.lruPrev = extend(this.lruPrev, (n) => new Int32Array(n));
    this.lruNext = extend(this.lruNext, (n) => new Int32Array(n));
    const free = new Int32Array(capacity);
    free.set(this.freeSlots.subarray(0, this.freeCount));
    // Hand out low slots first.
    for (let s = capacity - 1; s >= old; s--) free[this.freeCount++] = s;
    this.freeSlots = free;
    this.capacity = capacity;
    if (capacity * 2 > this.buckets.length) this.rehash(capacity * 2);
  }

  private rehash(bucketCount: number): void {
    this.buckets = new Int32Array(bucketCount).fill(-1);
    this.mask = bucketCount - 1;
    for (let s = this.lruHead; s >= 0; s = this.lruNext[s]) {
      const b = this.hashes[s] & this.mask;
      this.chain[s] = this.buckets[b];
      this.buckets[b] = s;
    }
  }
}
