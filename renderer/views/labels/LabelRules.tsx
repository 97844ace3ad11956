import { useCallback, useEffect, useState } from 'react';
import type { LabelRule, LabelRuleRun } from '../../../shared/domain/labels';
import { labelProblem } from '../../../shared/labels/label-path';
import { api } from '../../api/client';
import { formatCount } from '../../format/format-number';

type Field = 'sni' | 'domain' | 'ja4';

/**
 * Labelling rules: SNI, domain (SNI, HTTP host, DNS query or learnt name) or
 * JA4 → label. Kept in the case, so they run again after later imports; a run
 * is one undoable act and leaves labelled flows alone unless told to overwrite.
 */
export function LabelRules({ onError, onUndo }: { onError: (err: unknown) => void; onUndo: (batch: string) => void }) {
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState<LabelRule[]>([]);
  const [field, setField] = useState<Field>('domain');
  const [pattern, setPattern] = useState('');
  const [label, setLabel] = useState('');
  const [overwrite, setOverwrite] = useState(false);
  const [run, setRun] = useState<LabelRuleRun | null>(null);
  // Rules change only through this section, so it reloads them itself after each change.
  const reload = useCallback(() => api.invoke('labels.rules.list', {}).then(setShown, onError), [onError]);
  useEffect(() => {
    if (open) void reload();
  }, [open, reload]);
  const problem = label.trim() ? labelProblem(label.trim()) : null;

  const act = async (work: () => Promise<void>) => {
    try {
      await work();
      await reload();
    } catch (err) {
      onError(err);
    }
  };

  return (
    <section className="label-rules" data-testid="label-rules">
      <div className="label-section-head">
        <h3>Rules</h3>
        <button className="icon-button" onClick={() => setOpen(!open)} aria-expanded={open} data-testid="label-rules-toggle" title="SNI, domain or JA4 → label">
          {open ? '−' : '+'}
        </button>
      </div>
      {open && (
        <>
          <ul>
            {shown.map((r) => (
              <li key={r.id} data-testid="label-rule">
                <code>
                  {r.field} {r.match === 'domain' ? '≈' : r.match === 'exact' ? '=' : '~'} {r.pattern}
                </code>
                <span className="act-what">→ {r.label}</span>
                <button className="icon-button" title="Remove this rule" onClick={() => void act(async () => void (await api.invoke('labels.rules.remove', { id: r.id })))}>
                  ×
                </button>
              </li>
            ))}
          </ul>
          <form
            className="rule-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (!pattern.trim() || !label.trim() || problem) return;
              void act(async () => {
                await api.invoke('labels.rules.add', { field, pattern: pattern.trim(), label: label.trim() });
                setPattern('');
              });
            }}
          >
            <select value={field} onChange={(e) => setField(e.target.value as Field)} data-testid="rule-field">
              <option value="domain">domain</option>
              <option value="sni">SNI</option>
              <option value="ja4">JA4</option>
            </select>
            <input value={pattern} onChange={(e) => setPattern(e.target.value)} placeholder={field === 'ja4' ? 't13d…' : 'whatsapp.net'} data-testid="rule-pattern" />
            <input value={label} onChange={(e) => setLabel(e.target.value)} placeholder="App" aria-invalid={problem !== null} data-testid="rule-label" />
            <button type="submit" disabled={!pattern.trim() || !label.trim() || problem !== null} data-testid="rule-add">
              Add
            </button>
          </form>
          {problem && <div className="error-text">{problem}</div>}
          <div className="rule-run">
            <label>
              <input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} data-testid="rule-overwrite" /> also relabel labelled flows
            </label>
            <button disabled={shown.length === 0} onClick={() => void act(async () => setRun(await api.invoke('labels.rules.run', { overwrite })))} data-testid="rule-run">
              Run rules
            </button>
          </div>
          {run && (
            <div className="rule-report" data-testid="rule-report">
              {formatCount(run.changed)} flows labelled ({run.rules.map((r) => `rule ${r.id}: ${formatCount(r.flows)}`).join(', ')})
              {run.batch && (
                <button className="link-button" onClick={() => onUndo(run.batch!)}>
                  Undo
                </button>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
