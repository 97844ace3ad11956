import { useState } from 'react';
import { ApiError } from '../../../shared/contract/errors';
import type { CsvLabelReport } from '../../../shared/domain/labels';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { formatCount } from '../../format/format-number';

/** The report in one line, as `flowsight label --import` prints it. */
function summary(r: CsvLabelReport): string {
  const conflicts = r.conflictCount ? `, ${formatCount(r.conflictCount)} overridden by a later row` : '';
  return `${formatCount(r.rows)} rows: ${formatCount(r.matchedRows)} matched ${formatCount(r.matchedFlows)} flows (${formatCount(r.changed)} changed), ${formatCount(r.unmatchedCount)} unmatched, ${formatCount(r.badCount)} bad${conflicts}`;
}

/**
 * Labels from a ground-truth CSV (`src_ip,src_port,dst_ip,dst_port,proto,label[,first_ts]`):
 * the path from the native chooser in Electron, typed in serve mode; every row
 * that did not label a flow is listed by line.
 */
export function GroundTruthImport({ onUndo }: { onUndo: (batch: string) => void }) {
  const [open, setOpen] = useState(false);
  const [path, setPath] = useState('');
  const [report, setReport] = useState<CsvLabelReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [canBrowse, setCanBrowse] = useState(() => window.flowsight !== undefined);

  const run = async (file: string) => {
    setBusy(true);
    setError(null);
    try {
      setReport(await api.invoke('labels.importCsv', { path: file, toleranceSeconds: 1 }));
    } catch (err) {
      setReport(null);
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const browse = async () => {
    try {
      const r = await api.invoke('ui.chooseFiles', { purpose: 'label-csv' });
      if (r.paths.length) {
        setPath(r.paths[0]);
        await run(r.paths[0]);
      }
    } catch (err) {
      if (err instanceof ApiError && err.code === 'unsupported') setCanBrowse(false);
      else setError(errorText(err));
    }
  };

  const problems = report ? [...report.bad.map((b) => ({ ...b, kind: 'bad' })), ...report.unmatched.map((u) => ({ ...u, kind: 'unmatched' })), ...report.conflicts.map((c) => ({ ...c, kind: 'overridden' }))].sort((a, b) => a.line - b.line) : [];
  return (
    <section className="ground-truth" data-testid="ground-truth">
      <div className="label-section-head">
        <h3>Ground truth CSV</h3>
        <button className="icon-button" onClick={() => setOpen(!open)} aria-expanded={open} data-testid="ground-truth-toggle" title="Label flows from a CSV of 5-tuples">
          {open ? '−' : '+'}
        </button>
      </div>
      {open && (
        <>
          <form
            className="label-input-row ground-truth-row"
            onSubmit={(e) => {
              e.preventDefault();
              if (path.trim()) void run(path.trim());
            }}
          >
            <input value={path} onChange={(e) => setPath(e.target.value)} placeholder="src_ip,src_port,dst_ip,dst_port,proto,label[,first_ts]" data-testid="ground-truth-path" />
            {canBrowse ? (
              <button type="button" disabled={busy} onClick={() => void browse()}>
                Browse…
              </button>
            ) : null}
            <button type="submit" disabled={busy || !path.trim()} data-testid="ground-truth-import">
              Import
            </button>
          </form>
          {error && <div className="error-text">{error}</div>}
          {report && (
            <div className="ground-truth-report" data-testid="ground-truth-report">
              <div data-testid="ground-truth-summary">
                {summary(report)}
                {report.batch && (
                  <button className="link-button" onClick={() => onUndo(report.batch!)}>
                    Undo
                  </button>
                )}
              </div>
              <ul>
                {problems.map((p) => (
                  <li key={`${p.kind}-${p.line}`} data-testid="ground-truth-problem">
                    line {p.line}: {p.kind}: {p.reason}
                  </li>
                ))}
              </ul>
              {problems.length < report.badCount + report.unmatchedCount + report.conflictCount && <div className="muted">the first {report.listLimit} of each kind are listed</div>}
            </div>
          )}
        </>
      )}
    </section>
  );
}
