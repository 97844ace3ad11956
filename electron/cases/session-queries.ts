import { z } from 'zod';
import { percentOf, PredictionPageRequest, type PredictionCondition, type PredictionField, type SessionAnalytics, type SessionPrediction } from '../../shared/sessions/prediction';
import type { SessionProtocol, SessionSource, SessionVerdict } from '../../shared/sessions/record';
import type { CaseDb } from './case-db';

/** Each results-table field as the SQL expression over `session_predictions p JOIN session_records r`. */
const COLUMNS: Record<PredictionField, string> = {
  id: 'p.id',
  createdAt: 'p.created_at',
  source: 'r.source',
  prediction: 'p.prediction',
  confidence: 'p.confidence',
  classifier: 'p.classifier',
  reason: 'p.reason',
  loginHour: 'r.login_hour',
  sessionDuration: 'r.session_duration',
  commandsCount: 'r.commands_count',
  failedLogins: 'r.failed_logins',
  protocol: 'r.protocol',
  typingSpeed: 'r.typing_speed',
  label: 'r.label',
  importId: 'r.import_id',
  line: 'r.line',
};

const OPS = { eq: '=', ne: '!=', lt: '<', le: '<=', gt: '>', ge: '>=' } as const;

const FROM = 'FROM session_predictions p JOIN session_records r ON r.id = p.record_id';

const SELECT = `SELECT p.id, p.record_id, r.source, p.prediction, p.confidence, p.classifier, p.reason, p.created_at,
  r.login_hour, r.session_duration, r.commands_count, r.failed_logins, r.protocol, r.typing_speed, r.label, r.import_id, r.line, r.flow_id ${FROM}`;

interface Row {
  id: number;
  record_id: number;
  source: SessionSource;
  prediction: SessionVerdict;
  confidence: number;
  classifier: string;
  reason: string;
  created_at: number;
  login_hour: number;
  session_duration: number;
  commands_count: number;
  failed_logins: number;
  protocol: SessionProtocol;
  typing_speed: number;
  label: SessionVerdict | null;
  import_id: number | null;
  line: number | null;
  flow_id: number | null;
}

function fromRow(r: Row): SessionPrediction {
  return {
    id: r.id,
    recordId: r.record_id,
    source: r.source,
    prediction: r.prediction,
    confidence: r.confidence,
    classifier: r.classifier,
    reason: r.reason,
    createdAt: r.created_at,
    loginHour: r.login_hour,
    sessionDuration: r.session_duration,
    commandsCount: r.commands_count,
    failedLogins: r.failed_logins,
    protocol: r.protocol,
    typingSpeed: r.typing_speed,
    label: r.label,
    importId: r.import_id,
    line: r.line,
    flowId: r.flow_id,
  };
}

function where(conditions: readonly PredictionCondition[]): { sql: string; params: (string | number)[] } {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  for (const c of conditions) {
    const col = COLUMNS[c.field];
    if (c.op === 'contains' || c.op === 'startsWith') {
      // instr/substr rather than LIKE: the user's % and _ stay literal.
      parts.push(c.op === 'contains' ? `instr(lower(${col}), lower(?)) > 0` : `lower(substr(${col}, 1, length(?))) = lower(?)`);
      params.push(String(c.value));
      if (c.op === 'startsWith') params.push(String(c.value));
    } else {
      parts.push(`${col} ${OPS[c.op]} ?`);
      params.push(c.value);
    }
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** A page of stored predictions with their inputs, filtered and sorted in SQL (newest first by default). */
export function predictionPage(db: CaseDb, request: z.input<typeof PredictionPageRequest>): { rows: SessionPrediction[]; total: number } {
  const req = PredictionPageRequest.parse(request);
  const w = where(req.filter);
  const order = [...req.sort.map((s) => `${COLUMNS[s.field]} ${s.dir === 'asc' ? 'ASC' : 'DESC'}`), 'p.id DESC'].join(', ');
  const rows = db.prepare(`${SELECT} ${w.sql} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...w.params, req.limit, req.offset) as Row[];
  const total = (db.prepare(`SELECT count(*) AS n ${FROM} ${w.sql}`).get(...w.params) as { n: number }).n;
  return { rows: rows.map(fromRow), total };
}

export function predictionById(db: CaseDb, id: number): SessionPrediction | null {
  const row = db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as Row | undefined;
  return row ? fromRow(row) : null;
}

interface CountRow {
  k: string | number;
  total: number;
  suspicious: number;
}

const COUNTS = "count(*) AS total, coalesce(sum(p.prediction = 'Suspicious'), 0) AS suspicious";

function counts(r: CountRow): { total: number; normal: number; suspicious: number } {
  return { total: r.total, normal: r.total - r.suspicious, suspicious: r.suspicious };
}

/** Bucket width for about 60 buckets over the span, rounded to a readable unit. */
function bucketSeconds(span: number): number {
  const steps = [60, 300, 900, 3600, 6 * 3600, 86400, 7 * 86400, 30 * 86400];
  return steps.find((s) => span / s <= 60) ?? 365 * 86400;
}

/** Everything the Analytics view shows, over every stored prediction. */
export function sessionAnalytics(db: CaseDb, interval?: number): SessionAnalytics {
  const all = counts(db.prepare(`SELECT 0 AS k, ${COUNTS} ${FROM}`).get() as CountRow);
  const span = db.prepare('SELECT min(created_at) AS lo, max(created_at) AS hi FROM session_predictions').get() as { lo: number | null; hi: number | null };
  const step = interval ?? bucketSeconds((span.hi ?? 0) - (span.lo ?? 0));
  const group = (key: string) => db.prepare(`SELECT ${key} AS k, ${COUNTS} ${FROM} GROUP BY k ORDER BY k`).all() as CountRow[];
  return {
    ...all,
    normalPercent: percentOf(all.normal, all.total),
    suspiciousPercent: percentOf(all.suspicious, all.total),
    interval: step,
    overTime: group(`CAST(p.created_at / ${step} AS INTEGER) * ${step}`).map((r) => ({ start: Number(r.k), ...counts(r) })),
    byProtocol: group('r.protocol')
      .map((r) => ({ protocol: r.k as SessionProtocol, ...counts(r) }))
      .sort((a, b) => b.total - a.total),
    byHour: group('r.login_hour').map((r) => ({ hour: Number(r.k), ...counts(r) })),
    byClassifier: group('p.classifier').map((r) => ({ classifier: String(r.k), ...counts(r) })),
  };
}
