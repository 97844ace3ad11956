import type { FieldGroup, FlowRecord } from '../../../shared/fields';
import { formatFieldValue } from '../../format/format-field';
import { fieldsByGroup, groupTitles } from '../../format/field-groups';

/** Groups open at first; the long statistical ones start folded. */
const OPEN: ReadonlySet<FieldGroup> = new Set(['identity', 'endpoints', 'time', 'volume', 'direction', 'lifecycle', 'application', 'labels']);

const UNIT_TEXT: Record<string, string> = { bytes: 'B', s: 's', packets: 'pkts', 'bytes/s': 'B/s', 'packets/s': 'pkts/s' };

/** Every registry field of the flow, by group: label, value and unit, the description on hover. */
export function FlowFields({ flow }: { flow: FlowRecord }) {
  const values = flow as Record<string, unknown>;
  return (
    <section className="detail-section" data-testid="flow-fields">
      <h3>All fields</h3>
      {fieldsByGroup.map(({ group, fields }) => (
        <details key={group} open={OPEN.has(group)} className="field-group">
          <summary>
            {groupTitles[group]} <span className="muted">{fields.length}</span>
          </summary>
          <dl className="field-list">
            {fields.map((f) => {
              const text = formatFieldValue(f, values[f.name]);
              const unit = f.unit && text && f.name !== 'first_ts' && f.name !== 'last_ts' ? UNIT_TEXT[f.unit] : '';
              return (
                <div className="field-row" key={f.name} title={`${f.name}: ${f.description}`}>
                  <dt>{f.label}</dt>
                  <dd className={text ? '' : 'muted'}>
                    {text || '—'}
                    {unit && <span className="unit"> {unit}</span>}
                  </dd>
                </div>
              );
            })}
          </dl>
        </details>
      ))}
    </section>
  );
}
