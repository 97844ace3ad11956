import type { ColDef } from 'ag-grid-community';
import type { PacketSummary } from '../../../shared/domain/packets';

const num = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** Wireshark's packet list, within one flow: → from the source, ← from the destination. */
export const packetColumns: ColDef<PacketSummary>[] = [
  { colId: 'number', field: 'number', headerName: 'No.', width: 66, type: 'numericColumn' },
  { colId: 'rel', field: 'rel', headerName: 'Time', width: 100, type: 'numericColumn', valueFormatter: (p) => (typeof p.value === 'number' ? p.value.toFixed(6) : ''), headerTooltip: 'Seconds since the flow\'s first packet' },
  {
    colId: 'dir',
    field: 'dir',
    headerName: 'Dir',
    width: 52,
    valueFormatter: (p) => (p.value === 'fwd' ? '→' : p.value === 'bwd' ? '←' : ''),
    cellClass: (p) => (p.value === 'bwd' ? 'dir-bwd' : 'dir-fwd'),
    headerTooltip: '→ source to destination, ← destination to source',
  },
  { colId: 'length', field: 'length', headerName: 'Length', width: 76, type: 'numericColumn', headerTooltip: 'Frame length on the wire' },
  { colId: 'flags', field: 'flags', headerName: 'Flags', width: 130 },
  { colId: 'seq', field: 'seq', headerName: 'Seq', width: 90, type: 'numericColumn', valueFormatter: (p) => num(p.value), headerTooltip: 'Relative sequence number' },
  { colId: 'ack', field: 'ack', headerName: 'Ack', width: 90, type: 'numericColumn', valueFormatter: (p) => num(p.value), headerTooltip: 'Relative acknowledgement number' },
  { colId: 'info', field: 'info', headerName: 'Info', flex: 1, minWidth: 200, tooltipField: 'info' },
  { colId: 'comment', field: 'comment', headerName: 'Comment', width: 140, tooltipField: 'comment' },
];
