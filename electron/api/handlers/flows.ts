import { flowById } from '../../cases/flow-reader';
import { listEvidence } from '../../cases/evidence-store';
import type { HandlerGroup } from '../handler';
import { scopeKey, toSelection } from '../flow-scope';
import { ApiError } from '../../../shared/contract/errors';

export const flowHandlers: HandlerGroup<'flows.page' | 'flows.count' | 'flows.detail' | 'flows.packets' | 'flows.packetBytes' | 'flows.stream'> = {
  'flows.page': async ({ startRow, endRow, sort, scope }, s) => {
    const c = s.requireCase();
    const { columns, ...selection } = toSelection(scope, c.db);
    // Sorting or filtering on a column without an index would scan every flow: build it once (not in read-only cases).
    if (!c.readOnly && s.jobs.running('ingest').length === 0) {
      for (const col of new Set([...sort.map((k) => k.field), ...columns])) await c.queries.run('ensureFlowIndex', col);
    }
    const page = await c.queries.run('flowPage', { startRow, endRow, sort, selection });
    return { rows: page.rows, total: c.counts.get(scopeKey(scope)) ?? null };
  },
  'flows.count': async ({ scope }, s) => {
    const c = s.requireCase();
    const key = scopeKey(scope);
    let count = c.counts.get(key);
    if (count === undefined) {
      const { columns: _columns, ...selection } = toSelection(scope, c.db);
      count = await c.queries.run('flowCount', selection);
      c.counts.set(key, count);
    }
    return { count };
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
