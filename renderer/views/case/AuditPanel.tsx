import { useState } from 'react';
import { ApiError } from '../../../shared/contract/errors';
import type { AuditVerification } from '../../../shared/domain/audit';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { useCall } from '../../api/use-call';
import { downloadText } from '../export/download-file';

const SHOWN = 200;

/** The audit trail, newest first: check its hash chain, or export all of it (JSONL anyone can re-hash). */
export function AuditPanel({ onError }: { onError: (msg: string | null) => void }) {
  const trail = useCall('audit.list', { limit: SHOWN, newestFirst: true });
  const [verdict, setVerdict] = useState<AuditVerification | null>(null);
  const verify = async () => {
    onError(null);
    try {
      setVerdict(await api.invoke('audit.verify', {}));
    } catch (err) {
      onError(errorText(err));
    }
  };
  const exportTrail = async () => {
    onError(null);
    try {
      // A save dialog in the desktop app; serve mode has none and downloads the text.
      const chosen = await api.invoke('ui.chooseFiles', { purpose: 'audit-jsonl' }).catch((err: unknown) => {
        if (err instanceof ApiError && err.code === 'unsupported') return null;
        throw err;
      });
      if (chosen && chosen.paths.length === 0) return;
      const r = await api.invoke('audit.export', chosen ? { format: 'jsonl', path: chosen.paths[0] } : { format: 'jsonl' });
      if (r.text !== null) downloadText(r.text, 'audit-trail.jsonl', 'application/jsonl');
    } catch (err) {
      onError(errorText(err));
    }
  };
  return (
    <section className="case-panel" data-testid="case-audit">
      <h2>
        Audit trail
        <span className="muted">{trail.data ? `${trail.data.total} entries` : ''}</span>
        <button onClick={() => void verify()} data-testid="audit-verify">
          Verify chain
        </button>
        <button onClick={() => void exportTrail()} data-testid="audit-export">
          Export JSONL
        </button>
        {verdict && (
          <span className={verdict.ok ? 'ok-text' : 'error-text'} data-testid="audit-verdict">
            {verdict.ok ? `Chain intact: ${verdict.entries} entries` : `Broken at entry ${verdict.firstBroken?.seq}: ${verdict.firstBroken?.reason}`}
          </span>
        )}
      </h2>
      <div className="case-scroll">
        <table className="case-table">
          <thead>
            <tr>
              <th className="num">#</th>
              <th>Time (UTC)</th>
              <th>User</th>
              <th>Action</th>
              <th>Parameters</th>
            </tr>
          </thead>
          <tbody>
            {(trail.data?.entries ?? []).map((e) => (
              <tr key={e.seq} data-testid="audit-row">
                <td className="num">{e.seq}</td>
                <td>{e.at.replace('T', ' ').replace('Z', '')}</td>
                <td>{e.user}</td>
                <td>{e.action}</td>
                <td className="params" title={JSON.stringify(e.params, null, 1)}>
                  {JSON.stringify(e.params)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
