import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { JobFinished } from '../../../shared/domain/job';
import type { HostList, HostSummary } from '../../../shared/domain/hosts';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { useCall } from '../../api/use-call';
import { useEvent } from '../../api/use-event';
import { formatCount } from '../../format/format-number';
import { formatSeconds, formatTime } from '../../format/format-time';
import { gridTheme } from '../../grid/grid-setup';
import { SplitPane } from '../../layout/SplitPane';
import { hostColumns } from './host-columns';
import { HostPage } from './HostPage';
import { ProfileSettingsForm } from './ProfileSettingsForm';

interface Props {
  onShowFlows: (filter: string) => void;
  onError: (msg: string | null) => void;
}

function settingsText(l: HostList): string {
  const s = l.settings;
  return `Local networks ${s.localNetworks.join(', ')} · sessions end after ${formatSeconds(s.sessionGap)} idle · heatmap in ${s.timeZone}`;
}

/**
 * Hosts: every device identity of the case as a user record (the whole case
 * pinned on top), and the selected one's behaviour profile below. Profiles are
 * computed by a job and stored in the case; the view says when they are stale.
 */
export default function HostsView({ onShowFlows, onError }: Props) {
  const list = useCall('hosts.list', {});
  const [selected, setSelected] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  const reload = list.reload;
  useEvent(
    'job.finished',
    useCallback((f: JobFinished) => f.kind === 'profiles' && reload(), [reload]),
  );
  const l = list.data;
  useEffect(() => {
    if (l && selected === null && l.case) setSelected(0);
  }, [l, selected]);
  const pinned = useMemo(() => (l?.case ? [{ ...l.case, name: 'Whole case' }] : []), [l]);

  const compute = () => {
    onError(null);
    api.invoke('hosts.compute', {}).catch((e: unknown) => onError(errorText(e)));
  };

  if (list.error) return <div className="pane-note error-text">{errorText(list.error)}</div>;
  if (!l) return <div className="pane-note centered">Loading hosts…</div>;
  const computed = l.computedAt !== null;
  return (
    <div className="hosts-view" data-testid="hosts">
      <div className="hosts-toolbar">
        <span data-testid="hosts-status">
          {computed ? `${formatCount(l.hosts.length)} hosts · computed ${formatTime(l.computedAt!).slice(0, 19)} UTC` : 'Profiles not computed yet'}
        </span>
        {l.stale && (
          <span className="badge warn" data-testid="hosts-stale" title="Flows were added or settings changed since the profiles were computed">
            stale
          </span>
        )}
        <button onClick={compute} data-testid="hosts-compute">
          {computed ? 'Recompute' : 'Compute profiles'}
        </button>
        <span className="muted hosts-settings">{settingsText(l)}</span>
        <button onClick={() => setEditing((v) => !v)} data-testid="hosts-settings">
          Settings…
        </button>
      </div>
      {editing && (
        <ProfileSettingsForm
          settings={l.settings}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            reload();
          }}
        />
      )}
      {computed ? (
        <SplitPane
          direction="column"
          storageKey="hosts.split"
          initial={0.34}
          className="hosts-split"
          first={
            <div className="hosts-grid" data-testid="hosts-table">
              <AgGridReact<HostSummary>
                theme={gridTheme}
                rowData={l.hosts}
                pinnedTopRowData={pinned}
                columnDefs={hostColumns}
                defaultColDef={{ sortable: true, resizable: true }}
                getRowId={(p) => String(p.data.id)}
                rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
                onRowClicked={(e) => e.data && setSelected(e.data.id)}
                tooltipShowDelay={400}
              />
            </div>
          }
          second={selected === null ? <div className="pane-note centered">Select a host.</div> : <HostPage key={selected} id={selected} geo={l.geo} onShowFlows={onShowFlows} />}
        />
      ) : (
        <div className="pane-note centered">Compute the profiles to see who did what: hosts, their traffic, services, countries, sessions and typing speed.</div>
      )}
    </div>
  );
}
