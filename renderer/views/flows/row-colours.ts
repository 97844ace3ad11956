import type { RowClassRules } from 'ag-grid-community';
import type { FlowRecord } from '../../../shared/fields';

/** Zeek states in which a connection was refused or reset. */
const RESET_STATES = new Set(['REJ', 'RSTO', 'RSTR', 'RSTOS0', 'RSTRH']);

/** Reset or refused: RST segments seen, or a Zeek state that says so. */
export function isResetFlow(f: FlowRecord): boolean {
  return (f.resets ?? 0) > 0 || RESET_STATES.has(f.conn_state ?? '');
}

export function hasRetransmissions(f: FlowRecord): boolean {
  return (f.retransmissions ?? 0) > 0;
}

/** Row classes; the colours apply only while the table has `colour-rows` (the legend's toggle). */
export const flowRowClassRules: RowClassRules<FlowRecord> = {
  'row-reset': (p) => !!p.data && isResetFlow(p.data),
  'row-retrans': (p) => !!p.data && !isResetFlow(p.data) && hasRetransmissions(p.data),
};
