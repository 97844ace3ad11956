import { useCallback, useEffect, useState } from 'react';
import type { IntegrityReport } from '../../../shared/domain/evidence';
import { api } from '../../api/client';
import { useEvent } from '../../api/use-event';

/**
 * Changed or missing evidence, above everything else: its packets are refused
 * (never silently re-read), so the investigator must know why before any view
 * says "evidence changed". Shown until a verification finds the files intact.
 */
export function IntegrityBanner({ casePath }: { casePath: string }) {
  const [report, setReport] = useState<IntegrityReport | null>(null);
  useEffect(() => {
    let live = true;
    api.invoke('evidence.integrity', {}).then((r) => live && setReport(r), () => undefined);
    return () => {
      live = false;
    };
  }, [casePath]);
  useEvent('evidence.verified', useCallback((r: IntegrityReport) => setReport(r), []));
  const bad = report?.checks.filter((c) => c.state === 'changed' || c.state === 'missing') ?? [];
  if (bad.length === 0) return null;
  return (
    <div className="integrity-banner" role="alert" data-testid="integrity-banner">
      <strong>
        Evidence {bad.length === 1 ? 'file has' : 'files have'} changed since import — {bad.length === 1 ? 'its packets are' : 'their packets are'} not read:
      </strong>
      <ul>
        {bad.map((c) => (
          <li key={c.evidenceId}>
            <code>{c.path}</code>: {c.detail}
          </li>
        ))}
      </ul>
    </div>
  );
}
