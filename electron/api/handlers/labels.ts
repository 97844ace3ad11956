import { resolve } from 'node:path';
import { ApiError } from '../../../shared/contract/errors';
import { defineLabel, labelCatalogue } from '../../cases/label-catalogue-store';
import { removeLabelRule, listLabelRules } from '../../cases/label-rule-store';
import { applyLabelToSelection, batchState, flowLabelHistory, labelHistory, latestActiveBatch, undoLabels } from '../../cases/label-store';
import { filterSelection } from '../../investigate/filter-selection';
import { labelAuthor } from '../../labels/label-author';
import { CsvLabelError } from '../../labels/csv-label-rows';
import { importCsvLabels } from '../../labels/csv-label-import';
import { newLabelRule, runLabelRules } from '../../labels/label-rules';
import type { HandlerGroup } from '../handler';
import type { Session } from '../session';

type LabelCalls =
  | 'labels.apply'
  | 'labels.applyFilter'
  | 'labels.undo'
  | 'labels.history'
  | 'labels.flowHistory'
  | 'labels.catalogue'
  | 'labels.define'
  | 'labels.counts'
  | 'labels.rules.list'
  | 'labels.rules.add'
  | 'labels.rules.remove'
  | 'labels.rules.run'
  | 'labels.importCsv';


/** Flows' labels changed: counts, cached pages and every view are stale. */
function changed(s: Session): void {
  s.caseChanged();
  s.emit('case.changed', { reason: 'labels' });
}

export const labelHandlers: HandlerGroup<LabelCalls> = {
  'labels.apply': ({ ids, label, provenance }, s) => {
    const c = s.requireWritableCase();
    const r = applyLabelToSelection(c.db, { selection: { ids }, label, provenance, author: labelAuthor() });
    if (r.changed > 0) changed(s);
    return { ...r, label, provenance };
  },
  'labels.applyFilter': ({ filter, range, label }, s) => {
    const c = s.requireWritableCase();
    const { columns: _columns, ...selection } = filterSelection(filter, c.db);
    if (range) selection.range = range;
    const detail = range ? `${filter} within ${range.from}–${range.to}` : filter;
    const r = applyLabelToSelection(c.db, { selection, label, provenance: 'filter', author: labelAuthor(), detail });
    if (r.changed > 0) changed(s);
    return { ...r, label, provenance: 'filter' as const };
  },
  'labels.undo': ({ batch }, s) => {
    const c = s.requireWritableCase();
    const target = batch ?? latestActiveBatch(c.db);
    if (!target) throw new ApiError('not_found', 'there is nothing to undo');
    const state = batchState(c.db, target);
    if (state === 'missing') throw new ApiError('not_found', `no labelling act ${target}`);
    if (state === 'undone') throw new ApiError('conflict', `${target} was undone already`);
    const flows = undoLabels(c.db, target, undefined, s.user);
    changed(s);
    return { batch: target, flows };
  },
  'labels.history': ({ limit, offset }, s) => labelHistory(s.requireCase().db, limit, offset),
  'labels.flowHistory': ({ id }, s) => flowLabelHistory(s.requireCase().db, id),
  'labels.catalogue': (_i, s) => labelCatalogue(s.requireCase().db),
  'labels.define': ({ name, colour, description }, s) => {
    const entry = defineLabel(s.requireWritableCase().db, name, { colour, description }, undefined, s.user);
    changed(s);
    return entry;
  },
  'labels.counts': async ({ level, filter }, s) => {
    const c = s.requireCase();
    const { columns: _columns, ...selection } = filterSelection(filter, c.db);
    return c.queries.run('labelCounts', selection, level);
  },
  'labels.rules.list': (_i, s) => listLabelRules(s.requireCase().db),
  'labels.rules.add': (input, s) => newLabelRule(s.requireWritableCase().db, input, labelAuthor()),
  'labels.rules.remove': ({ id }, s) => ({ removed: removeLabelRule(s.requireWritableCase().db, id, s.user) }),
  'labels.rules.run': ({ ids, overwrite }, s) => {
    const r = runLabelRules(s.requireWritableCase().db, { ids, overwrite, author: labelAuthor() });
    if (r.changed > 0) changed(s);
    return r;
  },
  'labels.importCsv': ({ path, toleranceSeconds }, s) => {
    const c = s.requireWritableCase();
    try {
      const r = importCsvLabels(c.db, resolve(path), { toleranceSeconds, author: labelAuthor() });
      if (r.changed > 0) changed(s);
      return r;
    } catch (err) {
      if (err instanceof CsvLabelError) throw new ApiError('bad_input', err.message);
      throw err;
    }
  },
};
