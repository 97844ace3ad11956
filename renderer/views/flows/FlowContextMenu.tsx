import { useRef } from 'react';
import { BookmarkTag } from '../../../shared/domain/bookmarks';
import type { FlowRecord } from '../../../shared/fields';
import { addressFilter, conversationFilter, tupleFilter } from '../../format/filter-text';
import { formatCount } from '../../format/format-number';
import { useDismiss } from '../../layout/use-dismiss';
import { exportFormats, type ExportFormat } from '../export/run-export';

export interface ContextTarget {
  x: number;
  y: number;
  flow: FlowRecord;
}

interface Props {
  target: ContextTarget;
  selected: number;
  onClose: () => void;
  onExportSelected: (format: ExportFormat) => void;
  onApplyFilter: (filter: string) => void;
  /** Absent when the case is read-only. */
  onBookmark?: (tag: BookmarkTag) => void;
}

/** Right-click on a flow: export the selection, bookmark the flow, or filter on what the flow shows. */
export function FlowContextMenu({ target, selected, onClose, onExportSelected, onApplyFilter, onBookmark }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useDismiss(box, true, onClose);
  const f = target.flow;
  const act = (fn: () => void) => () => {
    onClose();
    fn();
  };
  const filters = [
    { label: 'Filter on this conversation', text: conversationFilter(f.src_ip ?? '', f.dst_ip ?? '') },
    { label: 'Filter on this 5-tuple', text: tupleFilter(f) },
    { label: 'Filter on the source', text: addressFilter(f.src_ip ?? '') },
    { label: 'Filter on the destination', text: addressFilter(f.dst_ip ?? '') },
  ];
  return (
    <div className="popup context-menu" ref={box} role="menu" style={{ left: Math.max(0, Math.min(target.x, window.innerWidth - 570)), top: Math.max(0, Math.min(target.y, window.innerHeight - 300)) }} data-testid="flow-context-menu">
      <div className="popup-section">Export {formatCount(selected)} selected flow{selected === 1 ? '' : 's'}</div>
      {exportFormats.map((e) => (
        <button key={e.format} className="popup-item" role="menuitem" onClick={act(() => onExportSelected(e.format))} data-testid={`context-export-${e.format}`}>
          <span className="popup-name">as {e.label}</span>
          <span className="muted">{e.what}</span>
        </button>
      ))}
      {onBookmark && (
        <>
          <div className="popup-section">Bookmark this flow</div>
          <div className="popup-tags">
            {BookmarkTag.options.map((t) => (
              <button key={t} className={`tag tag-${t}`} role="menuitem" onClick={act(() => onBookmark(t))} data-testid={`context-bookmark-${t}`}>
                {t[0].toUpperCase() + t.slice(1)}
              </button>
            ))}
          </div>
        </>
      )}
      <div className="popup-section">Apply as filter</div>
      {filters.map((x) => (
        <button key={x.label} className="popup-item" role="menuitem" onClick={act(() => onApplyFilter(x.text))} title={x.text}>
          <span className="popup-name">{x.label}</span>
          <code>{x.text}</code>
        </button>
      ))}
    </div>
  );
}
