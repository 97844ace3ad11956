import { useState } from 'react';
import type { ProfileSettings } from '../../../shared/domain/hosts';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';

/**
 * The case's profile settings: what counts as local, the idle gap that ends a
 * session, the heatmap's time zone and the pause that ends a typing run. The
 * main process checks them (a bad block or zone is refused with the reason);
 * saved settings make the profiles stale until they are recomputed.
 */
export function ProfileSettingsForm({ settings, onSaved, onCancel }: { settings: ProfileSettings; onSaved: () => void; onCancel: () => void }) {
  const [networks, setNetworks] = useState(settings.localNetworks.join('\n'));
  const [gapMinutes, setGapMinutes] = useState(String(settings.sessionGap / 60));
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [pause, setPause] = useState(String(settings.typingPause));
  const [error, setError] = useState<string | null>(null);

  const save = () => {
    const next: ProfileSettings = {
      localNetworks: networks.split(/[\s,]+/).filter(Boolean),
      sessionGap: Number(gapMinutes) * 60,
      timeZone: timeZone.trim(),
      typingPause: Number(pause),
    };
    setError(null);
    api.invoke('hosts.settings', { settings: next }).then(onSaved, (e: unknown) => setError(errorText(e)));
  };

  return (
    <form
      className="profile-settings"
      data-testid="profile-settings"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <label>
        Local networks (CIDR, one per line)
        <textarea rows={4} value={networks} onChange={(e) => setNetworks(e.target.value)} data-testid="settings-networks" />
      </label>
      <label>
        Session gap (minutes)
        <input type="number" min={0.1} step="any" value={gapMinutes} onChange={(e) => setGapMinutes(e.target.value)} data-testid="settings-gap" />
      </label>
      <label>
        Heatmap time zone (IANA)
        <input value={timeZone} onChange={(e) => setTimeZone(e.target.value)} data-testid="settings-zone" />
      </label>
      <label>
        Typing pause (seconds)
        <input type="number" min={0.1} step="any" value={pause} onChange={(e) => setPause(e.target.value)} data-testid="settings-pause" />
      </label>
      <div className="profile-settings-buttons">
        {error && (
          <span className="error-text" role="alert" data-testid="settings-error">
            {error}
          </span>
        )}
        <button type="submit" data-testid="settings-save">
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
