import type { ColDef } from 'ag-grid-community';
import type { SessionPrediction } from '../../../shared/sessions/prediction';

const text = { filter: 'agTextColumnFilter' } as const;
const num = { filter: 'agNumberColumnFilter', type: 'rightAligned' } as const;

/** The stored predictions: output first (verdict, confidence, which classifier), then the input. */
export const resultColumns: ColDef<SessionPrediction>[] = [
  { field: 'id', headerName: 'ID', width: 70, ...num },
  { field: 'createdAt', headerName: 'Time (UTC)', width: 160, valueFormatter: (p) => (p.value ? new Date((p.value as number) * 1000).toISOString().slice(0, 19).replace('T', ' ') : ''), filter: false },
  {
    field: 'prediction',
    headerName: 'Prediction',
    width: 110,
    ...text,
    cellClass: (p) => (p.value === 'Suspicious' ? 'verdict-suspicious' : 'verdict-normal'),
  },
  { field: 'confidence', headerName: 'Confidence', width: 105, valueFormatter: (p) => (typeof p.value === 'number' ? p.value.toFixed(2) : ''), ...num },
  { field: 'classifier', headerName: 'Classifier', width: 150, ...text, headerTooltip: 'baseline:rules-v1 is the documented rule baseline; model:<id> a model trained in this case' },
  { field: 'reason', headerName: 'Why', width: 260, ...text, tooltipField: 'reason' },
  { field: 'source', headerName: 'Source', width: 85, ...text },
  { field: 'loginHour', headerName: 'Hour', width: 75, ...num },
  { field: 'sessionDuration', headerName: 'Minutes', width: 90, ...num },
  { field: 'commandsCount', headerName: 'Commands', width: 100, ...num },
  { field: 'failedLogins', headerName: 'Failed', width: 80, ...num },
  { field: 'protocol', headerName: 'Protocol', width: 95, ...text },
  { field: 'typingSpeed', headerName: 'WPM', width: 80, ...num },
  { field: 'label', headerName: 'Label', width: 95, ...text },
  { field: 'line', headerName: 'CSV line', width: 90, ...num },
  { field: 'flowId', headerName: 'Flow', width: 75, ...num },
];
