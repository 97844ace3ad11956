import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { FlowLogImportResult, FlowLogMapping, FlowLogPreset, FlowLogProblem } from '../../shared/domain/flow-log';
import { ApiError } from '../../shared/contract/errors';
import { restoreFlowIndexes, suspendFlowIndexes } from '../cases/bulk-indexes';
import type { CaseDb } from '../cases/case-db';
import { currentUser } from '../cases/case-user';
import { hashFile } from '../cases/evidence-integrity';
import { addEvidence, deleteEvidence, finishEvidence, nextFlowId } from '../cases/evidence-store';
import { FlowWriter } from '../cases/flow-writer';
import { applyLabel } from '../cases/label-store';
import { AppSignatures } from '../flows/app-signatures';
import type { FlowValue } from '../flows/flow-row';
import { draftRow } from './draft-row';
import type { RecordMapper } from './flow-draft';
import { headLines, sniffLayout, type LogLayout } from './log-layout';
import { logRecords } from './log-records';
import { cicMapper } from './presets/cic-preset';
import { genericMapper, guessMapping, mappingProblem } from './presets/generic-preset';
import { kddMapper } from './presets/nslkdd-preset';
import { zeekMapper } from './presets/zeek-preset';
import { RowError } from './row-error';

export interface FlowLogImportOptions {
  preset?: FlowLogPreset;
  mapping?: FlowLogMapping;
  onProgress?: (done: number, total: number, flows: number, bad: number) => void;
  shouldStop?: () => boolean;
}

const BATCH = 5000;
const KEEP_PROBLEMS = 1000;

/** Which preset and mapper a file gets: the one asked for, else what its first lines look like; a generic file needs a usable mapping. */
export function chooseMapper(layout: LogLayout, o: { preset?: FlowLogPreset; mapping?: FlowLogMapping }): { preset: FlowLogPreset; mapper: RecordMapper } {
  const preset = o.mapping ? 'generic' : (o.preset ?? layout.detected ?? 'generic');
  if (o.preset && o.preset !== preset) throw new ApiError('bad_input', 'give either a preset or a mapping, not both');
  if (preset === 'cic') return { preset, mapper: cicMapper(layout.columns) };
  if (preset === 'zeek') return { preset, mapper: zeekMapper() };
  if (preset === 'nslkdd') {
    if (layout.format !== 'headerless-csv') throw new ApiError('bad_input', 'this does not read as NSL-KDD/KDD records (42 or 43 comma-separated fields, no header)');
    return { preset, mapper: kddMapper() };
  }
  const mapping = o.mapping ?? guessMapping(layout.columns);
  const problem = mappingProblem(mapping, layout.columns);
  if (problem) throw new ApiError('bad_input', `${o.mapping ? 'mapping' : 'no preset fits this file and the columns do not say which is which'}: ${problem}`);
  return { preset, mapper: genericMapper(mapping) };
}

/**
 * Imports a flow log into a case as evidence of kind `flow-log`: each good
 * record a flow (without packets), each bad one reported by line number with
 * its reason and left out. Read and written in batches, so a file of any size
 * streams through. Labels from the log are applied with provenance `import`.
 * A cancelled import removes what it wrote.
 */
export async function importFlowLog(db: CaseDb, path: string, o: FlowLogImportOptions = {}): Promise<FlowLogImportResult | null> {
  const file = resolve(path);
  const size = statSync(file).size;
  const layout = sniffLayout(headLines(file));
  const { preset, mapper } = chooseMapper(layout, o);
  const apps = AppSignatures.load();
  const suspended = suspendFlowIndexes(db);
  const writer = new FlowWriter(db);
  const user = currentUser();
  const evidenceId = addEvidence(db, { path: file, size, mtime: statSync(file).mtimeMs, source: 'import', kind: 'flow-log', options: { preset, mapping: o.mapping ?? null }, user });
  let nextId = nextFlowId(db);
  const problems: FlowLogProblem[] = [];
  const reasons: Record<string, number> = {};
  let bad = 0;
  let flows = 0;
  let labelled = 0;
  let firstTs = Infinity;
  let lastTs = -Infinity;
  let rows: FlowValue[][] = [];
  let labels = new Map<string, number[]>();
  const flush = () => {
    db.transaction(() => {
      writer.write(evidenceId, rows);
      for (const [label, ids] of labels) labelled += applyLabel(db, { flowIds: ids, label, provenance: 'import', author: 'flow-log import', batch: `flow-log-${evidenceId}`, detail: basename(file) });
    })();
    rows = [];
    labels = new Map();
  };
  const meter = { read: 0 };
  try {
    for await (const rec of logRecords(file, layout, meter)) {
      let err = rec.error;
      if (rec.get) {
        try {
          const d = mapper.toDraft(rec.get);
          const id = nextId++;
          rows.push(draftRow(d, id, apps));
          if (d.label) (labels.get(d.label) ?? labels.set(d.label, []).get(d.label)!).push(id);
          if (d.first_ts !== null) {
            firstTs = Math.min(firstTs, d.first_ts);
            lastTs = Math.max(lastTs, d.first_ts + (d.duration ?? 0));
          }
          flows++;
        } catch (e) {
          if (!(e instanceof RowError)) throw e;
          err = e;
        }
      }
      if (err) {
        bad++;
        reasons[err.kind] = (reasons[err.kind] ?? 0) + 1;
        if (problems.length < KEEP_PROBLEMS) problems.push({ line: rec.line, reason: err.message });
      }
      if (rows.length >= BATCH) {
        flush();
        if (o.shouldStop?.()) {
          deleteEvidence(db, evidenceId, user);
          return null;
        }
        o.onProgress?.(meter.read, size, flows, bad);
      }
    }
    flush();
  } catch (err) {
    deleteEvidence(db, evidenceId, user);
    throw err;
  } finally {
    if (suspended) restoreFlowIndexes(db);
  }
  o.onProgress?.(size, size, flows, bad);
  finishEvidence(db, evidenceId, {
    format: `flow-log:${preset}`,
    status: 'complete',
    packets: 0,
    skipped: bad,
    flows,
    firstTs: flows && firstTs !== Infinity ? firstTs : null,
    lastTs: flows && lastTs !== -Infinity ? lastTs : null,
    problems: problems.slice(0, 100).map((p) => `line ${p.line}: ${p.reason}`).concat(bad > 100 ? [`… and ${bad - 100} more bad rows`] : []),
    skippedReasons: reasons,
    linkTypes: {},
    interfaces: [],
    layout: { format: '', sections: [] },
    // A flow log is evidence too: hashed (one more pass over the file) so verify can tell if it changes.
    ...hashFile(file),
  }, user);
  return { evidenceId, preset, flows, labelled, badRows: bad, problems };
}
