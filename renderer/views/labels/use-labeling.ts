import { useCallback, useState } from 'react';
import type { FlowScope } from '../../../shared/domain/flow-query';
import type { LabelActResult } from '../../../shared/domain/labels';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { formatCount } from '../../format/format-number';
import { useStoredState } from '../../storage/stored-state';
import { isLabelList, recentAfter } from '../../../shared/labels/recent-labels';

/** What the last labelling act did, for the line under the buttons. */
export interface LabelOutcome {
  text: string;
  /** The act to undo from that line; null when nothing changed. */
  batch: string | null;
  error: boolean;
}

export interface Labeling {
  recent: string[];
  setRecent: (next: string[]) => void;
  outcome: LabelOutcome | null;
  busy: boolean;
  /**
   * Labels (or, with null, unlabels) the selected flows, provenance manual:
   * `ids` when the caller knows the selection at this instant (a key pressed
   * right after j/k, before the selection state has caught up).
   */
  applyToSelection: (label: string | null, ids?: readonly number[]) => Promise<void>;
  /** Labels every flow of the applied filter and time range, provenance filter. */
  applyToScope: (label: string | null) => Promise<void>;
  /** Undoes one act, or the latest still in force. */
  undo: (batch?: string) => Promise<void>;
  /** Shows a failure from elsewhere in the panel on the outcome line. */
  fail: (err: unknown) => void;
}

function actText(r: LabelActResult, where: string): string {
  const what = r.label === null ? 'unlabelled' : `labelled "${r.label}"`;
  return `${what}: ${formatCount(r.changed)} of ${formatCount(r.matched)} ${where} changed`;
}

/**
 * Labelling acts from the panel and the keyboard, sharing the recent-label
 * list (the number keys) and the outcome line. Each act is one undoable batch
 * on the server; the case.changed event it raises refreshes table and counts.
 */
export function useLabeling(selected: readonly number[], scope: FlowScope): Labeling {
  const [recent, setRecent] = useStoredState<string[]>('flowsight.recent-labels', [], isLabelList);
  const [outcome, setOutcome] = useState<LabelOutcome | null>(null);
  const [busy, setBusy] = useState(false);

  const run = useCallback(async (work: () => Promise<LabelOutcome>) => {
    setBusy(true);
    try {
      setOutcome(await work());
    } catch (err) {
      setOutcome({ text: errorText(err), batch: null, error: true });
    } finally {
      setBusy(false);
    }
  }, []);

  const remember = useCallback((label: string | null) => label !== null && setRecent((list) => recentAfter(list, label)), [setRecent]);

  const selectedKey = selected.join(',');
  const applyToSelection = useCallback(
    (label: string | null, now?: readonly number[]) =>
      run(async () => {
        const ids = now ? [...now] : selectedKey ? selectedKey.split(',').map(Number) : [];
        if (ids.length === 0) return { text: 'select flows first (click, or j/k), or apply to the filter', batch: null, error: true };
        const r = await api.invoke('labels.apply', { ids, label, provenance: 'manual' });
        remember(label);
        return { text: actText(r, 'selected'), batch: r.changed > 0 ? r.batch : null, error: false };
      }),
    [run, remember, selectedKey],
  );

  const scopeJson = JSON.stringify(scope);
  const applyToScope = useCallback(
    (label: string | null) =>
      run(async () => {
        const s = JSON.parse(scopeJson) as FlowScope;
        const r = await api.invoke('labels.applyFilter', { filter: s.filter ?? '', range: s.range, label });
        remember(label);
        return { text: actText(r, s.filter || s.range ? 'filtered' : 'flows'), batch: r.changed > 0 ? r.batch : null, error: false };
      }),
    [run, remember, scopeJson],
  );

  const undo = useCallback(
    (batch?: string) =>
      run(async () => {
        const r = await api.invoke('labels.undo', batch ? { batch } : {});
        return { text: `undid ${r.batch}: ${formatCount(r.flows)} flow${r.flows === 1 ? '' : 's'} back to their previous label`, batch: null, error: false };
      }),
    [run],
  );

  const fail = useCallback((err: unknown) => setOutcome({ text: errorText(err), batch: null, error: true }), []);

  return { recent, setRecent, outcome, busy, applyToSelection, applyToScope, undo, fail };
}
