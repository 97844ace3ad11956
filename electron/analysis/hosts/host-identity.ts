import { isHostAddress, isUnicastMac, isUnspecified } from './address-kinds';
import type { LocalNetworks } from './local-networks';

/** The columns identity needs from each flow. */
export interface IdentityFlow {
  src_ip: string | null;
  dst_ip: string | null;
  src_mac: string | null;
  dst_mac: string | null;
  first_ts: number | null;
  last_ts: number | null;
  dhcp_hostname: string | null;
  dhcp_client_mac: string | null;
}

interface Binding {
  first: number;
  last: number;
}

export interface HostIdentity {
  key: string;
  kind: 'mac' | 'ip';
  mac: string | null;
  ips: string[];
}

/**
 * Who is who (see CODE.md, "Host identity"):
 *
 * - A **MAC host** is a unicast MAC seen as the link-layer address of at least
 *   one *local* IP (inside the case's local networks). All the local IPs it
 *   used, over time, are one host: a laptop that gets a new DHCP lease stays one.
 * - Only local IPs bind to MACs. A remote address always arrives behind the
 *   gateway's MAC, so binding it would merge the Internet into the router.
 * - A **router MAC** carries two or more local IPv4 addresses *at the same
 *   time* (routed subnets, a NAT box seen from outside): its IPs are not merged
 *   into it; each stays an IP host. A device holds one IPv4 address per
 *   interface at a time, so overlap is the tell, not the number of addresses.
 * - An **IP host** is a local IP that is not bound to a MAC host, or any
 *   address that started a flow (so an outside scanner gets a profile, while
 *   the servers that only answered are destinations, not hosts).
 * - A flow without MACs (flow logs, Linux cooked captures) goes to the MAC host
 *   its local IP is bound to when exactly one is; otherwise to the IP host.
 */
export class HostIdentities {
  private bindings = new Map<string, Map<string, Binding>>();
  private initiators = new Set<string>();
  private dhcp = new Map<string, string>();
  private routers = new Set<string>();
  private hostMacs = new Set<string>();
  private soleMac = new Map<string, string>();
  private macIps = new Map<string, string[]>();
  caseFirst = Infinity;
  caseLast = -Infinity;

  constructor(private readonly local: LocalNetworks) {}

  /** Pass 1: every flow once. */
  observe(f: IdentityFlow): void {
    const first = f.first_ts ?? 0;
    const last = f.last_ts ?? first;
    if (f.first_ts !== null && f.first_ts < this.caseFirst) this.caseFirst = f.first_ts;
    if (f.last_ts !== null && f.last_ts > this.caseLast) this.caseLast = f.last_ts;
    this.bind(f.src_mac, f.src_ip, first, last);
    this.bind(f.dst_mac, f.dst_ip, first, last);
    if (isHostAddress(f.src_ip)) this.initiators.add(f.src_ip);
    if (f.dhcp_hostname && isUnicastMac(f.dhcp_client_mac)) this.dhcp.set(f.dhcp_client_mac, f.dhcp_hostname);
  }

  private bind(mac: string | null, ip: string | null, first: number, last: number): void {
    if (!isUnicastMac(mac) || !isHostAddress(ip) || !this.local.contains(ip)) return;
    let ips = this.bindings.get(mac);
    if (!ips) this.bindings.set(mac, (ips = new Map()));
    const b = ips.get(ip);
    if (!b) ips.set(ip, { first, last });
    else {
      if (first < b.first) b.first = first;
      if (last > b.last) b.last = last;
    }
  }

  /** After pass 1: decides routers, MAC hosts and which IPs belong to exactly one MAC host. */
  settle(): void {
    for (const [mac, ips] of this.bindings) {
      const v4 = [...ips].filter(([ip]) => !ip.includes(':')).map(([, b]) => b).sort((a, b) => a.first - b.first);
      let overlap = false;
      for (let i = 1, end = v4[0]?.last ?? 0; i < v4.length; i++) {
        if (v4[i].first < end) overlap = true;
        end = Math.max(end, v4[i].last);
      }
      if (overlap) this.routers.add(mac);
      else {
        this.hostMacs.add(mac);
        this.macIps.set(mac, [...ips].sort((a, b) => a[1].first - b[1].first || (a[0] < b[0] ? -1 : 1)).map(([ip]) => ip));
      }
    }
    const macsOf = new Map<string, string[]>();
    for (const mac of this.hostMacs) for (const ip of this.macIps.get(mac)!) (macsOf.get(ip) ?? macsOf.set(ip, []).get(ip)!).push(mac);
    for (const [ip, macs] of macsOf) if (macs.length === 1) this.soleMac.set(ip, macs[0]);
  }

  /** The host one side of a flow belongs to (its key), or null when that side is not a host. */
  resolve(ip: string | null, mac: string | null): string | null {
    if (isUnicastMac(mac) && this.hostMacs.has(mac) && (isUnspecified(ip) || ip === null || this.local.contains(ip))) return `mac:${mac}`;
    if (!isHostAddress(ip)) return null;
    if (!this.local.contains(ip) && !this.initiators.has(ip)) return null;
    const sole = this.local.contains(ip) ? this.soleMac.get(ip) : undefined;
    return sole ? `mac:${sole}` : `ip:${ip}`;
  }

  /** What a host key stands for. */
  describe(key: string): HostIdentity {
    if (key.startsWith('mac:')) {
      const mac = key.slice(4);
      return { key, kind: 'mac', mac, ips: this.macIps.get(mac) ?? [] };
    }
    return { key, kind: 'ip', mac: null, ips: [key.slice(3)] };
  }

  dhcpHostname(mac: string | null): string | null {
    return mac ? (this.dhcp.get(mac) ?? null) : null;
  }

  isRouter(mac: string): boolean {
    return this.routers.has(mac);
  }
}
