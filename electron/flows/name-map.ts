const MAX_NAMES = 200_000;

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

  add(address: string, name: string, source: LearntName['source'], ts: number): void {
    const known = this.map.get(address);
    if (known === name) return;
    if (known !== undefined) this.map.delete(address);
    else if (this.map.size >= MAX_NAMES) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
    this.map.set(address, name);
    this.fresh.push({ address, name, source, ts });
  }

  get(address: string): string | null {
    return this.map.get(address) ?? null;
  }

  /** Names learnt since the last call, for storage. */
  takeFresh(): LearntName[] {
    const out = this.fresh;
    this.fresh = [];
    return out;
  }
}
