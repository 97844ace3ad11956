import { useCallback, useEffect, useState } from 'react';
import type { CaseSummary } from '../../../shared/domain/case';
import type { EvidenceCheck, IntegrityReport } from '../../../shared/domain/evidence';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { useCall } from '../../api/use-call';
import { useEvent } from '../../api/use-event';
import { formatBytes, formatCount } from '../../format/format-number';
import { formatTime } from '../../format/format-time';

const checkText: Record<EvidenceCheck['state'], string> = { ok: 'unchanged', changed: 'CHANGED', missing: 'MISSING', unhashed: 'not hashed', skipped: '—' };

/**
 * Every evidence file with what was recorded at import (SHA-256, size, packets,
 * time range) and the last check against the file as it is now; verify again,
 * and resume or discard an import that was interrupted.
 */
export function EvidencePanel({ current, onError }: { current: CaseSummary; onError: (msg: string | null) => void }) {
  const evidence = useCall('evidence.list', {});
  const [report, setReport] = useState<IntegrityReport | null>(null);
  const [verifying, setVerifying] = useState(false);
  useEffect(() => {
    api.invoke('evidence.integrity', {}).then(setReport, () => undefined);
  }, [current.path]);
  useEvent(
    'evidence.verified',
    useCallback((r: IntegrityReport) => {
      setReport(r);
      setVerifying(false);
    }, []),
  );
  const act = async (fn: () => Promise<unknown>) => {
    onError(null);
    try {
      await fn();
    } catch (err) {
      setVerifying(false);
      onError(errorText(err));
    }
  };
  const checks = new Map(report?.checks.map((c) => [c.evidenceId, c]));
  const interrupted = new Set(current.interruptedImports.map((i) => i.evidenceId));

  return (
    <section className="case-panel" data-testid="case-evidence">
      <h2>
        Evidence
        <button
          onClick={() => {
            setVerifying(true);
            void act(() => api.invoke('evidence.verify', {}));
          }}
          disabled={verifying}
          data-testid="evidence-verify"
        >
          {verifying ? 'Verifying…' : 'Verify hashes'}
        </button>
        {report && (
          <span className={report.ok ? 'muted' : 'error-text'} data-testid="evidence-verdict">
            {report.ok ? `All files unchanged (checked ${formatTime(report.checkedAt)})` : 'Some files changed or are missing'}
          </span>
        )}
      </h2>
      <div className="case-wide">
        <table className="case-table">
          <thead>
            <tr>
              <th className="num">#</th>
              <th>File</th>
              <th>Status</th>
              <th>Check</th>
              <th className="num">Size</th>
              <th className="num">Packets</th>
              <th className="num">Flows</th>
              <th>Captured</th>
              <th>SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {(evidence.data ?? []).map((e) => {
              const c = checks.get(e.id);
              return (
                <tr key={e.id} className={c && (c.state === 'changed' || c.state === 'missing') ? 'bad' : ''} data-testid={`evidence-row-${e.id}`}>
                  <td className="num">{e.id}</td>
                  <td className="path" title={e.path}>
                    {e.path}
                  </td>
                  <td>
                    {e.purgedAt !== null ? 'purged' : e.removedAt !== null ? 'removed' : e.status}
                    {interrupted.has(e.id) && !current.readOnly && (
                      <>
                        {' '}
                        <button onClick={() => void act(() => api.invoke('ingest.resume', { evidenceId: e.id }))} data-testid={`evidence-resume-${e.id}`}>
                          Resume
                        </button>
                        <button onClick={() => void act(() => api.invoke('ingest.discard', { evidenceId: e.id }))} data-testid={`evidence-discard-${e.id}`}>
                          Discard
                        </button>
                      </>
                    )}
                  </td>
                  <td className={`check-${c?.state ?? 'none'}`} title={c?.detail} data-testid={`evidence-check-${e.id}`}>
                    {c ? checkText[c.state] : 'not checked'}
                  </td>
                  <td className="num">{formatBytes(e.size)}</td>
                  <td className="num">{formatCount(e.packets)}</td>
                  <td className="num">{formatCount(e.flows)}</td>
                  <td className="range">
                    {e.firstTs !== null && e.lastTs !== null ? (
                      <>
                        {formatTime(e.firstTs)}
                        <br />– {formatTime(e.lastTs)}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="hash" title={e.sha256 ?? 'not hashed'}>
                    {e.sha256 ?? '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
