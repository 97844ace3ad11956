import { useEffect, useState } from 'react';
import type { CaseMetadata, CaseSummary } from '../../../shared/domain/case';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';

const FIELDS: { key: keyof CaseMetadata; label: string; placeholder: string }[] = [
  { key: 'title', label: 'Title', placeholder: 'What the case is about' },
  { key: 'examiner', label: 'Examiner', placeholder: 'Who works on it' },
  { key: 'caseNumber', label: 'Case number', placeholder: 'e.g. 2026-0117' },
  { key: 'timeZone', label: 'Time zone', placeholder: "IANA name, e.g. Europe/Berlin (empty: this machine's)" },
];

/** The case's title, examiner, number, time zone and notes; saving records the change in the audit trail. */
export function MetadataForm({ current, onError }: { current: CaseSummary; onError: (msg: string | null) => void }) {
  const [draft, setDraft] = useState<CaseMetadata>(current.metadata);
  const [saved, setSaved] = useState(false);
  useEffect(() => setDraft(current.metadata), [current.metadata]);
  const dirty = FIELDS.some((f) => draft[f.key] !== current.metadata[f.key]) || draft.notes !== current.metadata.notes;
  const save = async () => {
    onError(null);
    try {
      await api.invoke('case.setMetadata', draft);
      setSaved(true);
    } catch (err) {
      onError(errorText(err));
    }
  };
  return (
    <section className="case-panel" data-testid="case-metadata">
      <h2>Case</h2>
      <form
        className="metadata-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {FIELDS.map((f) => (
          <label key={f.key}>
            <span>{f.label}</span>
            <input
              value={draft[f.key]}
              placeholder={f.placeholder}
              disabled={current.readOnly}
              onChange={(e) => {
                setSaved(false);
                setDraft({ ...draft, [f.key]: e.target.value });
              }}
              data-testid={`metadata-${f.key}`}
            />
          </label>
        ))}
        <label className="wide">
          <span>Notes</span>
          <textarea
            rows={4}
            value={draft.notes}
            disabled={current.readOnly}
            onChange={(e) => {
              setSaved(false);
              setDraft({ ...draft, notes: e.target.value });
            }}
            data-testid="metadata-notes"
          />
        </label>
        <div className="form-actions">
          {current.readOnly ? (
            <span className="muted">Opened read-only: nothing is written to the case.</span>
          ) : (
            <button type="submit" disabled={!dirty} data-testid="metadata-save">
              Save
            </button>
          )}
          {saved && !dirty && <span className="muted" data-testid="metadata-saved">Saved (recorded in the audit trail)</span>}
        </div>
      </form>
    </section>
  );
}
