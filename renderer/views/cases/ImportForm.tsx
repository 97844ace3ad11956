import { useRef, useState } from 'react';
import { ApiError } from '../../../shared/contract/errors';
import { api } from '../../api/client';
import { useDismiss } from '../../layout/use-dismiss';
import { importOptions, noImportOptions, type ImportFields } from './import-options';

interface Props {
  onClose: () => void;
  onError: (msg: string | null) => void;
}

/**
 * Adding capture files: the paths (the native chooser in Electron, typed in
 * serve mode), the import filter (seed 002: drop non-IP packets, leave out the
 * capture proxy, keep only the device under study) and a label for the whole
 * import.
 */
export function ImportForm({ onClose, onError }: Props) {
  const box = useRef<HTMLFormElement>(null);
  useDismiss(box, true, onClose);
  const [paths, setPaths] = useState('');
  const [fields, setFields] = useState<ImportFields>(noImportOptions);
  // Only Electron has native dialogs (its preload sets window.flowsight); serve mode types paths.
  const [canBrowse, setCanBrowse] = useState(() => window.flowsight !== undefined);
  const options = importOptions(fields);
  const problem = 'problem' in options ? options.problem : null;
  const files = paths.split('\n').map((s) => s.trim()).filter(Boolean);
  const set = (patch: Partial<ImportFields>) => setFields((f) => ({ ...f, ...patch }));

  const browse = async () => {
    try {
      const r = await api.invoke('ui.chooseFiles', { purpose: 'captures' });
      if (r.paths.length) setPaths(r.paths.join('\n'));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'unsupported') setCanBrowse(false);
      else onError(err instanceof Error ? err.message : String(err));
    }
  };

  const submit = async () => {
    if (problem || files.length === 0 || 'problem' in options) return;
    onError(null);
    try {
      await api.invoke('ingest.start', { files, ...options });
      onClose();
    } catch (err) {
      onError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <form
      className="popup import-form"
      ref={box}
      data-testid="import-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="popup-section">Capture files</div>
      <div className="import-paths">
        <textarea data-testid="path-input" rows={3} placeholder="Capture file paths, one per line" value={paths} onChange={(e) => setPaths(e.target.value)} />
        {canBrowse && (
          <button type="button" onClick={() => void browse()} data-testid="import-browse">
            Browse…
          </button>
        )}
      </div>
      <div className="popup-section">Leave out</div>
      <label className="import-check">
        <input type="checkbox" checked={fields.ipOnly} onChange={(e) => set({ ipOnly: e.target.checked })} data-testid="import-ip-only" /> Packets without an IP layer (ARP, LLDP…)
      </label>
      <label className="import-field">
        <span>Traffic to or from</span>
        <input value={fields.exclude} onChange={(e) => set({ exclude: e.target.value })} placeholder="e.g. the capture proxy: 10.20.0.254, 192.0.2.0/24" data-testid="import-exclude" />
      </label>
      <label className="import-field">
        <span>Keep only hosts</span>
        <input value={fields.only} onChange={(e) => set({ only: e.target.value })} placeholder="e.g. the phone: 10.20.0.2 (empty: all)" data-testid="import-only" />
      </label>
      <div className="popup-section">Label every flow of this import</div>
      <label className="import-field">
        <span>Label</span>
        <input value={fields.label} onChange={(e) => set({ label: e.target.value })} placeholder="App/activity (optional)" data-testid="import-label" />
      </label>
      {problem && <div className="error-text import-problem">{problem}</div>}
      <div className="import-buttons">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={problem !== null || files.length === 0} data-testid="path-submit">
          Import
        </button>
      </div>
    </form>
  );
}
