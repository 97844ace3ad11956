import { useState } from 'react';
import { SESSION_PROTOCOLS, SessionAttributes, type SessionProtocol } from '../../../shared/sessions/record';
import type { SessionPrediction } from '../../../shared/sessions/prediction';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { useWritable } from '../../api/read-only';

const FIELDS = [
  { key: 'loginHour', label: 'Login hour', hint: '0–23', initial: '14' },
  { key: 'sessionDuration', label: 'Duration (min)', hint: '≥ 0', initial: '45' },
  { key: 'commandsCount', label: 'Commands', hint: '≥ 0', initial: '20' },
  { key: 'failedLogins', label: 'Failed logins', hint: '≥ 0', initial: '1' },
  { key: 'typingSpeed', label: 'Typing (wpm)', hint: '≥ 0', initial: '55' },
] as const;

type Key = (typeof FIELDS)[number]['key'];

/** The single scan: one session's attributes, checked against the contract's ranges, classified and stored. */
export function ScanForm() {
  const [values, setValues] = useState<Record<Key, string>>(() => Object.fromEntries(FIELDS.map((f) => [f.key, f.initial])) as Record<Key, string>);
  const [protocol, setProtocol] = useState<SessionProtocol>('SSH');
  const [result, setResult] = useState<SessionPrediction | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  // A scan is stored as a prediction (seed 004), so it writes to the case.
  const scanning = useWritable('sessions.scan', 'classify and store a scan');
  const scan = async () => {
    const input = { ...Object.fromEntries(FIELDS.map((f) => [f.key, values[f.key].trim() === '' ? NaN : Number(values[f.key])])), protocol };
    const parsed = SessionAttributes.safeParse(input);
    if (!parsed.success) {
      setProblems(parsed.error.issues.map((i) => `${FIELDS.find((f) => f.key === i.path[0])?.label ?? String(i.path[0])}: ${i.message}`));
      setResult(null);
      return;
    }
    setProblems([]);
    setBusy(true);
    try {
      setResult(await api.invoke('sessions.scan', parsed.data));
    } catch (err) {
      setProblems([errorText(err)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="scan-form"
      data-testid="scan-form"
      onSubmit={(e) => {
        e.preventDefault();
        void scan();
      }}
    >
      <h3>Single scan</h3>
      {FIELDS.map((f) => (
        <label key={f.key}>
          {f.label}
          <input value={values[f.key]} inputMode="decimal" title={f.hint} onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))} data-testid={`scan-${f.key}`} />
        </label>
      ))}
      <label>
        Protocol
        <select value={protocol} onChange={(e) => setProtocol(e.target.value as SessionProtocol)} data-testid="scan-protocol">
          {SESSION_PROTOCOLS.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </label>
      <button className="primary" type="submit" disabled={busy || scanning.disabled} title={scanning.why} data-testid="scan-submit">
        Classify
      </button>
      {result && (
        <span className={`scan-result ${result.prediction === 'Suspicious' ? 'suspicious' : 'normal'}`} data-testid="scan-result">
          {result.prediction} · {Math.round(result.confidence * 100)}% · <code>{result.classifier}</code> · {result.reason}
        </span>
      )}
      {problems.length > 0 && (
        <span className="error-text" data-testid="scan-errors">
          {problems.join('; ')}
        </span>
      )}
    </form>
  );
}
