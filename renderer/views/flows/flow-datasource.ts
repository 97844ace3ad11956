import type { IDatasource, SortModelItem } from 'ag-grid-community';
import type { FlowScope, SortSpec } from '../../../shared/domain/flow-query';
import { isFlowFieldName } from '../../../shared/fields';
import { api } from '../../api/client';

function toSort(model: SortModelItem[]): SortSpec[] {
  return model.filter((m) => isFlowFieldName(m.colId)).map((m) => ({ field: m.colId as SortSpec['field'], dir: m.sort }));
}

/** Pages being fetched, so a refresh can wait for the previous one to land. */
export class PageLoads {
  private pending = 0;
  private waiters: (() => void)[] = [];

  begin(): void {
    this.pending++;
  }

  end(): void {
    this.pending = Math.max(0, this.pending - 1);
    if (this.pending === 0) for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves once no page is being fetched (at once if none is). */
  idle(): Promise<void> {
    return this.pending === 0 ? Promise.resolve() : new Promise((r) => this.waiters.push(r));
  }
}

/**
 * Pages of the scope's flows for the Infinite Row Model, sorted and paged in
 * SQL. The last row is known from a short page, the page's own total, or the
 * count once flows.count has answered; until then the grid keeps asking.
 */
export function flowDatasource(scope: FlowScope, knownCount: () => number | null, onError: (err: unknown) => void, loads?: PageLoads): IDatasource {
  return {
    getRows: (params) => {
      loads?.begin();
      api
        .invoke('flows.page', { startRow: params.startRow, endRow: params.endRow, sort: toSort(params.sortModel), scope })
        .then((page) => {
          const asked = params.endRow - params.startRow;
          const count = page.total ?? knownCount();
          const last = page.rows.length < asked ? params.startRow + page.rows.length : (count ?? undefined);
          params.successCallback(page.rows, last);
        })
        .catch((err: unknown) => {
          onError(err);
          params.failCallback();
        })
        .finally(() => loads?.end());
    },
  };
}
