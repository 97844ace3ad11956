import type { Evaluation, EvaluationResult, ModelFile } from '../../shared/domain/model';

const pct = (x: number) => x.toFixed(3);

function evalTitle(e: EvaluationResult): string {
  if ('skipped' in e) return e.kind === 'stratified' ? 'stratified k-fold' : 'grouped by capture';
  return e.kind === 'stratified' ? `stratified ${e.folds}-fold` : `grouped by capture (${e.folds} folds)`;
}

/**
 * The metrics of a model as text tables: per class precision, recall, F1 and
 * support for both evaluations side by side, macro-F1 and accuracy, the
 * confusion matrices, the most important features.
 */
export function metricsTable(id: number | null, m: ModelFile, topFeatures = 15): string {
  const lines: string[] = [];
  const { stratified: s, grouped: g } = m.metrics;
  lines.push(`${id !== null ? `model ${id}: ` : ''}${m.name} (${m.algorithm === 'rf' ? 'random forest' : 'gradient-boosted trees'}, ${m.level} level, seed ${m.seed})`);
  lines.push(`training set: ${m.trainingSet.flows} labelled flows from ${m.trainingSet.captures} capture(s), ${m.classes.length} classes, ${m.features.length} features, sha256 ${m.trainingSet.hash.slice(0, 16)}…`);
  const dropped = Object.entries(m.trainingSet.dropped);
  if (dropped.length) lines.push(`left out (too few flows): ${dropped.map(([c, n]) => `${c} (${n})`).join(', ')}`);
  lines.push('');
  const w = Math.max(8, ...m.classes.map((c) => c.length));
  const cell = (e: EvaluationResult, k: number) => {
    if ('skipped' in e) return ''.padEnd(31);
    const c = e.perClass[k];
    return `${pct(c.precision).padStart(9)} ${pct(c.recall).padStart(6)} ${pct(c.f1).padStart(6)} ${String(c.support).padStart(7)}`;
  };
  lines.push(`${''.padEnd(w)}   ${evalTitle(s).padEnd(31)}   ${evalTitle(g)}`);
  lines.push(`${'class'.padEnd(w)}   ${'precision recall     f1 support'}   ${'skipped' in g ? '' : 'precision recall     f1 support'}`);
  m.classes.forEach((c, k) => lines.push(`${c.padEnd(w)}   ${cell(s, k)}   ${cell(g, k)}`));
  const total = (e: EvaluationResult, key: 'macroF1' | 'accuracy') => ('skipped' in e ? '—' : pct(e[key])).padStart(23).padEnd(31);
  lines.push(`${'macro-F1'.padEnd(w)}   ${total(s, 'macroF1')}   ${'skipped' in g ? '' : total(g, 'macroF1')}`);
  lines.push(`${'accuracy'.padEnd(w)}   ${total(s, 'accuracy')}   ${'skipped' in g ? '' : total(g, 'accuracy')}`);
  for (const e of [s, g]) {
    if ('skipped' in e) lines.push(`${evalTitle(e)}: skipped, ${e.skipped}`);
    else for (const n of e.notes) lines.push(`${evalTitle(e)}: ${n}`);
  }
  for (const e of [s, g]) if (!('skipped' in e)) lines.push('', ...confusionLines(e, m.classes));
  const top = m.features.map((f, i) => [f, m.importance[i]] as const).sort((a, b) => b[1] - a[1]).slice(0, topFeatures);
  lines.push('', `feature importance (gain), top ${top.length}:`);
  for (const [f, v] of top) lines.push(`  ${f.padEnd(28)} ${v.toFixed(4)}`);
  return lines.join('\n') + '\n';
}

function confusionLines(e: Evaluation, classes: readonly string[]): string[] {
  const out = [`confusion matrix, ${evalTitle(e)} (rows: true class, columns: predicted, numbered as the rows):`];
  const w = Math.max(5, ...e.confusion.flat().map((n) => String(n).length + 1));
  const name = Math.max(...classes.map((c) => c.length)) + 5;
  out.push(`${''.padEnd(name)}${classes.map((_, k) => String(k + 1).padStart(w)).join('')}`);
  classes.forEach((c, k) => out.push(`${`${k + 1}. ${c}`.padEnd(name)}${e.confusion[k].map((n) => String(n).padStart(w)).join('')}`));
  return out;
}
