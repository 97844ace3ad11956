import { ApiError } from '../../shared/contract/errors';
import type { LabelRule, LabelRuleRun } from '../../shared/domain/labels';
import { filterRegExp } from '../../shared/filter/filter-regex';
import type { CaseDb } from '../cases/case-db';
import { flowTableColumns } from '../cases/filter-sql-columns';
import { addLabelRule, listLabelRules } from '../cases/label-rule-store';
import { applyLabelEntries, newLabelBatch, type LabelEntry } from '../cases/label-store';

/**
 * Which flow columns a rule field reads. "domain" is any name the flow shows
 * for its server or either endpoint: SNI, HTTP host, the DNS question, and
 * the endpoints' names learnt from DNS answers.
 */
const RULE_COLUMNS: Record<LabelRule['field'], readonly string[]> = {
  sni: ['sni'],
  domain: ['sni', 'http_host', 'dns_query', 'dst_name', 'src_name'],
  ja4: ['ja4'],
};

/** Names compare without case and without the root dot; a leading `*.` only says "subdomains", which domain matching includes. */
function normaliseName(pattern: string): string {
  return pattern.trim().toLowerCase().replace(/^\*\./, '').replace(/\.$/, '');
}

/** A rule as it is stored: the default match for its field, the pattern checked and normalised. */
export function newLabelRule(db: CaseDb, input: { field: LabelRule['field']; match?: LabelRule['match']; pattern: string; label: string }, author: string): LabelRule {
  const match = input.match ?? (input.field === 'ja4' ? 'exact' : 'domain');
  let pattern = input.pattern.trim();
  if (match === 'regex') {
    try {
      filterRegExp(pattern);
    } catch (err) {
      throw new ApiError('bad_input', `rule pattern ${JSON.stringify(pattern)} is not a valid regular expression: ${(err as Error).message}`);
    }
  } else if (input.field !== 'ja4') {
    pattern = normaliseName(pattern);
  }
  if (pattern === '') throw new ApiError('bad_input', 'a rule needs a non-empty pattern');
  return addLabelRule(db, { field: input.field, match, pattern, label: input.label, author });
}

/** The rule's test as SQL over `flows f`; a column the case lacks (an old case) is left out. */
function ruleSql(rule: LabelRule, existing: ReadonlySet<string>): { sql: string; params: unknown[] } {
  const cols = RULE_COLUMNS[rule.field].filter((c) => existing.has(c));
  if (cols.length === 0) return { sql: '0', params: [] };
  const params: unknown[] = [];
  const tests = cols.map((c) => {
    // Column names come from RULE_COLUMNS above, never from the rule's text.
    if (rule.match === 'regex') {
      params.push(rule.pattern);
      return `regexp(?, f.${c})`;
    }
    if (rule.field === 'ja4') {
      params.push(rule.pattern);
      return `f.${c} = ?`;
    }
    if (rule.match === 'exact') {
      params.push(rule.pattern);
      return `lower(f.${c}) = ?`;
    }
    params.push(rule.pattern, rule.pattern.length + 1, `.${rule.pattern}`);
    return `(lower(f.${c}) = ? OR substr(lower(f.${c}), -?) = ?)`;
  });
  return { sql: `(${tests.join(' OR ')})`, params };
}

/**
 * Runs rules in order as one act (provenance `rule`): the first rule that
 * matches a flow labels it. By default only unlabelled flows are touched, so
 * running again after new imports labels just the new flows and never
 * overwrites a label someone refined by hand; `overwrite` relabels every
 * matching flow whose label is not already the rule's or below it.
 */
export function runLabelRules(db: CaseDb, opts: { ids?: number[]; overwrite: boolean; author: string }): LabelRuleRun {
  let rules = listLabelRules(db);
  if (opts.ids) {
    const missing = opts.ids.filter((id) => !rules.some((r) => r.id === id));
    if (missing.length) throw new ApiError('not_found', `no labelling rule ${missing.join(', ')}`);
    rules = rules.filter((r) => opts.ids!.includes(r.id));
  }
  const existing = flowTableColumns(db);
  const taken = new Set<number>();
  const entries: LabelEntry[] = [];
  const perRule: LabelRuleRun['rules'] = [];
  for (const rule of rules) {
    const test = ruleSql(rule, existing);
    const eligible = opts.overwrite ? '(f.label IS NULL OR NOT (f.label = ? OR substr(f.label, 1, ?) = ?))' : 'f.label IS NULL';
    const eligibleParams = opts.overwrite ? [rule.label, rule.label.length + 1, `${rule.label}/`] : [];
    const ids = db.prepare(`SELECT f.id FROM flows f WHERE ${test.sql} AND ${eligible} ORDER BY f.id`).pluck().all(...test.params, ...eligibleParams) as number[];
    let n = 0;
    const detail = `rule ${rule.id}: ${rule.field} ${rule.match} ${rule.pattern}`;
    for (const id of ids) {
      if (taken.has(id)) continue;
      taken.add(id);
      entries.push({ flowId: id, label: rule.label, detail });
      n++;
    }
    perRule.push({ id: rule.id, label: rule.label, flows: n });
  }
  const batch = newLabelBatch('rule');
  const changed = applyLabelEntries(db, entries, 'rule', opts.author, batch, undefined, { rules: perRule, overwrite: opts.overwrite });
  return { batch: changed > 0 ? batch : null, changed, rules: perRule };
}
