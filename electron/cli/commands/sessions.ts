import type { Command } from 'commander';
import { resolve } from 'node:path';
import { openCaseDb } from '../../cases/case-db';
import { predictionPage } from '../../cases/session-queries';
import { CsvFileError } from '../../fingerprint/csv-file-error';
import { resolveColumns } from '../../fingerprint/csv-session-rows';
import { previewSessionCsv } from '../../fingerprint/preview-session-csv';
import type { SessionImportJobInput } from '../../jobs/session-import-worker';
import type { SessionDeriveJobInput } from '../../jobs/session-derive-worker';
import type { SessionTrainJobInput } from '../../jobs/session-train-worker';
import type { DeriveResult } from '../../fingerprint/derive-traffic-sessions';
import { parseMappingText } from '../../../shared/sessions/csv-columns';
import type { SessionImportResult } from '../../../shared/sessions/import';
import type { SessionModelSummary } from '../../../shared/sessions/model';
import { PredictionCondition, type SessionPrediction } from '../../../shared/sessions/prediction';
import { CliError } from '../cli-error';
import { printInteractiveSessions } from './interactive-sessions';
import { csvCell } from '../../../shared/format/csv-cell';
import { runCliJob } from '../run-cli-job';

/** Output columns of `flowsight sessions`: the record's attributes, then its prediction. */
const COLUMNS = [
  'id',
  'createdAt',
  'source',
  'loginHour',
  'sessionDuration',
  'commandsCount',
  'failedLogins',
  'protocol',
  'typingSpeed',
  'label',
  'prediction',
  'confidence',
  'classifier',
  'reason',
  'importId',
  'line',
  'flowId',
] as const satisfies readonly (keyof SessionPrediction)[];


/** `prediction=Suspicious`, `protocol=SSH`: equality conditions on the results' fields. */
function whereOption(text: string[]): PredictionCondition[] {
  return text.map((t) => {
    const eq = t.indexOf('=');
    const parsed = PredictionCondition.safeParse({ field: t.slice(0, eq), op: 'eq', value: t.slice(eq + 1) });
    if (eq <= 0 || !parsed.success) throw new CliError(`--where ${JSON.stringify(t)}: write field=value, e.g. prediction=Suspicious`, 2);
    const v = parsed.data.value;
    return { ...parsed.data, value: typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v };
  });
}

export function registerSessions(program: Command): void {
  program
    .command('sessions')
    .description("print a case's session records with their predictions (input, output, confidence, classifier, time)")
    .requiredOption('--case <path>', 'case file')
    .option('--format <format>', 'jsonl or csv', 'jsonl')
    .option('--where <field=value...>', 'only predictions whose field equals the value, e.g. prediction=Suspicious protocol=SSH', [])
    .option('--limit <n>', 'at most this many, newest first')
    .option('--interactive', 'instead, the interactive SSH/Telnet sessions seen in the traffic: protocol, client, server, start, duration, keystrokes, typing_cpm (host profiles)')
    .option('--quiet', 'no progress bar (--interactive computes host profiles when needed)')
    .action(async (o: { case: string; format: string; where: string[]; limit?: string; interactive?: boolean; quiet?: boolean }) => {
      if (o.interactive) {
        if (o.format !== 'jsonl') throw new CliError(`--interactive prints jsonl, not ${JSON.stringify(o.format)}`, 2);
        return printInteractiveSessions(o.case, { quiet: o.quiet });
      }
      if (o.format !== 'jsonl' && o.format !== 'csv') throw new CliError(`--format must be jsonl or csv, not ${JSON.stringify(o.format)}`, 2);
      const limit = o.limit === undefined ? Infinity : Number(o.limit);
      if (limit !== Infinity && (!Number.isInteger(limit) || limit < 0)) throw new CliError('--limit must be a non-negative integer', 2);
      const filter = whereOption(o.where);
      const db = openCaseDb(resolve(o.case), { readOnly: true });
      try {
        if (o.format === 'csv') process.stdout.write(`${COLUMNS.join(',')}\n`);
        for (let offset = 0; offset < limit; ) {
          const page = predictionPage(db, { offset, limit: Math.min(10_000, limit - offset), filter });
          if (page.rows.length === 0) break;
          const text = page.rows
            .map((p) => {
              const row = { ...p, createdAt: new Date(p.createdAt * 1000).toISOString() };
              return o.format === 'csv' ? COLUMNS.map((c) => csvCell(row[c])).join(',') : JSON.stringify(Object.fromEntries(COLUMNS.map((c) => [c, row[c]])));
            })
            .join('\n');
          if (!process.stdout.write(`${text}\n`)) await new Promise<void>((r) => process.stdout.once('drain', () => r()));
          offset += page.rows.length;
        }
      } finally {
        db.close();
      }
    });

  program
    .command('sessions-import')
    .description("import and classify a CSV of session records (the seed's columns LoginHour, SessionDuration, CommandsCount, FailedLogins, Protocol, TypingSpeed, optional Label)")
    .argument('<file>', 'CSV file')
    .requiredOption('--case <path>', 'case file (*.flowsight), created if needed')
    .option('--map <Column=FileColumn,...>', "the file's column for each of ours, e.g. LoginHour=hour,Protocol=proto", '')
    .option('--quiet', 'no progress bar')
    .action(async (file: string, o: { case: string; map: string; quiet?: boolean }) => {
      let mapping;
      try {
        mapping = parseMappingText(o.map);
      } catch (err) {
        throw new CliError(`--map: ${(err as Error).message}`, 2);
      }
      const casePath = resolve(o.case);
      const path = resolve(file);
      openCaseDb(casePath, { create: true }).close();
      try {
        resolveColumns(path, (await previewSessionCsv(path, 1, path)).headers, mapping);
      } catch (err) {
        if (err instanceof CsvFileError) throw new CliError([err.message, ...err.details].join('\n  '));
        throw err;
      }
      const input: SessionImportJobInput = { casePath, file: path, mapping };
      const r = (await runCliJob('session-import', 'session-import-worker', input, { quiet: o.quiet, what: 'session-import', unit: 'bytes' })).result as SessionImportResult;
      for (const e of r.errors) process.stderr.write(`${path}:${e.line}: ${e.reason}\n`);
      if (r.errorsTruncated) process.stderr.write(`… and ${r.rejected - r.errors.length} more rejected rows\n`);
      process.stderr.write(`${path}: ${r.total} records (${r.normal} Normal, ${r.suspicious} Suspicious, ${r.labelled} labelled), ${r.rejected} rejected; classified by ${r.classifier}\n`);
    });

  program
    .command('sessions-train')
    .description("train a session model on the case's labelled records (stratified k-fold evaluation, then a fit on all) and make it the case's classifier")
    .requiredOption('--case <path>', 'case file')
    .option('--folds <k>', 'cross-validation folds', '5')
    .option('--seed <n>', 'fold shuffle seed', '1')
    .option('--no-activate', 'keep the current classifier')
    .option('--quiet', 'no progress bar')
    .action(async (o: { case: string; folds: string; seed: string; activate: boolean; quiet?: boolean }) => {
      const folds = Number(o.folds);
      const seed = Number(o.seed);
      if (!Number.isInteger(folds) || folds < 2 || folds > 20) throw new CliError('--folds must be an integer 2–20', 2);
      if (!Number.isInteger(seed) || seed < 0) throw new CliError('--seed must be a non-negative integer', 2);
      const input: SessionTrainJobInput = { casePath: resolve(o.case), options: { folds, seed, activate: o.activate } };
      const m = (await runCliJob('session-train', 'session-train-worker', input, { quiet: o.quiet, what: 'session-train' })).result as SessionModelSummary;
      const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
      process.stdout.write(
        `${JSON.stringify({ model: m.classifier, records: m.records, normal: m.normal, suspicious: m.suspicious, accuracy: m.evaluation.accuracy, macroF1: m.evaluation.macroF1, baselineAccuracy: m.baseline.accuracy, confusion: m.evaluation.confusion, active: m.active })}\n`,
      );
      process.stderr.write(`${m.classifier}: ${m.evaluation.folds}-fold accuracy ${pct(m.evaluation.accuracy)}, macro F1 ${pct(m.evaluation.macroF1)} (rule baseline: ${pct(m.baseline.accuracy)})${m.active ? '; now the case’s classifier' : ''}\n`);
    });

  program
    .command('sessions-derive')
    .description("turn the case's interactive SSH, Telnet, RDP and FTP connections into classified session records (login hour, duration, commands and typing speed from keystroke timing, failed logins from short attempts before)")
    .requiredOption('--case <path>', 'case file (ingest a capture first)')
    .option('--quiet', 'no progress bar')
    .action(async (o: { case: string; quiet?: boolean }) => {
      const input: SessionDeriveJobInput = { casePath: resolve(o.case) };
      const r = (await runCliJob('session-derive', 'session-derive-worker', input, { quiet: o.quiet, what: 'session-derive' })).result as DeriveResult;
      process.stderr.write(`${r.connections} interactive connections: ${r.sessions} sessions (${r.normal} Normal, ${r.suspicious} Suspicious), ${r.attempts} failed login attempts; classified by ${r.classifier}\n`);
    });
}
