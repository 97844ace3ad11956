import type { LabelCounts } from '../../shared/domain/labels';
import { defaultLabelColour } from '../../shared/labels/label-colours';
import { labelApp, type LabelLevel } from '../../shared/labels/label-path';
import type { CaseDb } from '../cases/case-db';
import { selectionSql, type FlowSelection } from '../investigate/flow-selection';

/** The app part of `f.label` in SQL (labelApp in shared/labels/label-path.ts). */
const APP_SQL = "CASE WHEN instr(f.label, '/') > 0 THEN substr(f.label, 1, instr(f.label, '/') - 1) ELSE f.label END";

/**
 * Flows per class at a level (app, or the whole label), largest first, and the
 * imbalance a classifier trained on them would face: the largest class over the
 * smallest.
 */
export function labelCounts(db: CaseDb, selection: FlowSelection, level: LabelLevel): LabelCounts {
  const { where, params } = selectionSql(selection);
  const key = level === 'app' ? APP_SQL : 'f.label';
  const rows = db
    .prepare(`SELECT ${key} AS name, count(*) AS n FROM flows f WHERE (${where}) AND f.label IS NOT NULL GROUP BY 1 ORDER BY n DESC, name`)
    .all(...params) as { name: string; n: number }[];
  const total = (db.prepare(`SELECT count(*) AS n FROM flows f WHERE ${where}`).get(...params) as { n: number }).n;
  const colours = new Map((db.prepare('SELECT name, colour FROM label_catalogue').all() as { name: string; colour: string }[]).map((r) => [r.name, r.colour]));
  const classes = rows.map((r) => ({ name: r.name, flows: r.n, colour: colours.get(r.name) ?? colours.get(labelApp(r.name)) ?? defaultLabelColour(labelApp(r.name)) }));
  const labelled = rows.reduce((a, r) => a + r.n, 0);
  const imbalance = classes.length >= 2 ? { majority: classes[0].name, minority: classes[classes.length - 1].name, ratio: classes[0].flows / classes[classes.length - 1].flows } : null;
  return { level, total, unlabelled: total - labelled, classes, imbalance };
}
