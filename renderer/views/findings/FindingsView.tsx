import { AgGridReact } from 'ag-grid-react';
import { useMemo, useState } from 'react';
import type { Finding } from '../../../shared/domain/findings';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { useReadOnly, useWritable } from '../../api/read-only';
import { useCall } from '../../api/use-call';
import { formatCount } from '../../format/format-number';
import { formatTime } from '../../format/format-time';
import { gridTheme } from '../../grid/grid-setup';
import { bookmarkColumn, inAnnotationCell, type BookmarkContext } from '../annotations/bookmark-column';
import { findingNotesColumn, type Annotated } from '../annotations/notes-column';
import { useBookmarks } from '../annotations/use-bookmarks';
import { idFilter } from './evidence-filter';
import { findingColumns } from './findings-columns';
import { ThresholdsPanel, type Overrides } from './ThresholdsPanel';
import { useFindings } from './use-findings';

interface Props {
  /** Shows flows in the flow table through this display filter. */
  onShowFlows: (filter: string) => void;
  onError: (msg: string | null) => void;
}

const findingKeys = (f: Finding) => [String(f.id)];
const bookmarkCol = bookmarkColumn<Finding>(findingKeys);
const notesCol = findingNotesColumn<Finding>((f) => String(f.id));

/**
 * The findings of the last detection run; clicking one shows exactly its
 * evidence flows in the flow table, its ☆ bookmarks it and its ✎ holds its notes.
 */
export function FindingsView({ onShowFlows, onError }: Props) {
  const readOnly = useReadOnly();
  const { list, running, run } = useFindings(onError);
  const detect = useWritable('findings.start', 'detect findings');
  const detectors = useCall('findings.detectors', {});
  const [overrides, setOverrides] = useState<Overrides>({});
  const [showThresholds, setShowThresholds] = useState(false);
  const titles = useMemo(() => new Map((detectors.data ?? []).map((d) => [d.kind as string, d.title])), [detectors.data]);
  const columns = useMemo(() => [bookmarkCol, notesCol, ...findingColumns(titles)], [titles]);
  const changed = Object.keys(overrides).length;
  const [onlyBookmarked, setOnlyBookmarked] = useState(false);
  const bookmarks = useBookmarks('finding', onError);
  const context = useMemo<BookmarkContext>(() => ({ what: 'finding', readOnly, bookmarks }), [readOnly, bookmarks]);
  const tags = bookmarks.tags;
  const notes = useCall('notes.list', {});
  const rows = useMemo<Annotated<Finding>[]>(() => {
    const counts = new Map<string, number>();
    for (const n of notes.data ?? []) if (n.kind === 'finding') counts.set(n.key, (counts.get(n.key) ?? 0) + 1);
    const all = (list?.findings ?? []).map((f) => ({ ...f, bookmark: tags?.get(String(f.id)) ?? null, notes: counts.get(String(f.id)) ?? 0 }));
    return onlyBookmarked ? all.filter((f) => f.bookmark !== null) : all;
  }, [list, tags, notes.data, onlyBookmarked]);

  const openEvidence = (f: Finding) => {
    api.invoke('findings.flowIds', { id: f.id }).then(
      ({ ids }) => {
        const { filter, shown } = idFilter(ids);
        if (shown < ids.length) onError(`This finding has ${formatCount(ids.length)} evidence flows; the flow table shows the first ${formatCount(shown)} (a display filter holds no more ids).`);
        onShowFlows(filter);
      },
      (e: unknown) => onError(errorText(e)),
    );
  };

  return (
    <div className="analysis-view findings-view" data-testid="findings">
      <div className="toolbar">
        <button className="primary" onClick={() => run(overrides)} disabled={running || detect.disabled} title={detect.why} data-testid="findings-run">
          {running ? 'Detecting…' : list?.run ? 'Detect again' : 'Detect'}
        </button>
        <button onClick={() => setShowThresholds((v) => !v)} aria-pressed={showThresholds} disabled={detect.disabled} title={detect.why} data-testid="findings-thresholds">
          Thresholds{changed ? ` (${changed} changed)` : ''}
        </button>
        {changed > 0 && <button onClick={() => setOverrides({})}>Defaults</button>}
        <label className="check" title="Show only the bookmarked findings">
          <input type="checkbox" checked={onlyBookmarked} onChange={(e) => setOnlyBookmarked(e.target.checked)} data-testid="findings-bookmarked-only" />
          Bookmarked only
        </label>
        <span className="toolbar-gap" />
        <span className="muted" data-testid="findings-summary">
          {list === null
            ? 'Loading…'
            : list.run
              ? `${formatCount(list.findings.length)} finding${list.findings.length === 1 ? '' : 's'} in ${formatCount(list.run.flows)} TCP/UDP flows · detected ${formatTime(list.run.createdAt).slice(0, 19)} UTC · click a finding to see its evidence flows`
              : detect.disabled
                ? 'Not run on this case yet, and it is open read-only: open it writable to detect scans, floods, storms, bursts and beaconing.'
                : 'Not run on this case yet: Detect looks for scans, floods, storms, bursts and beaconing.'}
        </span>
      </div>
      {showThresholds && detectors.data && <ThresholdsPanel detectors={detectors.data} overrides={overrides} onChange={setOverrides} />}
      <div className="analysis-grid" data-testid="findings-grid">
        <AgGridReact<Finding>
          // Kind titles arrive after the rows may have rendered; a remount redraws them (a formatter change alone does not).
          key={titles.size}
          theme={gridTheme}
          rowData={rows}
          columnDefs={columns}
          context={context}
          getRowId={(p) => String(p.data.id)}
          defaultColDef={{ sortable: true, resizable: true }}
          onRowClicked={(e) => e.data && !inAnnotationCell(e.event?.target) && openEvidence(e.data)}
          rowClass="clickable-row"
          tooltipShowDelay={400}
          overlayNoRowsTemplate={onlyBookmarked && list?.findings.length ? 'No bookmarked findings.' : list?.run ? 'No findings: nothing crossed a detector’s thresholds.' : 'No findings yet.'}
        />
      </div>
    </div>
  );
}
