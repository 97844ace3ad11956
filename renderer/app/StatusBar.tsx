import type { CaseSummary } from '../../shared/domain/case';
import { formatCount } from '../format/format-number';

/** Flows in the applied scope (once counted), of how many in the case, evidence files, the case path. */
export function StatusBar({ current, count, scoped }: { current: CaseSummary | null; count: number | null; scoped: boolean }) {
  return (
    <footer>
      <span data-testid="flow-count">{current ? (count === null ? 'Counting flows…' : `${formatCount(count)} flows`) : ''}</span>
      {current && scoped && <span data-testid="flow-total">of {formatCount(current.flowCount)} in the case</span>}
      <span>{current ? `${current.evidenceCount} evidence file${current.evidenceCount === 1 ? '' : 's'}` : ''}</span>
      <span className="path">{current?.path}</span>
    </footer>
  );
}
