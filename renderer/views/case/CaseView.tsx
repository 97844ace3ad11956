import type { CaseSummary } from '../../../shared/domain/case';
import { AuditPanel } from './AuditPanel';
import { BookmarksPanel } from './BookmarksPanel';
import { EvidencePanel } from './EvidencePanel';
import { MetadataForm } from './MetadataForm';

/** The case as a whole: its metadata, evidence and their integrity, bookmarks and the audit trail. */
export function CaseView({ current, onShowFlows, onError }: { current: CaseSummary; onShowFlows: (filter: string) => void; onError: (msg: string | null) => void }) {
  return (
    <div className="case-view" data-testid="case-view">
      <div className="case-column">
        <MetadataForm current={current} onError={onError} />
        <BookmarksPanel readOnly={current.readOnly} onShowFlows={onShowFlows} onError={onError} />
      </div>
      <div className="case-column">
        <EvidencePanel current={current} onError={onError} />
        <AuditPanel onError={onError} />
      </div>
    </div>
  );
}
