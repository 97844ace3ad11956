import { useState } from 'react';
import { ApiError } from '../../../shared/contract/errors';
import { CSV_COLUMNS, type ColumnMapping, type CsvColumn } from '../../../shared/sessions/csv-columns';
import type { CsvPreview, SessionImportResult } from '../../../shared/sessions/import';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { jobWaiter } from '../../api/job-waiter';
import { formatCount } from '../../format/format-number';

type Step = { kind: 'path' } | { kind: 'map'; path: string; preview: CsvPreview } | { kind: 'done'; result: SessionImportResult };

/**
 * Importing a session CSV: pick the file (native chooser, or a typed path in
 * serve mode), map the file's columns to ours (suggested from the names),
 * import as a job, then the counts and every rejected row by line and reason.
 */
export function ImportCsvDialog({ onClose }: { onClose: () => void }) {
  const [step, setStep] = useState<Step>({ kind: 'path' });
  const [path, setPath] = useState('');
  const [mapping, setMapping] = useState<Record<CsvColumn, string | null>>({} as Record<CsvColumn, string | null>);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const preview = async (p: string) => {
    setError(null);
    try {
      const pv = await api.invoke('sessions.csvPreview', { path: p });
      setMapping(pv.suggested as Record<CsvColumn, string | null>);
      setStep({ kind: 'map', path: p, preview: pv });
    } catch (err) {
      setError(errorText(err));
    }
  };

  const choose = async () => {
    try {
      const { paths } = await api.invoke('ui.chooseFiles', { purpose: 'session-csv' });
      if (paths[0]) await preview(paths[0]);
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 'unsupported')) setError(errorText(err));
    }
  };

  const run = async (p: string) => {
    setError(null);
    setBusy(true);
    const waiter = jobWaiter();
    try {
      const chosen: ColumnMapping = {};
      for (const c of CSV_COLUMNS) if (mapping[c.column]) chosen[c.column] = mapping[c.column]!;
      const { jobId } = await api.invoke('sessions.import', { path: p, mapping: chosen });
      const end = await waiter.wait(jobId);
      if (end.status === 'done') setStep({ kind: 'done', result: await api.invoke('sessions.importResult', { jobId }) });
      else setError(end.status === 'cancelled' ? 'The import was cancelled; nothing was stored.' : (end.error ?? 'The import failed.'));
    } catch (err) {
      setError(errorText(err));
    } finally {
      waiter.dispose();
      setBusy(false);
    }
  };

  return (
    <div className="import-dialog" role="dialog" aria-label="Import session CSV" data-testid="import-dialog">
      <div className="panel-head">
        <h2>Import session CSV</h2>
        <span className="spacer" />
        <button onClick={onClose} data-testid="import-close">
          Close
        </button>
      </div>
      {step.kind === 'path' && (
        <form
          className="import-path"
          onSubmit={(e) => {
            e.preventDefault();
            if (path.trim()) void preview(path.trim());
          }}
        >
          <button type="button" onClick={() => void choose()}>
            Choose file…
          </button>
          <input value={path} onChange={(e) => setPath(e.target.value)} placeholder="or type the CSV file's path" data-testid="import-path" />
          <button type="submit" className="primary" data-testid="import-preview">
            Next
          </button>
        </form>
      )}
      {step.kind === 'map' && (
        <div className="import-map">
          <p className="muted">
            {step.path} · separator {step.preview.delimiter === '\t' ? 'tab' : `"${step.preview.delimiter}"`} · choose the file's column for each of ours (Label is optional: known truth for training).
          </p>
          <table className="mini-table">
            <tbody>
              {CSV_COLUMNS.map((c) => (
                <tr key={c.column}>
                  <th>{c.column}</th>
                  <td>
                    <select value={mapping[c.column] ?? ''} onChange={(e) => setMapping((m) => ({ ...m, [c.column]: e.target.value || null }))} data-testid={`map-${c.column}`}>
                      <option value="">{c.required ? '— choose —' : '(none)'}</option>
                      {step.preview.headers.map((h) => (
                        <option key={h} value={h}>
                          {h}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="muted">{step.preview.rows.map((r) => r[step.preview.headers.indexOf(mapping[c.column] ?? '')] ?? '').join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button className="primary" disabled={busy} onClick={() => void run(step.path)} data-testid="import-run">
            {busy ? 'Importing…' : 'Import and classify'}
          </button>
        </div>
      )}
      {step.kind === 'done' && (
        <div className="import-result" data-testid="import-result">
          <p data-testid="import-summary">
            {formatCount(step.result.total)} records imported ({formatCount(step.result.normal)} Normal, {formatCount(step.result.suspicious)} Suspicious, {formatCount(step.result.labelled)} labelled) by{' '}
            <code>{step.result.classifier}</code>; {formatCount(step.result.rejected)} rows rejected.
          </p>
          {step.result.errors.length > 0 && (
            <table className="mini-table" data-testid="import-errors">
              <thead>
                <tr>
                  <th>Line</th>
                  <th>Why it was rejected</th>
                </tr>
              </thead>
              <tbody>
                {step.result.errors.map((e) => (
                  <tr key={e.line}>
                    <td>{e.line}</td>
                    <td>{e.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {step.result.errorsTruncated && <p className="muted">The first {formatCount(step.result.errors.length)} rejected rows are listed.</p>}
        </div>
      )}
      {error && (
        <p className="error-text" data-testid="import-error">
          {error}
        </p>
      )}
    </div>
  );
}
