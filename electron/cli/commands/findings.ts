import type { Command } from 'commander';
import { resolve } from 'node:path';
import type { Finding, FindingKind, Thresholds } from '../../../shared/domain/findings';
import { FindingKind as FindingKindSchema } from '../../../shared/domain/findings';
import { ApiError } from '../../../shared/contract/errors';
import { detectorInfo, resolveThresholds } from '../../analysis/findings/detectors';
import { findingFlowIds, listFindings } from '../../analysis/findings/findings-store';
import { openCaseDb } from '../../cases/case-db';
import type { FindingsJobInput } from '../../jobs/findings-worker';
import { CliError } from '../cli-error';
import { runCliJob } from '../run-cli-job';

/** One finding as a JSONL record: a single source or destination as `src_ip`/`dst_ip`, several as `src_ips`/`dst_ips` (and null in the single field). */
export function findingRecord(f: Finding, flowIds: number[]): Record<string, unknown> {
  return {
    kind: f.kind,
    severity: f.severity,
    src_ip: f.srcIp,
    ...(f.srcIps.length > 1 ? { src_ips: f.srcIps } : {}),
    dst_ip: f.dstIp,
    ...(f.dstIps.length > 1 ? { dst_ips: f.dstIps } : {}),
    ...(f.dstPort !== null ? { dst_port: f.dstPort } : {}),
    proto: f.proto,
    start_ts: f.startTs,
    end_ts: f.endTs,
    count: f.count,
    flow_ids: flowIds,
    explanation: f.explanation,
  };
}

function parseThresholds(specs: string[]): Partial<Record<FindingKind, Thresholds>> {
  const out: Partial<Record<FindingKind, Thresholds>> = {};
  for (const spec of specs) {
    const m = /^([a-z_]+)\.([A-Za-z]+)=(-?[0-9.]+(?:e-?[0-9]+)?)$/.exec(spec);
    const kind = m ? FindingKindSchema.safeParse(m[1]) : null;
    if (!m || !kind?.success || !Number.isFinite(Number(m[3]))) throw new CliError(`--threshold takes kind.name=value, e.g. vertical_scan.minPorts=20, not ${JSON.stringify(spec)}`, 2);
    (out[kind.data] ??= {})[m[2]] = Number(m[3]);
  }
  return out;
}

export function registerFindings(program: Command): void {
  program
    .command('findings')
    .description('detect scans, floods, storms, bursts and beaconing in a case and print the findings with their evidence flows')
    .requiredOption('--case <path>', 'case file')
    .option('--format <format>', 'jsonl', 'jsonl')
    .option('--threshold <kind.name=value>', 'override a detector threshold (repeatable), e.g. syn_flood.minSyns=50', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--stored', 'print the findings stored by the last run instead of computing them again')
    .option('--detectors', 'list the detectors, their thresholds and defaults, and exit')
    .option('--quiet', 'no progress bar')
    .action(async (o: { case: string; format: string; threshold: string[]; stored?: boolean; detectors?: boolean; quiet?: boolean }) => {
      if (o.detectors) {
        for (const d of detectorInfo()) process.stdout.write(`${JSON.stringify(d)}\n`);
        return;
      }
      if (o.format !== 'jsonl') throw new CliError(`--format must be jsonl, not ${JSON.stringify(o.format)}`, 2);
      const casePath = resolve(o.case);
      const thresholds = parseThresholds(o.threshold);
      try {
        resolveThresholds(thresholds);
      } catch (err) {
        if (err instanceof ApiError) throw new CliError(err.message, 2);
        throw err;
      }
      // Open (and migrate) here, so a bad case fails before a worker starts.
      openCaseDb(casePath).close();
      if (!o.stored) {
        const input: FindingsJobInput = { casePath, thresholds };
        await runCliJob('findings', 'findings-worker', input, { quiet: o.quiet, what: 'findings' });
      }
      const db = openCaseDb(casePath, { readOnly: true });
      try {
        const { run, findings } = listFindings(db);
        if (!run) throw new CliError('no findings stored in this case yet; run without --stored to compute them');
        for (const f of findings) process.stdout.write(`${JSON.stringify(findingRecord(f, findingFlowIds(db, f.id) ?? []))}\n`);
      } finally {
        db.close();
      }
    });
}
