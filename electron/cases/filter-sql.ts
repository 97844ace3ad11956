import type { CompareOp, FilterAst, FilterValue } from '../../shared/filter/ast';
import { filterField, type FilterField } from '../../shared/filter/filter-fields';
import { filterRegExp } from '../../shared/filter/filter-regex';
import { FilterCompileError } from './filter-compile-error';
import { addressPredicate, addressSetPredicate } from './filter-sql-address';
import { checkedColumn, virtualColumnSql } from './filter-sql-columns';

export type SqlParam = string | number | Uint8Array;

/** A WHERE expression over `flows` and its positional parameters. */
export interface CompiledFilter {
  where: string;
  params: SqlParam[];
  /** Columns the filter compares, in first-use order (to index them on demand). */
  columns: string[];
}

export interface CompileOptions {
  /** Columns the case's flows table has (flowTableColumns); others compile to NULL and match nothing. Default: all. */
  existingColumns?: ReadonlySet<string>;
}

const SQL_OP: Record<CompareOp, string> = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' };
const PROTO_TEST: Record<'tcp' | 'udp', string> = { tcp: "proto = 'tcp'", udp: "proto = 'udp'" };

/**
 * Builds the SQL text from fixed fragments and checked column names only;
 * every value the user typed goes into `params` and appears as `?`.
 */
class SqlBuilder {
  readonly params: SqlParam[] = [];
  readonly columns: string[] = [];

  constructor(private readonly existing: ReadonlySet<string> | undefined) {}

  col(name: string): string {
    const c = checkedColumn(name);
    if (this.existing && !this.existing.has(c)) return 'NULL';
    // A lookup, not a column: nothing to index.
    const lookup = virtualColumnSql(c);
    if (lookup) return lookup;
    if (!this.columns.includes(c)) this.columns.push(c);
    return c;
  }

  bind = (v: SqlParam): string => {
    this.params.push(v);
    return '?';
  };
}

const any = (parts: string[]): string => (parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`);
const all = (parts: string[]): string => (parts.length === 1 ? parts[0] : `(${parts.join(' AND ')})`);

function fieldOf(name: string): FilterField {
  const f = filterField(name);
  if (!f) throw new FilterCompileError(`unknown filter field ${JSON.stringify(name)}`);
  return f;
}

/** The scalar to bind for a number or text field, refusing a value of the other kind. */
function scalar(field: FilterField, v: FilterValue): string | number {
  if (field.kind === 'number' && v.kind === 'number' && Number.isFinite(v.value)) return v.value;
  if (field.kind === 'text' && v.kind === 'text' && typeof v.value === 'string') return v.value;
  throw new FilterCompileError(`"${field.name}" cannot be compared with a ${v.kind} value`);
}

function address(field: FilterField, v: FilterValue): Extract<FilterValue, { kind: 'address' }> {
  if (v.kind !== 'address') throw new FilterCompileError(`"${field.name}" needs an address, not a ${v.kind} value`);
  return v;
}

/**
 * A test on one field. Fields with two columns match when either does, except
 * `!=` and `not in`, which need both to differ (Wireshark ≥ 3.6: `a != b` is
 * `!(a == b)` over the values present). A field limited to one transport is
 * absent elsewhere: `tcp.port != 80` does not match a UDP flow.
 */
function fieldTest(node: Exclude<FilterAst, { kind: 'all' | 'and' | 'or' | 'not' }>, b: SqlBuilder): string {
  const field = fieldOf(node.field);
  const cols = () => field.columns.map((c) => b.col(c));
  let sql: string;
  switch (node.kind) {
    case 'present':
      sql = any(cols().map((c) => `${c} IS NOT NULL`));
      break;
    case 'compare': {
      if (!Object.hasOwn(SQL_OP, node.op)) throw new FilterCompileError(`unknown operator ${JSON.stringify(node.op)}`);
      const negated = node.op === 'ne';
      if (field.kind === 'address') {
        if (node.op !== 'eq' && node.op !== 'ne') throw new FilterCompileError(`addresses compare with == and != only`);
        const v = address(field, node.value);
        const parts = cols().map((c) => addressPredicate(c, v, b.bind, negated));
        sql = negated ? all(parts) : any(parts);
      } else {
        const v = scalar(field, node.value);
        const parts = cols().map((c) => `${c} ${SQL_OP[node.op]} ${b.bind(v)}`);
        sql = negated ? all(parts) : any(parts);
      }
      break;
    }
    case 'contains':
    case 'matches': {
      if (field.kind === 'number' || typeof (node.kind === 'contains' ? node.value : node.pattern) !== 'string') throw new FilterCompileError(`"${node.kind}" needs a text field`);
      const text = (field.textColumns ?? field.columns).map((c) => b.col(c));
      if (node.kind === 'contains') {
        sql = any(text.map((c) => `instr(${c}, ${b.bind(node.value)}) > 0`));
      } else {
        try {
          filterRegExp(node.pattern); // an invalid pattern fails here, not inside SQLite
        } catch (err) {
          throw new FilterCompileError(`invalid regular expression: ${(err as Error).message}`);
        }
        sql = any(text.map((c) => `${c} REGEXP ${b.bind(node.pattern)}`));
      }
      break;
    }
    case 'in': {
      if (node.values.length === 0) throw new FilterCompileError('empty set');
      let parts: string[];
      if (field.kind === 'address') {
        const vs = node.values.map((v) => address(field, v));
        parts = cols().map((c) => addressSetPredicate(c, vs, b.bind, node.negated));
      } else {
        const vs = node.values.map((v) => scalar(field, v));
        parts = cols().map((c) => `${c} ${node.negated ? 'NOT IN' : 'IN'} (${vs.map((v) => b.bind(v)).join(', ')})`);
      }
      sql = node.negated ? all(parts) : any(parts);
      break;
    }
    default:
      throw new FilterCompileError(`unknown filter node ${JSON.stringify((node as { kind: unknown }).kind)}`);
  }
  if (!field.proto) return sql;
  const proto = PROTO_TEST[field.proto];
  if (!proto) throw new FilterCompileError(`unknown transport ${JSON.stringify(field.proto)}`);
  b.col('proto');
  return `(${proto} AND ${sql})`;
}

function node(ast: FilterAst, b: SqlBuilder): string {
  switch (ast.kind) {
    case 'all':
      return '1';
    case 'and':
    case 'or':
      if (ast.operands.length === 0) throw new FilterCompileError(`empty "${ast.kind}"`);
      return (ast.kind === 'and' ? all : any)(ast.operands.map((o) => node(o, b)));
    case 'not':
      // A test on a missing value is NULL in SQL, and NOT NULL stays NULL; Wireshark
      // counts it false, so !(sni == "x") must match flows without an SNI: NULL → 0
      // first. Doing it here is enough: AND and OR are monotone, so a NULL under them
      // decides the result exactly as a false would, once mapped at the NOT (or WHERE).
      return `NOT IFNULL(${node(ast.operand, b)}, 0)`;
    default:
      return fieldTest(ast, b);
  }
}

/**
 * Compiles a parsed filter to a WHERE expression over `flows`. Missing values:
 * every test on a field the flow lacks is false, `!=` and `not in` included
 * (Wireshark: an absent field matches no comparison); `!(…)` of such a test is
 * true. Text comparisons are exact and case-sensitive; `matches` runs the
 * `regexp` SQL function registered by openCaseDb.
 */
export function compileFilter(ast: FilterAst, opts: CompileOptions = {}): CompiledFilter {
  const b = new SqlBuilder(opts.existingColumns);
  const where = node(ast, b);
  return { where, params: b.params, columns: b.columns };
}
