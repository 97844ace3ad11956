import { useCallback, useRef, useState } from 'react';
import type { FlowScope } from '../../../shared/domain/flow-query';
import { formatCount } from '../../format/format-number';
import { useDismiss } from '../../layout/use-dismiss';
import { exportFormats, type ExportFormat } from './run-export';

interface Props {
  filtered: FlowScope;
  filteredCount: number | null;
  selectedIds: number[];
  busy: boolean;
  onExport: (scope: FlowScope, format: ExportFormat) => void;
}

/** Export the flows in the applied scope, or the selected ones, as CSV, JSONL or pcapng, or their labelled flows as a training set. */
export function ExportMenu({ filtered, filteredCount, selectedIds, busy, onExport }: Props) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(box, open, close);
  const run = (scope: FlowScope, format: ExportFormat) => {
    setOpen(false);
    onExport(scope, format);
  };
  const sections = [
    { key: 'filtered', title: `Flows in view${filteredCount === null ? '' : ` (${formatCount(filteredCount)})`}`, scope: filtered, disabled: filteredCount === 0 },
    { key: 'selected', title: `Selected flows (${formatCount(selectedIds.length)})`, scope: { filter: '', ids: selectedIds }, disabled: selectedIds.length === 0 },
  ];
  return (
    <div className="popup-anchor" ref={box}>
      <button onClick={() => setOpen((o) => !o)} disabled={busy} aria-expanded={open} data-testid="export-menu">
        {busy ? 'Exporting…' : 'Export ▾'}
      </button>
      {open && (
        <div className="popup export-menu" role="menu">
          {sections.map((s) => (
            <div key={s.key}>
              <div className="popup-section">{s.title}</div>
              {exportFormats.map((f) => (
                <button key={f.format} className="popup-item" role="menuitem" disabled={s.disabled} onClick={() => run(s.scope, f.format)} data-testid={`export-${s.key}-${f.format}`}>
                  <span className="popup-name">{f.label}</span>
                  <span className="muted">{f.what}</span>
                </button>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
