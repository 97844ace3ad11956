import type { AuditEntry } from './audit-log';
import { csvCell } from '../../shared/format/csv-cell';

export type AuditFormat = 'jsonl' | 'csv';

const COLUMNS = ['seq', 'at', 'user', 'action', 'params', 'prev_hash', 'hash'] as const;


/**
 * One entry as a line: JSONL keeps the fields as the chain hashed them (params
 * as an object, re-serialised byte for byte as stored, so a reader can
 * recompute each hash); CSV has params as a JSON text column.
 */
export function auditLine(e: AuditEntry, format: AuditFormat): string {
  if (format === 'jsonl') return JSON.stringify({ seq: e.seq, at: e.at, user: e.user, action: e.action, params: e.params, prev_hash: e.prevHash, hash: e.hash });
  return [e.seq, e.at, e.user, e.action, JSON.stringify(e.params), e.prevHash, e.hash].map(csvCell).join(',');
}

export function auditHeader(format: AuditFormat): string | null {
  return format === 'csv' ? COLUMNS.join(',') : null;
}

export function auditText(entries: Iterable<AuditEntry>, format: AuditFormat): { text: string; count: number } {
  const lines: string[] = [];
  const header = auditHeader(format);
  if (header) lines.push(header);
  let count = 0;
  for (const e of entries) {
    lines.push(auditLine(e, format));
    count++;
  }
  return { text: lines.length ? `${lines.join('\n')}\n` : '', count };
}
