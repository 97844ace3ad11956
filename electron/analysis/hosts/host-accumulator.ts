import type { HostProfile } from '../../../shared/domain/hosts';
import type { Country, CountryLookup } from '../geo/country-lookup';
import { SessionSplitter } from './activity-sessions';
import { Counter, GrowableFloats, IAT_EDGES, RunningMoments, SIZE_BIN, SIZE_BINS, iatBin, sizeBin } from './distribution';
import { isHostAddress } from './address-kinds';
import { flowDirection, type LocalNetworks } from './local-networks';
import { visitPacketIndex } from './packet-visitor';
import type { ProfileFlow, Side } from './profile-flow';
import type { WallClock } from './time-grid';

export interface AccumulatorContext {
  local: LocalNetworks;
  geo: CountryLookup;
  clock: WallClock;
  axis: { start: number; interval: number; count: number };
}

const TOP_DESTINATIONS = 20;
const UNKNOWN = 'unknown';

interface Tally {
  flows: number;
  bytes: number;
  first: number | null;
  last: number | null;
}

function tally(m: Map<string, Tally>, key: string, bytes: number, ts: number | null): void {
  let t = m.get(key);
  if (!t) m.set(key, (t = { flows: 0, bytes: 0, first: null, last: null }));
  t.flows++;
  t.bytes += bytes;
  if (ts !== null) {
    if (t.first === null || ts < t.first) t.first = ts;
    if (t.last === null || ts > t.last) t.last = ts;
  }
}

/**
 * Everything one host's profile counts, fed flow by flow (and, through the
 * packet index, packet by packet). "Sent" and "received" are from the host's
 * side of each flow; for the whole case, sent is the sources' direction.
 */
export class HostAccumulator {
  flows = 0;
  packets = 0;
  bytes = 0;
  packetsSent = 0;
  packetsReceived = 0;
  bytesSent = 0;
  bytesReceived = 0;
  firstTs: number | null = null;
  lastTs: number | null = null;
  readonly srcIps = new Set<string>();
  readonly dstIps = new Set<string>();
  readonly srcPorts = new Set<number>();
  readonly dstPorts = new Set<number>();
  readonly peers = new Set<string>();
  private readonly startedPorts = new Counter<number>();
  private readonly apps = new Map<string, Tally>();
  private readonly categories = new Map<string, Tally>();
  private readonly destinations = new Map<string, Tally & { name: string | null }>();
  private readonly countries = new Map<string, Tally & { country: Country; addresses: Set<string> }>();
  private readonly unlocated = new Set<string>();
  readonly direction = { outbound: 0, inbound: 0, internal: 0, external: 0 };
  private readonly sessions = new SessionSplitter();
  private readonly activity = new Map<string, Float64Array>();
  private readonly activityBytes: Float64Array;
  private readonly heat = new Float64Array(7 * 24);
  private readonly sizeSent = new Float64Array(SIZE_BINS);
  private readonly sizeReceived = new Float64Array(SIZE_BINS);
  private readonly sizes = new Counter<number>();
  private readonly sizeMoments = new RunningMoments();
  private readonly times = new GrowableFloats();

  constructor(private readonly ctx: AccumulatorContext) {
    this.activityBytes = new Float64Array(ctx.axis.count);
  }

  add(f: ProfileFlow, side: Side): void {
    const ctx = this.ctx;
    const fromSrc = side !== 'dst';
    const bytes = f.bytes ?? (f.fwd_bytes ?? 0) + (f.bwd_bytes ?? 0);
    this.flows++;
    this.bytes += bytes;
    this.packets += f.packets ?? (f.fwd_packets ?? 0) + (f.bwd_packets ?? 0);
    this.packetsSent += (fromSrc ? f.fwd_packets : f.bwd_packets) ?? 0;
    this.packetsReceived += (fromSrc ? f.bwd_packets : f.fwd_packets) ?? 0;
    this.bytesSent += (fromSrc ? f.fwd_bytes : f.bwd_bytes) ?? 0;
    this.bytesReceived += (fromSrc ? f.bwd_bytes : f.fwd_bytes) ?? 0;
    const ts = f.first_ts;
    if (ts !== null && (this.firstTs === null || ts < this.firstTs)) this.firstTs = ts;
    const end = f.last_ts ?? ts;
    if (end !== null && (this.lastTs === null || end > this.lastTs)) this.lastTs = end;
    if (f.src_ip !== null) this.srcIps.add(f.src_ip);
    if (f.dst_ip !== null) this.dstIps.add(f.dst_ip);
    if (f.src_port !== null) this.srcPorts.add(f.src_port);
    if (f.dst_port !== null) this.dstPorts.add(f.dst_port);

    const dir = flowDirection(ctx.local, f.src_ip, f.dst_ip);
    this.direction[dir]++;
    const peer = side === 'src' ? f.dst_ip : side === 'dst' ? f.src_ip : null;
    if (peer !== null) this.peers.add(peer);
    if (side !== 'dst') {
      if (f.dst_port !== null) this.startedPorts.add(f.dst_port);
      if (f.dst_ip !== null) {
        let d = this.destinations.get(f.dst_ip);
        if (!d) this.destinations.set(f.dst_ip, (d = { flows: 0, bytes: 0, first: null, last: null, name: f.dst_name }));
        d.flows++;
        d.bytes += bytes;
        d.name ??= f.dst_name;
      }
    }
    // Remote endpoints: the peer when it is outside; for the case, every outside end.
    // Broadcast, multicast and unspecified addresses are nobody's location.
    const remote = side === 'case' ? [f.src_ip, f.dst_ip] : [peer];
    for (const r of remote) if (r !== null && !ctx.local.contains(r) && isHostAddress(r)) this.locate(r, bytes);

    if (f.app !== null) tally(this.apps, f.app, bytes, ts);
    const cat = f.app_category ?? UNKNOWN;
    tally(this.categories, cat, bytes, ts);
    this.sessions.add(ts, f.last_ts, bytes);
    if (ts !== null) {
      this.heat[ctx.clock.cell(ts)]++;
      const b = Math.floor((ts - ctx.axis.start) / ctx.axis.interval);
      if (b >= 0 && b < ctx.axis.count) {
        let row = this.activity.get(cat);
        if (!row) this.activity.set(cat, (row = new Float64Array(ctx.axis.count)));
        row[b]++;
        this.activityBytes[b] += bytes;
      }
    }
    if (f.idx !== null && ts !== null) this.addPackets(f.idx, ts, fromSrc);
  }

  private locate(address: string, bytes: number): void {
    const c = this.ctx.geo.lookup(address);
    if (!c) {
      this.unlocated.add(address);
      return;
    }
    let t = this.countries.get(c.iso2);
    if (!t) this.countries.set(c.iso2, (t = { flows: 0, bytes: 0, first: null, last: null, country: c, addresses: new Set() }));
    t.flows++;
    t.bytes += bytes;
    t.addresses.add(address);
  }

  private addPackets(idx: Buffer, firstTs: number, fromSrc: boolean): void {
    const bytes = new Uint8Array(idx.buffer, idx.byteOffset, idx.byteLength);
    visitPacketIndex(bytes, (us, len, fromDst) => {
      const sent = fromDst !== fromSrc;
      (sent ? this.sizeSent : this.sizeReceived)[sizeBin(len)]++;
      this.sizes.add(len);
      this.sizeMoments.add(len);
      this.times.push(firstTs + us / 1e6);
    });
  }

  get uniqueDstPorts(): number {
    return this.dstPorts.size;
  }

  topOf(m: 'apps' | 'categories'): string | null {
    let best: string | null = null;
    let most = -1;
    for (const [k, t] of this[m]) if (k !== UNKNOWN && t.bytes > most) [best, most] = [k, t.bytes];
    return best;
  }

  get appCount(): number {
    return this.apps.size;
  }

  get countryCount(): number {
    return this.countries.size;
  }

  /** The profile's measured parts (identity and names are added by the builder). */
  finish(sessionGap: number): Omit<HostProfile, 'summary' | 'names'> & { sessionCount: number } {
    const iat = this.iats();
    const sessions = this.sessions.split(sessionGap);
    const byBytes = <T extends { bytes: number }>(a: T[]) => a.sort((x, y) => y.bytes - x.bytes);
    const cats = [...this.activity.keys()].sort();
    return {
      sessionCount: sessions.count,
      packets: {
        measured: this.sizeMoments.n,
        size: {
          binWidth: SIZE_BIN,
          sent: Array.from(this.sizeSent),
          received: Array.from(this.sizeReceived),
          mean: this.sizeMoments.mean,
          variance: this.sizeMoments.variance,
          entropy: this.sizes.entropy(),
        },
        iat,
        uniqueSrcIps: this.srcIps.size,
        uniqueDstIps: this.dstIps.size,
        uniqueSrcPorts: this.srcPorts.size,
        uniqueDstPorts: this.dstPorts.size,
        dstPortEntropy: this.startedPorts.entropy(),
        apps: byBytes([...this.apps].map(([key, t]) => ({ key, flows: t.flows, bytes: t.bytes }))),
      },
      direction: { ...this.direction },
      sessions,
      activity: {
        start: this.ctx.axis.start,
        interval: this.ctx.axis.interval,
        categories: cats,
        flows: cats.map((c) => Array.from(this.activity.get(c)!)),
        bytes: Array.from(this.activityBytes),
      },
      heatmap: { timeZone: this.ctx.clock.timeZone, flows: Array.from({ length: 7 }, (_, d) => Array.from(this.heat.subarray(d * 24, d * 24 + 24))) },
      categories: byBytes([...this.categories].map(([key, t]) => ({ key, flows: t.flows, bytes: t.bytes, first: t.first, last: t.last }))),
      destinations: byBytes([...this.destinations].map(([address, t]) => ({ address, name: t.name, country: this.ctx.geo.lookup(address)?.iso2 ?? null, flows: t.flows, bytes: t.bytes }))).slice(0, TOP_DESTINATIONS),
      countries: byBytes([...this.countries.values()].map((t) => ({ iso2: t.country.iso2, iso3: t.country.iso3, name: t.country.name, flows: t.flows, bytes: t.bytes, addresses: t.addresses.size }))),
      unlocated: this.unlocated.size,
    };
  }

  /** Inter-arrival times between the host's consecutive packets, across all its flows. */
  private iats(): HostProfile['packets']['iat'] {
    const t = this.times.view().sort();
    const counts = new Array<number>(IAT_EDGES.length + 1).fill(0);
    const m = new RunningMoments();
    for (let i = 1; i < t.length; i++) {
      const d = t[i] - t[i - 1];
      counts[iatBin(d)]++;
      m.add(d);
    }
    const hist = new Counter<number>();
    counts.forEach((c, i) => hist.add(i, c));
    return { edges: IAT_EDGES, counts, mean: m.mean, variance: m.variance, entropy: hist.entropy() };
  }
}
