import { fieldDefs, type FieldDef, type FieldGroup } from '../../shared/fields';

export const groupTitles: Record<FieldGroup, string> = {
  identity: 'Identity',
  endpoints: 'Endpoints',
  time: 'Time',
  volume: 'Volume',
  direction: 'Direction',
  lifecycle: 'Lifecycle',
  application: 'Application',
  'tcp-analysis': 'TCP analysis',
  'packet-stats': 'Packet statistics',
  cicflowmeter: 'CICFlowMeter',
  sequence: 'Packet sequence',
  labels: 'Labels',
};

/** Registry fields by group, groups in the order the registry first names them. */
export const fieldsByGroup: readonly { group: FieldGroup; fields: FieldDef[] }[] = (() => {
  const groups = new Map<FieldGroup, FieldDef[]>();
  for (const f of fieldDefs) groups.set(f.group, [...(groups.get(f.group) ?? []), f]);
  return [...groups].map(([group, fields]) => ({ group, fields }));
})();
