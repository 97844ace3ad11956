import type { ImportFilterInput } from '../../../shared/domain/import-filter';
import { labelProblem } from '../../../shared/labels/label-path';
import { parseAddressBlock } from '../../../shared/net/address-block';

/** The import form's fields as typed. */
export interface ImportFields {
  ipOnly: boolean;
  exclude: string;
  only: string;
  label: string;
}

export const noImportOptions: ImportFields = { ipOnly: false, exclude: '', only: '', label: '' };

/** Addresses or CIDR blocks separated by commas or spaces, as the CLI's --exclude takes them. */
function addresses(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

/** The ingest.start options the fields ask for, or the first thing wrong with them. */
export function importOptions(f: ImportFields): { filter?: ImportFilterInput; label?: string } | { problem: string } {
  const exclude = addresses(f.exclude);
  const only = addresses(f.only);
  for (const [what, list] of [['Exclude', exclude], ['Only hosts', only]] as const) {
    const bad = list.find((a) => parseAddressBlock(a) === null);
    if (bad) return { problem: `${what}: "${bad}" is not an IPv4/IPv6 address or CIDR block` };
  }
  const label = f.label.trim();
  const problem = label ? labelProblem(label) : null;
  if (problem) return { problem: `Label: ${problem}` };
  const filtered = f.ipOnly || exclude.length > 0 || only.length > 0;
  return { ...(filtered && { filter: { ipOnly: f.ipOnly, exclude, only } }), ...(label && { label }) };
}
