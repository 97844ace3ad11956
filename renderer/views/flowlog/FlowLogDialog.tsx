import { useCallback, useEffect, useState } from 'react';
import { FlowLogField, flowLogFieldInfo, type FlowLogMapping, type FlowLogPreset, type FlowLogPreview } from '../../../shared/domain/flow-log';
import type { JobFinished } from '../../../shared/domain/job';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { useEvent } from '../../api/use-event';
import { countersText } from '../../../shared/format/job-text';

const PRESETS: { id: FlowLogPreset; label: string }[] = [
  { id: 'cic', label: 'CICFlowMeter (CIC-IDS2017/2018)' },
  { id: 'zeek', label: 'Zeek conn.log (TSV or JSON)' },
  { id: 'nslkdd', label: "NSL-KDD / KDD'99" },
  { id: 'generic', label: 'Generic CSV (map the columns)' },
];
/** The columns the seed names; the rest are optional. */
const WANTED = new Set<FlowLogField>(['src_ip', 'dst_ip', 'bytes', 'packets', 'duration']);

interface Outcome {
  status: JobFinished['status'];
  summary: Record<string, number>;
  error?: string;
  problems: string[];
}

/**
 * Importing a flow log: what the file looks like (its first rows), the preset
 * it matched, and for a generic file the column each flow field comes from,
 * guessed from the header and changed here. After the import, the bad rows
 * are listed by line with the reason.
 */
export function FlowLogDialog({ path, onClose }: { path: string; onClose: () => void }) {
  const [preview, setPreview] = useState<FlowLogPreview | null>(null);
  const [preset, setPreset] = useState<FlowLogPreset>('generic');
  const [mapping, setMapping] = useState<FlowLogMapping>({});
  const [error, setError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    api.invoke('flowlog.preview', { path }).then(
      (p) => {
        setPreview(p);
        setPreset(p.detected ?? 'generic');
        setMapping(p.suggested);
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [path]);

  useEvent(
    'job.finished',
    useCallback(
      (f: JobFinished) => {
        if (f.jobId !== jobId) return;
        void api.invoke('evidence.list', {}).then((list) => {
          const ev = [...list].reverse().find((e) => e.kind === 'flow-log' && e.path === preview?.path);
          setOutcome({ status: f.status, summary: f.summary, error: f.error, problems: ev?.problems ?? [] });
        });
      },
      [jobId, preview],
    ),
  );

  const start = () => {
    setError(null);
    api.invoke('flowlog.import', { path, preset, mapping: preset === 'generic' ? mapping : undefined }).then(
      (r) => setJobId(r.jobId),
      (e: unknown) => setError(errorText(e)),
    );
  };
  const missing = preset === 'generic' ? (['src_ip', 'dst_ip'] as const).filter((f) => !mapping[f]) : [];

  return (
    <div className="dialog-backdrop">
      <div className="dialog flowlog-dialog" role="dialog" aria-label="Import flow log" data-testid="flowlog-dialog">
        <h3>Import flow log</h3>
        <div className="muted flowlog-path">{preview?.path ?? path}</div>
        {error && (
          <div className="error-text" role="alert" data-testid="flowlog-error">
            {error}
          </div>
        )}
        {preview && !outcome && (
          <>
            <label className="flowlog-preset">
              Format{' '}
              <select value={preset} onChange={(e) => setPreset(e.target.value as FlowLogPreset)} data-testid="flowlog-preset" disabled={jobId !== null}>
                {PRESETS.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                    {p.id === preview.detected ? ' (detected)' : ''}
                  </option>
                ))}
              </select>
              <span className="muted"> read as {preview.format}</span>
            </label>
            <div className="flowlog-sample">
              <table className="mini-table" data-testid="flowlog-sample">
                <thead>
                  <tr>
                    {preview.columns.map((c, i) => (
                      <th key={i}>{c}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.slice(0, 5).map((r, i) => (
                    <tr key={i}>
                      {r.map((v, j) => (
                        <td key={j}>{v}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {preset === 'generic' && (
              <table className="mini-table flowlog-mapping" data-testid="flowlog-mapping">
                <tbody>
                  {FlowLogField.options.map((f) => (
                    <tr key={f}>
                      <th>
                        {flowLogFieldInfo[f].label}
                        {WANTED.has(f) ? ' *' : ''}
                      </th>
                      <td>
                        <select
                          value={mapping[f] ?? ''}
                          data-testid={`map-${f}`}
                          disabled={jobId !== null}
                          onChange={(e) => setMapping((m) => ({ ...m, [f]: e.target.value || undefined }))}
                        >
                          <option value="">—</option>
                          {preview.columns.map((c) => (
                            <option key={c} value={c}>
                              {c}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td className="muted">{flowLogFieldInfo[f].hint}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
        {outcome && (
          <div className="flowlog-outcome" data-testid="flowlog-outcome">
            <div>
              {outcome.status === 'done' ? `Imported ${countersText(outcome.summary).join(' · ')}` : `Import ${outcome.status}${outcome.error ? `: ${outcome.error}` : ''}`}
            </div>
            {outcome.problems.length > 0 && (
              <ul className="flowlog-problems" data-testid="flowlog-problems">
                {outcome.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="dialog-buttons">
          {!outcome && (
            <button onClick={start} disabled={!preview || jobId !== null || missing.length > 0} data-testid="flowlog-import" title={missing.length ? 'Map the source and destination IP columns' : undefined}>
              {jobId ? 'Importing…' : 'Import'}
            </button>
          )}
          <button onClick={onClose} data-testid="flowlog-close">
            {outcome ? 'Close' : 'Cancel'}
          </button>
        </div>
      </div>
    </div>
  );
}
