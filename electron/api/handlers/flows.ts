import { flowById } from '../../cases/flow-reader';
import { listEvidence } from '../../cases/evidence-store';
import type { HandlerGroup } from '../handler';
import { scopeKey, toSelection } from '../flow-scope';
import { ApiError } from '../../../shared/contract/errors';
import type { FlowSelection } from '../../investigate/flow-selection';
import type { Session } from '../session';

const DEEP_PAGE = 10_000;

/** Flows in a scope, counted once per scope and case state. */
async function countOf(c: ReturnType<Session['requireCase']>, scope: Parameters<typeof scopeKey>[0], selection: FlowSelection): Promise<number> {
  const key = scopeKey(scope);
  let count = c.counts.get(key);
  if (count === undefined) {
    count = await c.queries.runOn(key, 'flowCount', selection);
    c.counts.set(key, count);
  }
  return count;
}

export const flowHandlers: HandlerGroup<'flows.page' | 'flows.count' | 'flows.detail' | 'flows.packets' | 'flows.packetBytes' | 'flows.stream'> = {
  'flows.page': async ({ startRow, endRow, sort, scope }, s) => {
    const c = s.requireCase();
    const { columns, ...selection } = toSelection(scope, c.db);
    // Sorting or filtering on a column without an index would scan every flow: build it once (not in read-only cases).
    if (!c.readOnly && s.jobs.running().length === 0) {
      for (const col of new Set([...sort.map((k) => k.field), ...columns])) await c.queries.run('ensureFlowIndex', col);
    }
    // A filtered result, or a deep page, is paged from a result computed once (and counted on the way).
    const key = scopeKey(scope);
    const cached = selection.where !== undefined || startRow >= DEEP_PAGE;
    const resultKey = cached ? `${c.version}\n${key}\n${JSON.stringify(sort)}` : undefined;
    const page = await c.queries.runOn(key, 'flowPage', { startRow, endRow, sort, selection, resultKey });
    if (page.total !== null) c.counts.set(key, page.total);
    return { rows: page.rows, total: c.counts.get(key) ?? null };
  },
  'flows.count': async ({ scope }, s) => {
    const c = s.requireCase();
    const { columns: _columns, ...selection } = toSelection(scope, c.db);
    return { count: await countOf(c, scope, selection) };
  },
  'flows.detail': async ({ id }, s) => {
    const c = s.requireCase();
    const flow = flowById(c.db, id);
    if (!flow) throw new ApiError('not_found', `no flow ${id}`);
    const row = c.db.prepare('SELECT f.evidence_id AS evidenceId, EXISTS (SELECT 1 FROM flow_packets p WHERE p.flow_id = f.id) AS hasPackets FROM flows f WHERE f.id = ?').get(id) as { evidenceId: number; hasPackets: number };
    const ev = listEvidence(c.db).find((e) => e.id === row.evidenceId);
    return { flow, evidence: ev ? { id: ev.id, path: ev.path, status: ev.status } : null, hasPackets: row.hasPackets === 1 };
  },
  'flows.packets': ({ id, offset, limit }, s) => s.requireCase().queries.run('flowPackets', id, offset, limit),
  'flows.packetBytes': ({ id, number }, s) => s.requireCase().queries.run('packetBytes', id, number),
  'flows.stream': ({ id, maxBytes }, s) => s.requireCase().queries.run('followTcpStream', id, maxBytes),
};
