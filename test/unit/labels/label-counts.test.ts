import { afterEach, describe, expect, it } from 'vitest';
import { applyLabelToSelection } from '../../../electron/cases/label-store';
import { labelCounts } from '../../../electron/labels/label-counts';
import { caseWithFlows } from '../../support/label-case';

let open: ReturnType<typeof caseWithFlows> | null = null;
afterEach(() => open?.cleanup());

describe('label counts', () => {
  it('counts classes at the activity and the app level, with the imbalance, within a selection', () => {
    open = caseWithFlows(Array.from({ length: 10 }, (_, i) => ({ id: i + 1, src: '10.0.0.2', sport: 1000 + i, dst: '192.0.2.1', dport: 443, first: i })));
    const { db } = open;
    const label = (ids: number[], l: string) => applyLabelToSelection(db, { selection: { ids }, label: l, provenance: 'manual', author: 'x' });
    label([1, 2, 3, 4], 'WhatsApp/send-text');
    label([5, 6], 'WhatsApp/send-photo');
    label([7], 'WhatsApp');
    label([8], 'Maps/search');
    const activity = labelCounts(db, {}, 'activity');
    expect(activity.classes.map((c) => [c.name, c.flows])).toEqual([
      ['WhatsApp/send-text', 4],
      ['WhatsApp/send-photo', 2],
      ['Maps/search', 1],
      ['WhatsApp', 1],
    ]);
    expect(activity).toMatchObject({ total: 10, unlabelled: 2, imbalance: { majority: 'WhatsApp/send-text', minority: 'WhatsApp', ratio: 4 } });
    const app = labelCounts(db, {}, 'app');
    expect(app.classes.map((c) => [c.name, c.flows])).toEqual([['WhatsApp', 7], ['Maps', 1]]);
    expect(app.imbalance).toEqual({ majority: 'WhatsApp', minority: 'Maps', ratio: 7 });
    const scoped = labelCounts(db, { ids: [1, 5, 9] }, 'activity');
    expect(scoped).toMatchObject({ total: 3, unlabelled: 1, imbalance: { ratio: 1 } });
    expect(labelCounts(db, { ids: [1] }, 'app').imbalance).toBeNull();
  });
});
