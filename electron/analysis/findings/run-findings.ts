import type { FindingKind, Thresholds } from '../../../shared/domain/findings';
import type { CaseDb } from '../../cases/case-db';
import { loadDetectorFlows } from './detector-flows';
import type { FindingDraft } from './detector';
import { detectors, resolveThresholds } from './detectors';
import { scanDuplicates } from './duplicate-packets';
import { saveFindings } from './findings-store';

export interface FindingsRunInput {
  thresholds: Partial<Record<FindingKind, Thresholds>>;
  kinds?: FindingKind[];
}

export interface FindingsRunHooks {
  cancelled: () => boolean;
  progress: (done: number, total: number, message: string, counters?: Record<string, number>) => void;
}

export interface FindingsRunResult {
  runId: number;
  findings: number;
  flows: number;
  duplicateScan: { scanned: number; unreadable: number; leftOut: number } | null;
}

/**
 * Runs the detectors over the case's flows and stores their findings in
 * place of the previous run's. Progress is in three stages: reading flows,
 * reading the packets of flows that may hold duplicates, detecting. Returns
 * null when cancelled (nothing is stored then).
 */
export async function runFindings(db: CaseDb, input: FindingsRunInput, hooks: FindingsRunHooks): Promise<FindingsRunResult | null> {
  const chosen = resolveThresholds(input.thresholds, input.kinds);
  const flows = loadDetectorFlows(db, (done, total) => hooks.progress(done, total, 'Reading flows', { flows: done }));
  if (hooks.cancelled()) return null;
  let duplicateScan: FindingsRunResult['duplicateScan'] = null;
  const dupDetector = [...chosen.keys()].find((d) => d.kind === 'duplicate_burst');
  const needsDuplicates = dupDetector !== undefined || [...chosen.keys()].some((d) => d.kind === 'retransmission_storm');
  if (needsDuplicates) {
    // The retransmission detector needs them too: a duplicated data segment is not a retransmission.
    const maxGapMs = dupDetector ? chosen.get(dupDetector)!.maxGapMs : detectors.find((d) => d.kind === 'duplicate_burst')!.thresholds.maxGapMs.value;
    duplicateScan = await scanDuplicates(db, flows, { maxGapMs, cancelled: hooks.cancelled, progress: (done, total) => hooks.progress(done, total, 'Looking for duplicated packets', { flows: done }) });
    if (hooks.cancelled()) return null;
  }
  const drafts: FindingDraft[] = [];
  let k = 0;
  for (const [d, t] of chosen) {
    if (hooks.cancelled()) return null;
    hooks.progress(k++, chosen.size, `Detecting: ${d.title}`, { findings: drafts.length });
    drafts.push(...d.detect(flows, t));
  }
  const order = new Map(detectors.map((d, i) => [d.kind, i]));
  drafts.sort((a, b) => a.startTs - b.startTs || order.get(a.kind)! - order.get(b.kind)!);
  const thresholds = Object.fromEntries([...chosen].map(([d, t]) => [d.kind, t]));
  const runId = saveFindings(db, { flows: flows.n, thresholds }, drafts);
  hooks.progress(chosen.size, chosen.size, 'Findings stored', { findings: drafts.length });
  return { runId, findings: drafts.length, flows: flows.n, duplicateScan };
}
