import type { IDatasource } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import type { PacketSummary } from '../../../shared/domain/packets';
import { api } from '../../api/client';
import { gridTheme } from '../../grid/grid-setup';
import { packetColumns } from './packet-columns';

const PAGE = 500;

/** A flow's packets, paged from the evidence as the list scrolls, so big flows stay light. */
export function PacketList({ flowId, selected, onSelect, onError }: { flowId: number; selected: number | null; onSelect: (n: number) => void; onError: (err: unknown) => void }) {
  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (p) => {
        api
          .invoke('flows.packets', { id: flowId, offset: p.startRow, limit: p.endRow - p.startRow })
          .then((list) => p.successCallback(list.packets, list.total))
          .catch((err: unknown) => {
            onError(err);
            p.failCallback();
          });
      },
    }),
    [flowId, onError],
  );
  return (
    <div className="packet-list" data-testid="packet-list">
      <AgGridReact<PacketSummary>
        theme={gridTheme}
        columnDefs={packetColumns}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={PAGE}
        maxBlocksInCache={20}
        infiniteInitialRowCount={1}
        rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
        getRowId={(p) => String(p.data.number)}
        rowClassRules={{ 'pkt-rst': (p) => !!p.data?.flags.includes('RST'), 'pkt-bwd': (p) => p.data?.dir === 'bwd' }}
        onModelUpdated={(e) => {
          if (selected !== null) e.api.getRowNode(String(selected))?.setSelected(true, true);
        }}
        onCellFocused={(e) => {
          const n = e.rowIndex === null ? undefined : e.api.getDisplayedRowAtIndex(e.rowIndex)?.data?.number;
          if (typeof n === 'number') onSelect(n);
        }}
        tooltipShowDelay={400}
      />
    </div>
  );
}
