import { createPortal } from 'react-dom';
import type { BookmarkTag } from '../../../shared/domain/bookmarks';
import { useAnchoredPopup } from '../../layout/use-anchored-popup';
import { TAGS, tagLabel } from './tag-label';

interface Props {
  /** What the toggle bookmarks, for its titles: "host", "finding". */
  what: string;
  tag: BookmarkTag | null;
  /** Absent when the case is read-only: the tag is shown, not changed. */
  onSet?: (tag: BookmarkTag) => void;
  onRemove?: () => void;
}

/**
 * A row's bookmark: its tag (or a hollow star), and on a click the tag set
 * to choose from, as the flow table's context menu offers it. The menu is
 * drawn on the page, not in the cell, so a grid's row clips nothing.
 */
export function BookmarkToggle({ what, tag, onSet, onRemove }: Props) {
  const { at, box, close, trigger } = useAnchoredPopup();
  if (!onSet) return tag ? <span className={`tag tag-${tag}`} data-testid="bookmark-marker">{tagLabel(tag)}</span> : null;
  const act = (fn: () => void) => () => {
    close();
    fn();
  };
  return (
    <>
      <button
        className={tag ? `tag tag-${tag} bookmark-toggle` : 'bookmark-toggle unset'}
        title={tag ? `Bookmarked ${tag}: click to change or remove` : `Bookmark this ${what}`}
        aria-haspopup="menu"
        {...trigger}
        data-testid={tag ? 'bookmark-marker' : 'bookmark-toggle'}
      >
        {tag ? tagLabel(tag) : '☆'}
      </button>
      {at &&
        createPortal(
          <div className="popup context-menu bookmark-menu" ref={box} role="menu" style={{ left: Math.min(at.x, window.innerWidth - 330), top: Math.min(at.y, window.innerHeight - 90) }} data-testid="bookmark-menu">
            <div className="popup-section">Bookmark this {what}</div>
            <div className="popup-tags">
              {TAGS.map((t) => (
                <button key={t} className={`tag tag-${t}${t === tag ? ' active' : ''}`} role="menuitem" onClick={act(() => onSet(t))} data-testid={`bookmark-set-${t}`}>
                  {tagLabel(t)}
                </button>
              ))}
            </div>
            {tag && onRemove && (
              <button className="popup-item" role="menuitem" onClick={act(onRemove)} data-testid="bookmark-remove">
                <span className="popup-name">Remove the bookmark</span>
              </button>
            )}
          </div>,
          document.body,
        )}
    </>
  );
}
