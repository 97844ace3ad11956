/** What the row colours mean, and a switch to turn them off. */
export function ColourLegend({ on, onToggle }: { on: boolean; onToggle: (on: boolean) => void }) {
  return (
    <div className="colour-legend" data-testid="colour-legend">
      <label title="Colour rows by the rules on the right">
        <input type="checkbox" checked={on} onChange={(e) => onToggle(e.target.checked)} data-testid="colour-toggle" /> Colour rules
      </label>
      <span className={`swatch reset ${on ? '' : 'off'}`} title="resets > 0, or conn_state REJ, RSTO, RSTR, RSTOS0 or RSTRH">
        Reset / refused
      </span>
      <span className={`swatch retrans ${on ? '' : 'off'}`} title="retransmissions > 0">
        Retransmissions
      </span>
    </div>
  );
}
