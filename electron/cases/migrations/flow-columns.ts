import { flowFields, type FieldDef } from '../../../shared/fields';

const sqlType: Record<FieldDef['type'], string> = { int: 'INTEGER', real: 'REAL', text: 'TEXT' };

/** Column definitions for the registry fields a schema version introduces. */
export function flowColumnsSince(version: number): string[] {
  return flowFields.filter((f: FieldDef) => f.since === version && f.name !== 'id').map((f: FieldDef) => `${f.name} ${sqlType[f.type]}`);
}
