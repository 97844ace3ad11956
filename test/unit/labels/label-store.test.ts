import { afterEach, describe, expect, it } from 'vitest';
import { applyLabel, applyLabelToSelection, batchState, flowLabelHistory, labelHistory, latestActiveBatch, undoLabels } from '../../../electron/cases/label-store';
import { labelCatalogue } from '../../../electron/cases/label-catalogue-store';
import { defaultLabelColour } from '../../../shared/labels/label-colours';
import { caseWithFlows, labelsOf } from '../../support/label-case';

const flows = [1, 2, 3, 4].map((id) => ({ id, src: '10.0.0.2', sport: 40000 + id, dst: '192.0.2.1', dport: 443, first: 1000 + id }));
let open: ReturnType<typeof caseWithFlows> | null = null;
const make = () => (open = caseWithFlows(flows));
afterEach(() => open?.cleanup());

const act = (label: string | null, ids: number[], provenance: 'manual' | 'filter' = 'manual', at?: number) =>
  applyLabelToSelection(open!.db, { selection: { ids }, label, provenance, author: 'tester' }, at);

describe('label store', () => {
  it('labels a selection as one act and counts matched and changed flows apart', () => {
    const { db } = make();
    const a = act('WhatsApp/send-photo', [1, 2], 'manual', 10);
    expect(a).toMatchObject({ matched: 2, changed: 2 });
    expect(a.batch).toMatch(/^manual-[0-9a-f]{8}$/);
    // Flow 2 already has it: matched, but no history row that undo would "restore".
    const b = act('WhatsApp/send-photo', [2, 3], 'filter', 11);
    expect(b).toMatchObject({ matched: 2, changed: 1 });
    expect(labelsOf(db)).toEqual({ 1: 'WhatsApp/send-photo', 2: 'WhatsApp/send-photo', 3: 'WhatsApp/send-photo', 4: null });
    expect(db.prepare('SELECT flow_id FROM labels WHERE batch = ?').pluck().all(b.batch)).toEqual([3]);
  });

  it('undo gives each flow back the label it had before, through a chain of acts', () => {
    const { db } = make();
    const a = act('Maps', [1, 2, 3], 'manual', 10);
    const b = act('Maps/search', [2, 3], 'manual', 11);
    const c = act('Instagram/view-story', [3, 4], 'manual', 12);
    expect(labelsOf(db)).toEqual({ 1: 'Maps', 2: 'Maps/search', 3: 'Instagram/view-story', 4: 'Instagram/view-story' });
    // Undoing the middle act: flow 3 keeps the later label; flow 2 falls back to the first.
    expect(undoLabels(db, b.batch, 13)).toBe(2);
    expect(labelsOf(db)).toEqual({ 1: 'Maps', 2: 'Maps', 3: 'Instagram/view-story', 4: 'Instagram/view-story' });
    expect(undoLabels(db, c.batch, 14)).toBe(2);
    expect(labelsOf(db)).toEqual({ 1: 'Maps', 2: 'Maps', 3: 'Maps', 4: null });
    expect(batchState(db, b.batch)).toBe('undone');
    expect(batchState(db, a.batch)).toBe('active');
    expect(batchState(db, 'manual-00000000')).toBe('missing');
    expect(latestActiveBatch(db)).toBe(a.batch);
    undoLabels(db, a.batch, 15);
    expect(labelsOf(db)).toEqual({ 1: null, 2: null, 3: null, 4: null });
    expect(latestActiveBatch(db)).toBeNull();
  });

  it('removing a label is an act too, and undoing it brings the label back', () => {
    const { db } = make();
    act('WhatsApp', [1, 2], 'manual', 10);
    const cleared = act(null, [1, 2, 3], 'manual', 11);
    expect(cleared).toMatchObject({ matched: 3, changed: 2 });
    expect(labelsOf(db)[1]).toBeNull();
    undoLabels(db, cleared.batch, 12);
    expect(labelsOf(db)).toEqual({ 1: 'WhatsApp', 2: 'WhatsApp', 3: null, 4: null });
  });

  it('keeps a history of who, when, how and what, newest first, with undone acts marked', () => {
    const { db } = make();
    const a = act('WhatsApp/send-text', [1], 'manual', 10);
    const b = applyLabelToSelection(db, { selection: { ids: [2, 3] }, label: 'Maps', provenance: 'filter', author: 'ana', detail: 'sni contains "maps"' }, 20);
    applyLabel(db, { flowIds: [4], label: 'Lab/tagged', provenance: 'capture-tag', author: 'capture', batch: 'capture-tag-1-1' }, 30);
    undoLabels(db, a.batch, 40);
    const h = labelHistory(db, 10, 0);
    expect(h.total).toBe(3);
    expect(h.acts).toEqual([
      { batch: 'capture-tag-1-1', provenance: 'capture-tag', author: 'capture', at: 30, undoneAt: null, flows: 1, labels: ['Lab/tagged'], detail: null },
      { batch: b.batch, provenance: 'filter', author: 'ana', at: 20, undoneAt: null, flows: 2, labels: ['Maps'], detail: 'sni contains "maps"' },
      { batch: a.batch, provenance: 'manual', author: 'tester', at: 10, undoneAt: 40, flows: 1, labels: ['WhatsApp/send-text'], detail: null },
    ]);
    expect(labelHistory(db, 1, 1).acts.map((x) => x.batch)).toEqual([b.batch]);
  });

  it('catalogues every label it applies, activities taking their app\'s colour', () => {
    const { db } = make();
    db.prepare("INSERT INTO label_catalogue (name, colour, description, created_at) VALUES ('WhatsApp', '#123456', 'messaging', 0)").run();
    act('WhatsApp/send-photo', [1], 'manual');
    act('Maps/search', [2, 3], 'manual');
    // A label written without the store (an older case) still shows, with a default colour.
    db.prepare("UPDATE flows SET label = 'Legacy' WHERE id = 4").run();
    const cat = labelCatalogue(db);
    expect(cat.map((e) => [e.name, e.app, e.activity, e.flows, e.defined])).toEqual([
      ['Legacy', 'Legacy', null, 1, false],
      ['Maps/search', 'Maps', 'search', 2, true],
      ['WhatsApp', 'WhatsApp', null, 0, true],
      ['WhatsApp/send-photo', 'WhatsApp', 'send-photo', 1, true],
    ]);
    expect(cat.find((e) => e.name === 'WhatsApp/send-photo')!.colour).toBe('#123456');
    expect(cat.every((e) => /^#[0-9a-f]{6}$/.test(e.colour))).toBe(true);
  });

  it("gives one flow's provenance newest first: who, when, how, removals and undone acts marked", () => {
    const { db } = make();
    const a = act('Maps', [1, 2], 'filter', 10);
    const b = act('Maps/search', [1], 'manual', 11);
    const c = act(null, [1], 'manual', 12);
    undoLabels(db, c.batch, 13);
    expect(flowLabelHistory(db, 1)).toEqual([
      { batch: c.batch, label: null, provenance: 'manual', author: 'tester', at: 12, undoneAt: 13, detail: null },
      { batch: b.batch, label: 'Maps/search', provenance: 'manual', author: 'tester', at: 11, undoneAt: null, detail: null },
      { batch: a.batch, label: 'Maps', provenance: 'filter', author: 'tester', at: 10, undoneAt: null, detail: null },
    ]);
    expect(labelsOf(db)[1]).toBe('Maps/search');
    expect(flowLabelHistory(db, 4)).toEqual([]);
  });

  it("gives a new app a colour no other app has, and an activity its family's", () => {
    const { db } = make();
    // An app whose default colour is WhatsApp's (the palette has twelve).
    const twin = Array.from({ length: 200 }, (_, i) => `App${i}`).find((a) => defaultLabelColour(a) === defaultLabelColour('WhatsApp'))!;
    act('WhatsApp/send-text', [1], 'manual', 10);
    act(`${twin}/browse`, [2], 'manual', 11);
    act(`${twin}/search`, [3], 'manual', 12);
    const colour = Object.fromEntries(labelCatalogue(db).map((e) => [e.name, e.colour]));
    expect(colour['WhatsApp/send-text']).toBe(defaultLabelColour('WhatsApp'));
    expect(colour[`${twin}/browse`]).not.toBe(colour['WhatsApp/send-text']);
    expect(colour[`${twin}/search`]).toBe(colour[`${twin}/browse`]);
  });
});
