import type { SessionProtocol } from '../../shared/sessions/record';
import { audited } from '../cases/audit-log';
import type { CaseDb } from '../cases/case-db';
import { currentUser } from '../cases/case-user';
import { SessionRecordWriter, type NewSessionRecord } from '../cases/session-store';
import { readPacketIndex, type IndexedPacket } from '../flows/packet-index';
import { activeClassifier } from './active-classifier';
import { interactiveTiming } from './interactive-timing';

/**
 * Interactive sessions found in the case's traffic become session records.
 *
 * Candidates are TCP connections the engine identified as SSH, Telnet, RDP or
 * FTP (control channel only: port 20 is FTP data). A connection is an
 * authentication attempt only when it is shorter than ATTEMPT_MAX_SECONDS and
 * carried fewer than ATTEMPT_MAX_PACKETS client data packets; one without
 * client data is neither; any other is a session. A session's failed logins are the attempt-only connections from the
 * same client to the same server and port that started in the FAILED_WINDOW
 * seconds before it (and after the previous session of that pair).
 * Login hour is the UTC hour of the first packet; duration is in minutes.
 */
export const ATTEMPT_MAX_SECONDS = 15;
export const ATTEMPT_MAX_PACKETS = 10;
export const FAILED_WINDOW = 600;

const PROTOCOLS: Record<string, SessionProtocol> = { SSH: 'SSH', Telnet: 'Telnet', RDP: 'RDP', FTP: 'FTP' };

interface FlowRow {
  id: number;
  src_ip: string;
  dst_ip: string;
  dst_port: number;
  src_port: number;
  first_ts: number;
  last_ts: number;
  app: string;
  packet_index: Uint8Array | null;
}

interface Connection {
  id: number;
  src_ip: string;
  dst_ip: string;
  dst_port: number;
  first_ts: number;
  last_ts: number;
  app: string;
  packets: IndexedPacket[];
}

/**
 * Joins the flows of one TCP connection that the engine's idle timeout cut
 * apart (same addresses and ports, one after the other): a quiet pause in an
 * SSH session is still the same login. Packet times become relative to the
 * connection's first packet. Returned ordered by client, server, port and start.
 */
function connections(rows: readonly FlowRow[]): Connection[] {
  const out: Connection[] = [];
  let prev: FlowRow | null = null;
  for (const f of rows) {
    const packets = f.packet_index ? readPacketIndex(f.packet_index) : [];
    const last = out[out.length - 1];
    if (prev && last && prev.src_ip === f.src_ip && prev.src_port === f.src_port && prev.dst_ip === f.dst_ip && prev.dst_port === f.dst_port && f.first_ts >= prev.last_ts) {
      const shift = Math.round((f.first_ts - last.first_ts) * 1e6);
      for (const p of packets) last.packets.push({ ...p, us: p.us + shift });
      last.last_ts = Math.max(last.last_ts, f.last_ts);
    } else {
      out.push({ id: f.id, src_ip: f.src_ip, dst_ip: f.dst_ip, dst_port: f.dst_port, first_ts: f.first_ts, last_ts: f.last_ts, app: f.app, packets });
    }
    prev = f;
  }
  return out.sort((a, b) => (a.src_ip < b.src_ip ? -1 : a.src_ip > b.src_ip ? 1 : a.dst_ip < b.dst_ip ? -1 : a.dst_ip > b.dst_ip ? 1 : a.dst_port - b.dst_port || a.first_ts - b.first_ts));
}

export interface DeriveResult {
  /** Interactive connections examined (flows of one connection cut by the idle timeout count once). */
  connections: number;
  sessions: number;
  attempts: number;
  normal: number;
  suspicious: number;
  classifier: string;
}

export interface DeriveHooks {
  shouldStop?: () => boolean;
  onProgress?: (done: number, total: number) => void;
  /** Who derives, for the audit trail; default: the operating-system account. */
  user?: string;
}

/**
 * Replaces the case's traffic-derived records (re-deriving is idempotent) with
 * one per interactive session, each classified by the case's classifier, in
 * one transaction, audited as `session.derive`. Returns null when cancelled
 * (nothing changes).
 */
export function deriveTrafficSessions(db: CaseDb, hooks: DeriveHooks = {}): DeriveResult | null {
  const rows = db
    .prepare(
      `SELECT f.id, f.src_ip, f.dst_ip, f.src_port, f.dst_port, f.first_ts, f.last_ts, f.app, p.packet_index
       FROM flows f LEFT JOIN flow_packets p ON p.flow_id = f.id
       WHERE f.proto = 'tcp' AND f.app IN ('SSH', 'Telnet', 'RDP', 'FTP') AND f.src_port != 20 AND f.dst_port != 20
       ORDER BY f.src_ip, f.src_port, f.dst_ip, f.dst_port, f.first_ts, f.id`,
    )
    .all() as FlowRow[];
  const conns = connections(rows);
  const classifier = activeClassifier(db);
  const records: NewSessionRecord[] = [];
  let attempts = 0;
  let pairKey = '';
  // Attempt-only connections of the current client/server/port since its last session.
  let pending: number[] = [];
  for (let i = 0; i < conns.length; i++) {
    if (i % 256 === 0) {
      if (hooks.shouldStop?.()) return null;
      hooks.onProgress?.(i, conns.length);
    }
    const f = conns[i];
    const key = `${f.src_ip}|${f.dst_ip}|${f.dst_port}`;
    if (key !== pairKey) {
      pairKey = key;
      pending = [];
    }
    const protocol = PROTOCOLS[f.app];
    const timing = interactiveTiming(f.packets, protocol === 'FTP');
    const seconds = f.last_ts - f.first_ts;
    // No client data at all (a scan, or the tail of a connection cut by the idle timeout): neither.
    if (timing.clientPayloadPackets === 0) continue;
    if (seconds < ATTEMPT_MAX_SECONDS && timing.clientPayloadPackets < ATTEMPT_MAX_PACKETS) {
      attempts++;
      pending.push(f.first_ts);
      continue;
    }
    const failedLogins = pending.filter((t) => t >= f.first_ts - FAILED_WINDOW).length;
    pending = [];
    records.push({
      source: 'traffic',
      flowId: f.id,
      startedAt: f.first_ts,
      loginHour: new Date(f.first_ts * 1000).getUTCHours(),
      sessionDuration: Math.round((seconds / 60) * 1000) / 1000,
      commandsCount: timing.commands,
      failedLogins,
      protocol,
      typingSpeed: timing.typingSpeed,
    });
  }
  if (hooks.shouldStop?.()) return null;
  const writer = new SessionRecordWriter(db);
  const at = Date.now() / 1000;
  let suspicious = 0;
  audited(
    db,
    () => ({ user: hooks.user ?? currentUser(), action: 'session.derive', params: { connections: conns.length, sessions: records.length, attempts, suspicious, classifier: classifier.id } }),
    () => {
      db.prepare("DELETE FROM session_records WHERE source = 'traffic'").run();
      for (const r of records) {
        const v = classifier.classify(r);
        if (v.prediction === 'Suspicious') suspicious++;
        writer.add(r, v, at);
      }
    },
  );
  hooks.onProgress?.(conns.length, conns.length);
  return { connections: conns.length, sessions: records.length, attempts, normal: records.length - suspicious, suspicious, classifier: classifier.id };
}
