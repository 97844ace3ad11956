import type { HostProfile, HostSummary, InteractiveSession, ProfileSettings } from '../../../shared/domain/hosts';
import { audited } from '../../cases/audit-log';
import { caseMeta, setCaseMeta, type CaseDb } from '../../cases/case-db';
import { currentUser } from '../../cases/case-user';
import type { BuiltProfiles } from './profile-builder';

const COMPUTED_AT = 'profiles_computed_at';
const SIGNATURE = 'profiles_signature';

/** What the profiles were computed from: the flows (count, last id) and the settings. Anything else makes them stale. */
export function profileSignature(db: CaseDb, settings: ProfileSettings): string {
  const f = db.prepare('SELECT count(*) AS n, max(id) AS m FROM flows').get() as { n: number; m: number | null };
  return JSON.stringify([f.n, f.m, settings]);
}

/** Replaces the stored profiles in one transaction (readers see the old set or the new one, never half), audited as `hosts.compute`. */
export function storeProfiles(db: CaseDb, built: BuiltProfiles, signature: string, at = Date.now() / 1000, user = currentUser()): void {
  const insertHost = db.prepare(
    `INSERT INTO hosts (id, key, kind, name, mac, ips, local, flows, packets, bytes, packets_sent, packets_received, bytes_sent, bytes_received, first_ts, last_ts, sessions, peers, unique_dst_ports, apps, top_app, top_category, countries, interactive_sessions, keystrokes, typing_cpm, profile)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAddress = db.prepare('INSERT OR IGNORE INTO host_addresses (host_id, address) VALUES (?, ?)');
  const insertSession = db.prepare(
    'INSERT INTO interactive_sessions (flow_id, host_id, protocol, client, client_port, server, server_port, start, duration, keystrokes, typing_seconds, typing_cpm, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const put = (id: number, p: HostProfile) => {
    const s = { ...p.summary, id };
    insertHost.run(id, s.key, s.kind, s.name, s.mac, JSON.stringify(s.ips), s.local ? 1 : 0, s.flows, s.packets, s.bytes, s.packetsSent, s.packetsReceived, s.bytesSent, s.bytesReceived, s.firstTs, s.lastTs, s.sessions, s.peers, s.uniqueDstPorts, s.apps, s.topApp, s.topCategory, s.countries, s.interactiveSessions, s.keystrokes, s.typingCpm, JSON.stringify({ ...p, summary: s }));
    for (const ip of s.ips) insertAddress.run(id, ip);
  };
  // The settings the profiles were built with are in their signature (read before building), not necessarily the case's current ones.
  const settings = (JSON.parse(signature) as unknown[])[2];
  const record = { user, action: 'hosts.compute', params: { hosts: built.hosts.length, flows: built.caseProfile.summary.flows, interactive: built.sessions.length, settings } };
  audited(db, record, () => {
    db.exec('DELETE FROM interactive_sessions; DELETE FROM host_addresses; DELETE FROM hosts;');
    put(0, built.caseProfile);
    const ids = new Map<string, number>();
    built.hosts.forEach((h, i) => {
      ids.set(h.key, i + 1);
      put(i + 1, h.profile);
    });
    for (const s of built.sessions) {
      const hostId = s.hostKey === null ? null : (ids.get(s.hostKey) ?? null);
      insertSession.run(s.flowId, hostId, s.protocol, s.client, s.clientPort, s.server, s.serverPort, s.start, s.duration, s.keystrokes, s.typingSeconds, s.typingCpm, s.note);
    }
    setCaseMeta(db, COMPUTED_AT, String(at));
    setCaseMeta(db, SIGNATURE, signature);
  });
}

interface HostRow {
  id: number;
  key: string;
  kind: HostSummary['kind'];
  name: string | null;
  mac: string | null;
  ips: string;
  local: number;
  flows: number;
  packets_sent: number;
  packets_received: number;
  bytes_sent: number;
  bytes_received: number;
  first_ts: number | null;
  last_ts: number | null;
  sessions: number;
  peers: number;
  unique_dst_ports: number;
  apps: number;
  top_app: string | null;
  top_category: string | null;
  countries: number;
  interactive_sessions: number;
  keystrokes: number;
  typing_cpm: number | null;
  bytes: number;
  packets: number;
}

function summaryOf(r: HostRow): HostSummary {
  return {
    id: r.id,
    key: r.key,
    kind: r.kind,
    name: r.name,
    mac: r.mac,
    ips: JSON.parse(r.ips) as string[],
    local: r.local === 1,
    flows: r.flows,
    packets: r.packets,
    bytes: r.bytes,
    packetsSent: r.packets_sent,
    packetsReceived: r.packets_received,
    bytesSent: r.bytes_sent,
    bytesReceived: r.bytes_received,
    firstTs: r.first_ts,
    lastTs: r.last_ts,
    sessions: r.sessions,
    peers: r.peers,
    uniqueDstPorts: r.unique_dst_ports,
    apps: r.apps,
    topApp: r.top_app,
    topCategory: r.top_category,
    countries: r.countries,
    interactiveSessions: r.interactive_sessions,
    keystrokes: r.keystrokes,
    typingCpm: r.typing_cpm,
  };
}

const SUMMARY_SQL = 'SELECT id, key, kind, name, mac, ips, local, flows, packets, bytes, packets_sent, packets_received, bytes_sent, bytes_received, first_ts, last_ts, sessions, peers, unique_dst_ports, apps, top_app, top_category, countries, interactive_sessions, keystrokes, typing_cpm FROM hosts';

/** Every host's summary (not the case row), in id order: most bytes first. */
export function listHosts(db: CaseDb): HostSummary[] {
  return (db.prepare(`${SUMMARY_SQL} WHERE id > 0 ORDER BY id`).all() as HostRow[]).map(summaryOf);
}

export function caseSummary(db: CaseDb): HostSummary | null {
  const r = db.prepare(`${SUMMARY_SQL} WHERE id = 0`).get() as HostRow | undefined;
  return r ? summaryOf(r) : null;
}

export function hostProfile(db: CaseDb, id: number): HostProfile | null {
  const r = db.prepare('SELECT profile FROM hosts WHERE id = ?').get(id) as { profile: string } | undefined;
  return r ? (JSON.parse(r.profile) as HostProfile) : null;
}

export function profilesComputedAt(db: CaseDb): number | null {
  const v = caseMeta(db, COMPUTED_AT);
  return v === undefined ? null : Number(v);
}

export function storedSignature(db: CaseDb): string | null {
  return caseMeta(db, SIGNATURE) ?? null;
}

interface SessionRow {
  flow_id: number;
  host_id: number | null;
  protocol: 'ssh' | 'telnet';
  client: string;
  client_port: number | null;
  server: string;
  server_port: number | null;
  start: number | null;
  duration: number | null;
  keystrokes: number;
  typing_seconds: number;
  typing_cpm: number | null;
  note: string | null;
}

/** Interactive sessions, of one host or all, in time order. */
export function interactiveSessions(db: CaseDb, hostId?: number): InteractiveSession[] {
  const rows = (hostId === undefined || hostId === 0
    ? db.prepare('SELECT * FROM interactive_sessions ORDER BY start, flow_id').all()
    : db.prepare('SELECT * FROM interactive_sessions WHERE host_id = ? ORDER BY start, flow_id').all(hostId)) as SessionRow[];
  return rows.map((r) => ({
    flowId: r.flow_id,
    hostId: r.host_id,
    protocol: r.protocol,
    client: r.client,
    clientPort: r.client_port,
    server: r.server,
    serverPort: r.server_port,
    start: r.start,
    duration: r.duration,
    keystrokes: r.keystrokes,
    typingSeconds: r.typing_seconds,
    typingCpm: r.typing_cpm,
    note: r.note,
  }));
}
