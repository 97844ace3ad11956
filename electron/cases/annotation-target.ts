import type { Target } from '../../shared/domain/bookmarks';
import { ApiError } from '../../shared/contract/errors';
import { ipv4Text, ipv6Text } from '../../shared/net/address-text';
import { parseIpv4, parseIpv6 } from '../../shared/net/address-parse';
import type { CaseDb } from './case-db';

/** An address in the text form flows store (inet_ntop's), so a host bookmark matches `src_ip`/`dst_ip` exactly. */
export function canonicalAddress(text: string): string | null {
  const v4 = parseIpv4(text);
  if (v4) return ipv4Text(v4, 0);
  const v6 = parseIpv6(text);
  return v6 ? ipv6Text(v6, 0) : null;
}

/**
 * A target with its key in canonical form, checked against the case: a flow
 * must exist, a host must be an address; a finding's key is its id (checked
 * once the findings table exists).
 */
export function canonicalTarget(db: CaseDb, t: Target): Target {
  if (t.kind === 'flow') {
    if (!/^[1-9][0-9]{0,15}$/.test(t.key)) throw new ApiError('bad_input', `flow key ${JSON.stringify(t.key)} is not a flow id`);
    if (!db.prepare('SELECT 1 FROM flows WHERE id = ?').get(Number(t.key))) throw new ApiError('not_found', `no flow ${t.key}`);
    return { kind: 'flow', key: String(Number(t.key)) };
  }
  if (t.kind === 'host') {
    const key = canonicalAddress(t.key.trim());
    if (!key) throw new ApiError('bad_input', `host ${JSON.stringify(t.key)} is not an IPv4 or IPv6 address`);
    return { kind: 'host', key };
  }
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'findings'").get() && !db.prepare('SELECT 1 FROM findings WHERE id = ?').get(t.key)) {
    throw new ApiError('not_found', `no finding ${t.key}`);
  }
  return { kind: 'finding', key: t.key };
}

/** A short description of a target for lists: the flow's tuple, the host's learnt names, the finding's kind and hosts. */
export function targetLabel(db: CaseDb, t: Target): string {
  if (t.kind === 'flow') {
    const f = db.prepare('SELECT proto, src_ip, src_port, dst_ip, dst_port FROM flows WHERE id = ?').get(Number(t.key)) as
      | { proto: string; src_ip: string; src_port: number | null; dst_ip: string; dst_port: number | null }
      | undefined;
    if (!f) return `flow ${t.key} (no longer in the case)`;
    const end = (ip: string, port: number | null) => (port === null ? ip : ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);
    return `${f.proto} ${end(f.src_ip, f.src_port)} → ${end(f.dst_ip, f.dst_port)}`;
  }
  if (t.kind === 'host') {
    // The name its profile carries (DHCP or DNS, what the Hosts view shows) first, then the names DNS gave the address.
    const profiled = (db.prepare('SELECT h.name FROM host_addresses a JOIN hosts h ON h.id = a.host_id WHERE a.address = ? AND h.name IS NOT NULL ORDER BY h.id').all(t.key) as { name: string }[]).map((r) => r.name);
    const dns = (db.prepare('SELECT DISTINCT name FROM names WHERE address = ? ORDER BY first_ts LIMIT 3').all(t.key) as { name: string }[]).map((r) => r.name);
    const names = [...new Set([...profiled, ...dns])].slice(0, 3);
    return names.length ? `${t.key} (${names.join(', ')})` : t.key;
  }
  return findingLabel(db, t.key);
}

/** `#3 syn_flood 10.0.0.9 → 192.0.2.1`, so a bookmark list says what was found between whom. */
function findingLabel(db: CaseDb, key: string): string {
  const f = db.prepare('SELECT kind, src_ips, dst_ips FROM findings WHERE id = ?').get(key) as { kind: string; src_ips: string; dst_ips: string } | undefined;
  if (!f) return `#${key} (no longer in the case)`;
  const ends = (json: string) => {
    const ips = JSON.parse(json) as string[];
    return ips.length <= 2 ? ips.join(', ') : `${ips.slice(0, 2).join(', ')}, … (${ips.length})`;
  };
  return `#${key} ${f.kind} ${ends(f.src_ips)} → ${ends(f.dst_ips)}`;
}
