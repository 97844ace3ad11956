import { useCallback, useState } from 'react';
import type { FlowScope } from '../../../shared/domain/flow-query';
import { errorText } from '../../api/error-text';
import { runExport, type ExportFormat } from './run-export';

/** Starts exports, one at a time, reporting failures to the app's error line. */
export function useExport(onError: (msg: string | null) => void): { busy: boolean; start: (scope: FlowScope, format: ExportFormat) => void } {
  const [busy, setBusy] = useState(false);
  const start = useCallback(
    (scope: FlowScope, format: ExportFormat) => {
      setBusy(true);
      onError(null);
      runExport(scope, format)
        .catch((err: unknown) => onError(errorText(err)))
        .finally(() => setBusy(false));
    },
    [onError],
  );
  return { busy, start };
}
