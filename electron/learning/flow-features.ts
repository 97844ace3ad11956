import { sequenceFeature } from '../../shared/domain/feature-groups';

/** Float32's largest value: rates that are infinite (zero durations) are kept finite and orderable. */
const F32_MAX = 3.4028234663852886e38;

/**
 * Turns flow rows (as SQL returns them, in `columns` order) into feature
 * values: registry fields as they are, sequence features cut out of the
 * comma-separated `first_sizes`/`first_iats`; NaN where a flow lacks one.
 */
export class FlowFeatureReader {
  /** Columns to select, after any columns of the caller's own. */
  readonly columns: string[] = [];
  private readonly plan: { column: number; index: number }[] = [];

  constructor(readonly features: readonly string[]) {
    const at = (c: string) => {
      let i = this.columns.indexOf(c);
      if (i < 0) i = this.columns.push(c) - 1;
      return i;
    };
    for (const f of features) {
      const seq = sequenceFeature(f);
      this.plan.push(seq ? { column: at(seq.field), index: seq.index } : { column: at(f), index: -1 });
    }
  }

  /** Writes one row's features into `out` at `offset`; `values` are this reader's columns, starting at `first`. */
  fill(values: readonly unknown[], first: number, out: Float32Array, offset: number): void {
    const split = new Map<number, string[]>();
    for (let i = 0; i < this.plan.length; i++) {
      const { column, index } = this.plan[i];
      const v = values[first + column];
      let x = NaN;
      if (index < 0) {
        if (typeof v === 'number') x = v;
      } else if (typeof v === 'string' && v !== '') {
        let parts = split.get(column);
        if (!parts) split.set(column, (parts = v.split(',')));
        if (index < parts.length) x = Number(parts[index]);
      }
      out[offset + i] = x > F32_MAX ? F32_MAX : x < -F32_MAX ? -F32_MAX : x;
    }
  }
}
