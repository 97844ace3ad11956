import type { TimeRange } from '../../app/applied-scope';
import { formatSeconds, formatTime } from '../../format/format-time';

/** The applied time range (from the I/O graph's brush), with a button that clears it. */
export function RangeChip({ range, onClear }: { range: TimeRange; onClear: () => void }) {
  const from = formatTime(range.from);
  const to = formatTime(range.to);
  const sameDay = from.slice(0, 10) === to.slice(0, 10);
  return (
    <span className="range-chip" data-testid="range-chip" data-from={range.from} data-to={range.to} title={`Flows overlapping ${from} – ${to} (UTC)`}>
      <span className="range-label">Time</span>
      {sameDay ? `${from} – ${to.slice(11)}` : `${from} – ${to}`}
      <span className="range-span">({formatSeconds(range.to - range.from)})</span>
      <button className="icon-button" onClick={onClear} title="Clear the time range" data-testid="range-clear">
        ✕
      </button>
    </span>
  );
}
