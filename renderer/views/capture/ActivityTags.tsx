import { useState } from 'react';
import { errorText } from '../../api/error-text';
import { useRecentTags } from './recent-tags';

interface Props {
  tag: string | null;
  setTag: (tag: string | null) => Promise<void>;
}

/**
 * Activity tags while capturing: flows that start while a tag is set get it as
 * their label. A quick button sets its tag; pressing the current one again, or
 * "No tag", clears it.
 */
export function ActivityTags({ tag, setTag }: Props) {
  const [recent, remember] = useRecentTags();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const apply = async (next: string | null) => {
    setBusy(true);
    setError(null);
    try {
      await setTag(next);
      if (next) remember(next);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const typed = text.trim();

  return (
    <div className="activity-tags" data-testid="activity-tags">
      <span className="tags-title">Activity tag</span>
      <span className={`tag-current ${tag ? 'set' : ''}`} data-testid="tag-current" title="Flows that start now get this label">
        {tag ?? 'no tag'}
      </span>
      <form
        className="tag-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!typed) return;
          setText('');
          void apply(typed);
        }}
      >
        <input value={text} onChange={(e) => setText(e.target.value)} placeholder="app/activity, e.g. Signal/send-photo" maxLength={200} data-testid="tag-input" aria-label="New activity tag" />
        <button type="submit" disabled={!typed || busy} data-testid="tag-set">
          Set
        </button>
      </form>
      <span className="tag-buttons">
        {recent.map((t) => (
          <button key={t} className={t === tag ? 'tag-button active' : 'tag-button'} aria-pressed={t === tag} disabled={busy} onClick={() => void apply(t === tag ? null : t)} data-testid="tag-recent" data-tag={t} title={t === tag ? 'Press again to clear' : `Tag new flows ${t}`}>
            {t}
          </button>
        ))}
        <button className="tag-button" aria-pressed={tag === null} disabled={busy || tag === null} onClick={() => void apply(null)} data-testid="tag-none">
          No tag
        </button>
      </span>
      {error && <span className="error-text">{error}</span>}
    </div>
  );
}
