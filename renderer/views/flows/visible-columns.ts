import { useMemo } from 'react';
import { isFlowFieldName } from '../../../shared/fields';
import { isStringArray, useStoredState } from '../../storage/stored-state';
import { defaultVisible } from './flow-columns';

/** The flow table's visible columns, kept in localStorage; names no longer in the registry are dropped. */
export function useVisibleColumns(): [ReadonlySet<string>, (names: string[]) => void] {
  const [names, setNames] = useStoredState<string[]>('flowsight.flow-columns', [...defaultVisible], isStringArray);
  const visible = useMemo(() => new Set(names.filter(isFlowFieldName)), [names]);
  return [visible, setNames];
}
