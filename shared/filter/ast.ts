/**
 * The parsed display filter. Plain data (no classes, no byte arrays), so it can
 * be logged, compared in tests and sent across processes; fields are named as
 * typed (`ip.addr`, `fwd_iat_mean`) and resolved through filter-fields.ts.
 */

export type CompareOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

export type FilterValue =
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  /** An address as typed (already validated), with its CIDR prefix length, or null for one address. */
  | { kind: 'address'; address: string; prefix: number | null };

export type FilterAst =
  /** No filter (empty text): every flow. */
  | { kind: 'all' }
  | { kind: 'and'; operands: FilterAst[] }
  | { kind: 'or'; operands: FilterAst[] }
  | { kind: 'not'; operand: FilterAst }
  /** A bare field: the flow has a value for it. */
  | { kind: 'present'; field: string }
  | { kind: 'compare'; field: string; op: CompareOp; value: FilterValue }
  /** Case-sensitive substring. */
  | { kind: 'contains'; field: string; value: string }
  /** JavaScript regular expression as typed; a leading "(?i)" makes it case-insensitive (filter-regex.ts). */
  | { kind: 'matches'; field: string; pattern: string }
  | { kind: 'in'; field: string; values: FilterValue[]; negated: boolean };
