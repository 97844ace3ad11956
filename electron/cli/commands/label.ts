import type { Command } from 'commander';
import { resolve } from 'node:path';
import type { LabelHistoryEntry } from '../../../shared/domain/labels';
import { COLOUR_PATTERN } from '../../../shared/labels/label-colours';
import { openCaseDb, type CaseDb } from '../../cases/case-db';
import { defineLabel, labelCatalogue } from '../../cases/label-catalogue-store';
import { applyLabelToSelection, batchState, flowLabelHistory, labelHistory, latestActiveBatch, undoLabels } from '../../cases/label-store';
import { CsvLabelError } from '../../labels/csv-label-rows';
import { importCsvLabels } from '../../labels/csv-label-import';
import { labelAuthor } from '../../labels/label-author';
import { labelCounts } from '../../labels/label-counts';
import { CliError } from '../cli-error';
import { filterOption } from '../filter-option';
import { labelOption } from '../label-option';

interface LabelOptions {
  case: string;
  filter?: string;
  ids?: string;
  label?: string;
  clear?: boolean;
  import?: string;
  tolerance: string;
  undo?: string;
  list?: boolean;
  limit: string;
  counts?: boolean;
  level: string;
  catalogue?: boolean;
  provenance?: string;
  define?: string;
  colour?: string;
  description?: string;
  json?: boolean;
}

const out = (line: string) => process.stdout.write(`${line}\n`);
const time = (t: number) => new Date(t * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');

function ids(text: string): number[] {
  const list = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (list.length === 0 || list.some((s) => !/^[1-9][0-9]*$/.test(s))) throw new CliError(`--ids must be flow ids separated by commas, not ${JSON.stringify(text)}`, 2);
  return list.map(Number);
}

function historyLine(a: LabelHistoryEntry): string {
  const labels = a.labels.map((l) => l ?? '(removed)').join(', ');
  return `${a.batch}\t${time(a.at)}\t${a.provenance}\t${a.author}\t${a.flows} flows\t${labels}${a.detail ? `\t${a.detail}` : ''}${a.undoneAt ? `\tundone ${time(a.undoneAt)}` : ''}`;
}

/** Exactly one action per run: what it should do is then never ambiguous. */
function action(o: LabelOptions): string {
  const labelling = o.label !== undefined || o.clear === true;
  const chosen = [
    o.ids !== undefined || (o.filter !== undefined && labelling) ? 'apply' : null,
    o.import !== undefined ? 'import' : null,
    o.undo !== undefined ? 'undo' : null,
    o.list ? 'list' : null,
    o.counts ? 'counts' : null,
    o.catalogue ? 'catalogue' : null,
    o.provenance !== undefined ? 'provenance' : null,
    o.define !== undefined ? 'define' : null,
  ].filter((a): a is string => a !== null);
  // --filter alone, or --label without a selection: apply() says what is missing.
  if (chosen.length === 0 && (o.filter !== undefined || labelling)) return 'apply';
  if (chosen.length !== 1) {
    throw new CliError('say what to do: --filter EXPR (or --ids) with --label A/B or --clear, --import FILE.csv, --undo BATCH|last, --list, --counts, --catalogue, --provenance ID or --define NAME', 2);
  }
  return chosen[0];
}

function apply(db: CaseDb, o: LabelOptions): unknown {
  if ((o.label === undefined) === !o.clear) throw new CliError('give --label A/B, or --clear to remove labels', 2);
  if (o.filter === undefined && o.ids === undefined) throw new CliError('say which flows: --filter EXPR (\'\' for all) or --ids 1,2,3', 2);
  const label = o.clear ? null : labelOption(o.label!);
  const selection = o.ids !== undefined ? { ...(o.filter ? filterOption(o.filter, db) : {}), ids: ids(o.ids) } : filterOption(o.filter!, db);
  const r = applyLabelToSelection(db, { selection, label, provenance: o.ids !== undefined ? 'manual' : 'filter', author: labelAuthor(), detail: o.filter });
  if (!o.json) out(`${label === null ? 'unlabelled' : `labelled ${JSON.stringify(label)}:`} ${r.changed} flows changed, ${r.matched} matched (batch ${r.batch})`);
  return { ...r, label };
}

function importCsv(db: CaseDb, o: LabelOptions): unknown {
  const tolerance = Number(o.tolerance);
  if (!Number.isFinite(tolerance) || tolerance < 0) throw new CliError(`--tolerance must be a number of seconds ≥ 0, not ${JSON.stringify(o.tolerance)}`, 2);
  let r;
  try {
    r = importCsvLabels(db, resolve(o.import!), { toleranceSeconds: tolerance, author: labelAuthor() });
  } catch (err) {
    if (err instanceof CsvLabelError) throw new CliError(err.message, 1);
    throw err;
  }
  if (!o.json) {
    out(`${r.rows} rows: ${r.matchedRows} matched ${r.matchedFlows} flows (${r.changed} changed), ${r.unmatchedCount} unmatched, ${r.badCount} bad${r.conflictCount ? `, ${r.conflictCount} overridden by a later row` : ''}${r.batch ? ` (batch ${r.batch})` : ''}`);
    for (const b of r.bad) out(`line ${b.line}: bad: ${b.reason}`);
    for (const u of r.unmatched) out(`line ${u.line}: unmatched: ${u.reason}`);
    for (const c of r.conflicts) out(`line ${c.line}: overridden: ${c.reason}`);
    const cut = r.badCount + r.unmatchedCount + r.conflictCount - r.bad.length - r.unmatched.length - r.conflicts.length;
    if (cut > 0) out(`(${cut} more not listed)`);
  }
  return r;
}

function undo(db: CaseDb, o: LabelOptions): unknown {
  const batch = o.undo === 'last' ? latestActiveBatch(db) : o.undo!;
  if (!batch) throw new CliError('there is nothing to undo');
  const state = batchState(db, batch);
  if (state === 'missing') throw new CliError(`no labelling act ${batch} (flowsight label --list shows them)`);
  if (state === 'undone') throw new CliError(`${batch} was undone already`);
  const flows = undoLabels(db, batch);
  if (!o.json) out(`undid ${batch}: ${flows} flows back to their previous label`);
  return { batch, flows };
}

function list(db: CaseDb, o: LabelOptions): unknown {
  const limit = Number(o.limit);
  if (!Number.isInteger(limit) || limit <= 0) throw new CliError('--limit must be a positive integer', 2);
  const h = labelHistory(db, limit, 0);
  if (!o.json) for (const a of h.acts) out(historyLine(a));
  return h;
}

function counts(db: CaseDb, o: LabelOptions): unknown {
  if (o.level !== 'app' && o.level !== 'activity') throw new CliError(`--level must be app or activity, not ${JSON.stringify(o.level)}`, 2);
  const c = labelCounts(db, o.filter ? filterOption(o.filter, db) : {}, o.level);
  if (!o.json) {
    for (const k of c.classes) out(`${k.flows}\t${k.name}`);
    out(`${c.unlabelled}\t(unlabelled)`);
    if (c.imbalance) out(`imbalance ${c.imbalance.ratio.toFixed(2)}: ${c.imbalance.majority} / ${c.imbalance.minority}`);
  }
  return c;
}

function catalogue(db: CaseDb, o: LabelOptions): unknown {
  const entries = labelCatalogue(db);
  if (!o.json) for (const e of entries) out(`${e.colour}\t${e.flows}\t${e.name}${e.description ? `\t${e.description}` : ''}`);
  return entries;
}

function provenance(db: CaseDb, o: LabelOptions): unknown {
  const [id] = ids(o.provenance!);
  if (db.prepare('SELECT 1 FROM flows WHERE id = ?').get(id) === undefined) throw new CliError(`no flow ${id} in this case`);
  const events = flowLabelHistory(db, id);
  if (!o.json) {
    for (const e of events) {
      out(`${time(e.at)}\t${e.provenance}\t${e.author}\t${e.label ?? '(removed)'}\t${e.batch ?? ''}${e.detail ? `\t${e.detail}` : ''}${e.undoneAt ? `\tundone ${time(e.undoneAt)}` : ''}`);
    }
  }
  return events;
}

function define(db: CaseDb, o: LabelOptions): unknown {
  const name = labelOption(o.define!, '--define');
  const colour = o.colour?.toLowerCase();
  if (colour !== undefined && !COLOUR_PATTERN.test(colour)) throw new CliError(`--colour must be #rrggbb, not ${JSON.stringify(o.colour)}`, 2);
  const e = defineLabel(db, name, { colour, description: o.description });
  if (!o.json) out(`${e.colour}\t${e.flows}\t${e.name}${e.description ? `\t${e.description}` : ''}`);
  return e;
}

const actions: Record<string, (db: CaseDb, o: LabelOptions) => unknown> = { apply, import: importCsv, undo, list, counts, catalogue, provenance, define };
const READ_ONLY = new Set(['list', 'counts', 'catalogue', 'provenance']);

export function registerLabel(program: Command): void {
  program
    .command('label')
    .description('label flows (app/activity), import ground truth, undo, and list the labelling history')
    .requiredOption('--case <path>', 'case file')
    .option('--filter <expr>', 'label every flow matching this display filter (with --label or --clear)')
    .option('--ids <list>', 'label these flow ids, e.g. 3,17,42 (provenance manual)')
    .option('--label <name>', 'the label: app or app/activity, e.g. "WhatsApp/send-photo"')
    .option('--clear', 'remove the label of the selected flows instead')
    .option('--import <file.csv>', 'ground truth: columns src_ip,src_port,dst_ip,dst_port,proto,label and optionally first_ts')
    .option('--tolerance <s>', 'with --import: seconds of slack around a flow when a row gives first_ts', '1')
    .option('--undo <batch>', 'undo one labelling act (its batch, or "last")')
    .option('--list', 'list labelling acts, newest first: batch, time, how, who, flows, labels')
    .option('--limit <n>', 'with --list: at most this many acts', '50')
    .option('--counts', 'flows per class and the class imbalance (with --filter: within it)')
    .option('--level <level>', 'with --counts: app or activity', 'activity')
    .option('--catalogue', 'every label with its colour and flow count')
    .option('--provenance <id>', "one flow's label history, newest first: when, how, who, label, batch (undone acts marked)")
    .option('--define <name>', 'add a label to the catalogue (with --colour, --description)')
    .option('--colour <hex>', 'with --define: #rrggbb')
    .option('--description <text>', 'with --define: what the label means')
    .option('--json', 'print the result as JSON')
    .action((o: LabelOptions) => {
      const what = action(o);
      const db = openCaseDb(resolve(o.case), { readOnly: READ_ONLY.has(what) });
      try {
        const result = actions[what](db, o);
        if (o.json) out(JSON.stringify(result));
      } finally {
        db.close();
      }
    });
}
