import type { LabelCatalogueEntry } from '../../shared/domain/labels';
import { defaultLabelColour, distinctLabelColour } from '../../shared/labels/label-colours';
import { labelActivity, labelApp } from '../../shared/labels/label-path';
import { audited } from './audit-log';
import type { CaseDb } from './case-db';
import { currentUser } from './case-user';

/** Adds labels to the catalogue with their app's default colour; labels already there keep theirs. */
export function ensureCatalogued(db: CaseDb, labels: Iterable<string>, at = Date.now() / 1000): void {
  const insert = db.prepare('INSERT OR IGNORE INTO label_catalogue (name, colour, description, created_at) VALUES (?, ?, ?, ?)');
  for (const l of labels) insert.run(l, colourFor(db, l), '', at);
}

/**
 * A new label's colour: its app's, or that of another label of its app (activities
 * of one app read as a family); for a new app, a colour no other app has yet.
 * The catalogue is small (a few dozen labels), so it is read whole.
 */
function colourFor(db: CaseDb, label: string): string {
  const app = labelApp(label);
  const rows = db.prepare('SELECT name, colour FROM label_catalogue ORDER BY created_at, name').all() as { name: string; colour: string }[];
  const family = rows.find((r) => r.name === app) ?? rows.find((r) => labelApp(r.name) === app);
  return family?.colour ?? distinctLabelColour(app, new Set(rows.map((r) => r.colour)));
}

/** Adds a label or changes its colour or description, audited as `label.define`; returns the entry as the catalogue shows it. */
export function defineLabel(db: CaseDb, name: string, change: { colour?: string; description?: string }, at = Date.now() / 1000, user = currentUser()): LabelCatalogueEntry {
  const before = db.prepare('SELECT colour, description FROM label_catalogue WHERE name = ?').get(name) as { colour: string; description: string } | undefined;
  const record = { user, action: 'label.define', params: { name, colour: change.colour ?? null, description: change.description ?? null, previous: before ?? null } };
  audited(db, record, () => {
    ensureCatalogued(db, [name], at);
    if (change.colour !== undefined) db.prepare('UPDATE label_catalogue SET colour = ? WHERE name = ?').run(change.colour, name);
    if (change.description !== undefined) db.prepare('UPDATE label_catalogue SET description = ? WHERE name = ?').run(change.description, name);
  });
  return labelCatalogue(db).find((e) => e.name === name)!;
}

/**
 * Every label of the case: the catalogue's, and any found on flows but not in
 * it (a case labelled before the catalogue existed), with how many flows carry
 * each. Sorted by name, so an app and its activities sit together.
 */
export function labelCatalogue(db: CaseDb): LabelCatalogueEntry[] {
  const counts = new Map((db.prepare('SELECT label, count(*) AS n FROM flows WHERE label IS NOT NULL GROUP BY label').all() as { label: string; n: number }[]).map((r) => [r.label, r.n]));
  const defined = db.prepare('SELECT name, colour, description FROM label_catalogue').all() as { name: string; colour: string; description: string }[];
  const entries = new Map<string, LabelCatalogueEntry>();
  const entry = (name: string, colour: string, description: string, isDefined: boolean): LabelCatalogueEntry => ({
    name,
    app: labelApp(name),
    activity: labelActivity(name),
    colour,
    description,
    flows: counts.get(name) ?? 0,
    defined: isDefined,
  });
  for (const d of defined) entries.set(d.name, entry(d.name, d.colour, d.description, true));
  for (const name of counts.keys()) {
    if (!entries.has(name)) entries.set(name, entry(name, entries.get(labelApp(name))?.colour ?? defaultLabelColour(labelApp(name)), '', false));
  }
  return [...entries.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
