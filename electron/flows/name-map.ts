const MAX_NAMES = 200_000;
// Pairs remembered as queued; past it a pair may be queued again (and ignored by the case).
const MAX_QUEUED = 50_000;

export interface LearntName {
  address: string;
  name: string;
  source: 'dns' | 'nrb' | 'dhcp';
  ts: number;
}

/**
 * Address → name, learnt from DNS answers (and pcapng name resolution blocks,
 * DHCP hostnames) as the capture is read, to name flow endpoints. Bounded: the
 * oldest names are dropped first, so memory does not grow with the capture.
 * New names are also queued for the case's `names` table.
 */
export class NameMap {
  private map = new Map<string, string>();
  private fresh: LearntName[] = [];
  // Pairs already queued for storage. A CDN address that several names share
  // flips between them with every answer; the case keeps each (address, name,
  // source) once (its first sighting), so queueing a flip again only costs a
  // copy to the writer's thread and an ignored insert. Bounded: after a reset
  // a pair may be queued again, which the case ignores.
  private queued = new Set<string>();

  add(address: string, name: string, source: LearntName['source'], ts: number): void {
    const known = this.map.get(address);
    if (known === name) return;
    if (known !== undefined) this.map.delete(address);
    else if (this.map.size >= MAX_NAMES) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
    this.map.set(address, name);
    const pair = `${source} ${address} ${name}`;
    if (this.queued.has(pair)) return;
    if (this.queued.size >= MAX_QUEUED) this.queued.clear();
    this.queued.add(pair);
    this.fresh.push({ address, name, source, ts });
  }

  get(address: string): string | null {
    return this.map.get(address) ?? null;
  }

  /** How many names wait for `takeFresh`. */
  get pending(): number {
    return this.fresh.length;
  }

  /** Names learnt since the last call, for storage. */
  takeFresh(): LearntName[] {
    const out = this.fresh;
    this.fresh = [];
    return out;
  }
}
