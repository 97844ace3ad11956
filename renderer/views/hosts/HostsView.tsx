import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { JobFinished } from '../../../shared/domain/job';
import type { BookmarkTag } from '../../../shared/domain/bookmarks';
import type { HostList, HostSummary } from '../../../shared/domain/hosts';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { useReadOnly, useWritable } from '../../api/read-only';
import { useCall } from '../../api/use-call';
import { useEvent } from '../../api/use-event';
import { formatCount } from '../../format/format-number';
import { formatSeconds, formatTime } from '../../format/format-time';
import { gridTheme } from '../../grid/grid-setup';
import { SplitPane } from '../../layout/SplitPane';
import { bookmarkColumn, inAnnotationCell, type BookmarkContext, type Bookmarked } from '../annotations/bookmark-column';
import { BookmarkToggle } from '../annotations/BookmarkToggle';
import { weightiestTag } from '../annotations/tag-label';
import { useBookmarks } from '../annotations/use-bookmarks';
import { hostColumns } from './host-columns';
import { HostPage } from './HostPage';
import { ProfileSettingsForm } from './ProfileSettingsForm';

interface Props {
  onShowFlows: (filter: string) => void;
  onError: (msg: string | null) => void;
}

// A host is bookmarked by its addresses, the keys that `host.bookmark` matches in flows.
const hostKeys = (h: HostSummary) => (h.kind === 'case' ? [] : h.ips);
const columns = [bookmarkColumn<HostSummary>(hostKeys), ...hostColumns];

function settingsText(l: HostList): string {
  const s = l.settings;
  return `Local networks ${s.localNetworks.join(', ')} · sessions end after ${formatSeconds(s.sessionGap)} idle · heatmap in ${s.timeZone}`;
}

/**
 * Hosts: every device identity of the case as a user record (the whole case
 * pinned on top), and the selected one's behaviour profile below. Profiles are
 * computed by a job and stored in the case; the view says when they are stale.
 * A host is bookmarked on all its addresses; its row shows the weightiest tag.
 */
export default function HostsView({ onShowFlows, onError }: Props) {
  const readOnly = useReadOnly();
  const list = useCall('hosts.list', {});
  const [selected, setSelected] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  const [onlyBookmarked, setOnlyBookmarked] = useState(false);
  const computing = useWritable('hosts.compute', 'compute the profiles');
  const configuring = useWritable('hosts.settings', 'change the profile settings');
  const bookmarks = useBookmarks('host', onError);
  const context = useMemo<BookmarkContext>(() => ({ what: 'host', readOnly, bookmarks }), [readOnly, bookmarks]);
  const reload = list.reload;
  useEvent(
    'job.finished',
    useCallback((f: JobFinished) => f.kind === 'profiles' && reload(), [reload]),
  );
  const l = list.data;
  useEffect(() => {
    if (l && selected === null && l.case) setSelected(0);
  }, [l, selected]);
  const pinned = useMemo(() => (l?.case ? [{ ...l.case, name: 'Whole case', bookmark: null }] : []), [l]);
  const tags = bookmarks.tags;
  const rows = useMemo<Bookmarked<HostSummary>[]>(() => {
    const all = (l?.hosts ?? []).map((h) => ({ ...h, bookmark: weightiestTag(hostKeys(h).map((ip) => tags?.get(ip))) }));
    return onlyBookmarked ? all.filter((h) => h.bookmark !== null) : all;
  }, [l, tags, onlyBookmarked]);
  const selectedRow = selected === null ? undefined : (l?.hosts.find((h) => h.id === selected) ?? undefined);

  const compute = () => {
    onError(null);
    api.invoke('hosts.compute', {}).catch((e: unknown) => onError(errorText(e)));
  };

  if (list.error) return <div className="pane-note error-text">{errorText(list.error)}</div>;
  if (!l) return <div className="pane-note centered">Loading hosts…</div>;
  const computed = l.computedAt !== null;
  const selectedKeys = selectedRow ? hostKeys(selectedRow) : [];
  const hostPage =
    selected === null ? (
      <div className="pane-note centered">Select a host.</div>
    ) : (
      <HostPage
        key={selected}
        id={selected}
        geo={l.geo}
        onShowFlows={onShowFlows}
        readOnly={readOnly}
        bookmark={
          selectedKeys.length > 0 ? (
            <span className="host-bookmark" data-testid="host-bookmark">
              <BookmarkToggle
                what="host"
                tag={weightiestTag(selectedKeys.map((ip) => tags?.get(ip)))}
                {...(readOnly ? {} : { onSet: (t: BookmarkTag) => bookmarks.set(selectedKeys, t), onRemove: () => bookmarks.remove(selectedKeys) })}
              />
            </span>
          ) : null
        }
      />
    );
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
        <button onClick={compute} disabled={computing.disabled} title={computing.why} data-testid="hosts-compute">
          {computed ? 'Recompute' : 'Compute profiles'}
        </button>
        <label className="check" title="Show only the hosts with a bookmark on any of their addresses">
          <input type="checkbox" checked={onlyBookmarked} onChange={(e) => setOnlyBookmarked(e.target.checked)} data-testid="hosts-bookmarked-only" />
          Bookmarked only
        </label>
        <span className="muted hosts-settings">{settingsText(l)}</span>
        <button onClick={() => setEditing((v) => !v)} disabled={configuring.disabled} title={configuring.why} data-testid="hosts-settings">
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
                rowData={rows}
                pinnedTopRowData={pinned}
                columnDefs={columns}
                context={context}
                defaultColDef={{ sortable: true, resizable: true }}
                getRowId={(p) => String(p.data.id)}
                rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
                onRowClicked={(e) => e.data && !inAnnotationCell(e.event?.target) && setSelected(e.data.id)}
                overlayNoRowsTemplate={onlyBookmarked ? 'No bookmarked hosts.' : 'No hosts.'}
                tooltipShowDelay={400}
              />
            </div>
          }
          second={hostPage}
        />
      ) : (
        <div className="pane-note centered">
          {computing.disabled
            ? 'This case is open read-only and its profiles were never computed: open it writable to compute them.'
            : 'Compute the profiles to see who did what: hosts, their traffic, services, countries, sessions and typing speed.'}
        </div>
      )}
    </div>
  );
}
