import type { DecodedPacket } from '../dissect/decoded-packet';
import { keyMatches } from './flow-key';
import { FlowState } from './flow-state';

/** Flows in LRU order: open flows, and flows whose TCP connection has ended but may still see late packets. */
export const OPEN = 0;
export const CLOSING = 1;

/**
 * Active flows: a chained hash table over integer slots plus two least-recently-
 * used lists (open and closing), all in typed arrays. A lookup allocates nothing;
 * flows expire from an LRU head in O(1) each, each list with its own timeout.
 * Memory follows the number of active flows.
 */
export class FlowTable {
  private buckets: Int32Array;
  private mask: number;
  private chain: Int32Array;
  private hashes: Uint32Array;
  private lruPrev: Int32Array;
  private lruNext: Int32Array;
  private listOf: Uint8Array;
  private readonly lruHead = [-1, -1];
  private readonly lruTail = [-1, -1];
  private freeSlots: Int32Array;
  private freeCount = 0;
  private capacity = 0;
  private flows: (FlowState | undefined)[] = [];
  /** Released objects by class: [other, tcp]. */
  private readonly pools: [FlowState[], FlowState[]] = [[], []];
  size = 0;

  constructor(
    private readonly newFlow: (tcp: boolean) => FlowState,
    initialCapacity = 1 << 12,
  ) {
    this.buckets = new Int32Array(initialCapacity * 2).fill(-1);
    this.mask = initialCapacity * 2 - 1;
    this.chain = new Int32Array(0);
    this.hashes = new Uint32Array(0);
    this.lruPrev = new Int32Array(0);
    this.lruNext = new Int32Array(0);
    this.listOf = new Uint8Array(0);
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

  /** A pooled (or new) flow object of the class (TCP or not) placed in the table under `hash`, most recent in LRU order. */
  insert(hash: number, tcp: boolean): FlowState {
    if (this.freeCount === 0) this.grow(this.capacity * 2);
    const s = this.freeSlots[--this.freeCount];
    const f = this.pools[tcp ? 1 : 0].pop() ?? this.newFlow(tcp);
    f.slot = s;
    this.flows[s] = f;
    this.hashes[s] = hash;
    const b = hash & this.mask;
    this.chain[s] = this.buckets[b];
    this.buckets[b] = s;
    this.lruAppend(s, OPEN);
    this.size++;
    return f;
  }

  /** Marks the flow as just seen (moves it to the LRU tail). */
  touch(f: FlowState): void {
    const s = f.slot;
    const list = this.listOf[s];
    if (s === this.lruTail[list]) return;
    this.lruUnlink(s);
    this.lruAppend(s, list);
  }

  /** Moves the flow to the tail of another list (e.g. CLOSING once its connection ended). */
  moveTo(f: FlowState, list: number): void {
    this.lruUnlink(f.slot);
    this.lruAppend(f.slot, list);
  }

  /** The least recently seen flow of a list, or undefined. */
  oldest(list = OPEN): FlowState | undefined {
    const s = this.lruHead[list];
    return s >= 0 ? this.flows[s] : undefined;
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
    this.pools[f.tcpClass ? 1 : 0].push(f);
  }

  *[Symbol.iterator](): IterableIterator<FlowState> {
    for (const list of [OPEN, CLOSING]) for (let s = this.lruHead[list]; s >= 0; s = this.lruNext[s]) yield this.flows[s]!;
  }

  private lruAppend(s: number, list: number): void {
    this.listOf[s] = list;
    const tail = this.lruTail[list];
    this.lruPrev[s] = tail;
    this.lruNext[s] = -1;
    if (tail >= 0) this.lruNext[tail] = s;
    else this.lruHead[list] = s;
    this.lruTail[list] = s;
  }

  private lruUnlink(s: number): void {
    const list = this.listOf[s];
    const p = this.lruPrev[s];
    const n = this.lruNext[s];
    if (p >= 0) this.lruNext[p] = n;
    else this.lruHead[list] = n;
    if (n >= 0) this.lruPrev[n] = p;
    else this.lruTail[list] = p;
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
    const listOf = new Uint8Array(capacity);
    listOf.set(this.listOf);
    this.listOf = listOf;
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
    for (const list of [OPEN, CLOSING]) {
      for (let s = this.lruHead[list]; s >= 0; s = this.lruNext[s]) {
        const b = this.hashes[s] & this.mask;
        this.chain[s] = this.buckets[b];
        this.buckets[b] = s;
      }
    }
  }
}
