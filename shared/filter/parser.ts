import type { CompareOp, FilterAst, FilterValue } from './ast';
import { FilterError, type FilterErrorInfo } from './filter-error';
import { filterField, filterFieldNames, type FilterField } from './filter-fields';
import { filterRegExp } from './filter-regex';
import { fieldValue } from './filter-values';
import { lex, type Token } from './lexer';
import { nearestName } from './nearest-name';

export type ParseResult = { ok: true; ast: FilterAst } | { ok: false; error: FilterErrorInfo };

const COMPARE: Record<string, CompareOp> = { '==': 'eq', eq: 'eq', '!=': 'ne', ne: 'ne', '<': 'lt', lt: 'lt', '<=': 'le', le: 'le', '>': 'gt', gt: 'gt', '>=': 'ge', ge: 'ge' };
const OPERATOR_WORDS = new Set(['and', 'or', 'not', 'in', 'contains', 'matches', 'eq', 'ne', 'lt', 'le', 'gt', 'ge']);

/**
 * Recursive descent over Wireshark's display filter grammar, restricted to
 * flow fields:
 *
 *   or      := and (("or" | "||") and)*
 *   and     := unary (("and" | "&&") unary)*
 *   unary   := ("not" | "!") unary | "(" or ")" | test
 *   test    := field [op value | "contains" value | "matches" value | ["not"] "in" set]
 *   set     := "{" value ([","] value)* "}"
 *
 * so not binds tighter than and, and tighter than or. Values are type-checked
 * against the field here, so a filter that parses also compiles.
 */
class Parser {
  private readonly tokens: Token[];
  private i = 0;

  constructor(src: string) {
    this.tokens = lex(src);
  }

  parse(): FilterAst {
    if (this.peek().kind === 'eof') return { kind: 'all' };
    const ast = this.or();
    const t = this.peek();
    if (t.kind === 'eof') return ast;
    if (t.text === ')') throw this.error(t, 'unmatched ")"');
    throw this.error(t, `expected "and", "or" or the end of the filter, found ${shown(t)}`);
  }

  private or(): FilterAst {
    const operands = [this.and()];
    while (this.isWord('or') || this.isPunct('||')) operands.push(this.and(this.next()));
    return operands.length === 1 ? operands[0] : { kind: 'or', operands };
  }

  private and(after?: Token): FilterAst {
    const operands = [this.unary(after)];
    while (this.isWord('and') || this.isPunct('&&')) operands.push(this.unary(this.next()));
    return operands.length === 1 ? operands[0] : { kind: 'and', operands };
  }

  /** `after` is the operator before this operand, named when the operand is missing. */
  private unary(after?: Token): FilterAst {
    const t = this.peek();
    if (this.isWord('not') || this.isPunct('!')) return { kind: 'not', operand: this.unary(this.next()) };
    if (this.isPunct('(')) {
      const open = this.next();
      const inner = this.or();
      if (!this.isPunct(')')) {
        if (this.peek().kind === 'eof') throw this.error(open, 'unclosed "("');
        throw this.error(this.peek(), `expected ")" or an operator, found ${shown(this.peek())}`);
      }
      this.next();
      return inner;
    }
    if (t.kind === 'word' && !OPERATOR_WORDS.has(t.text)) return this.test();
    if (t.kind === 'eof' && after) throw this.error(after, `expected a field or "(" after "${after.text}"`);
    throw this.error(t, `expected a field name, found ${shown(t)}`);
  }

  private test(): FilterAst {
    const nameToken = this.next();
    const field = this.field(nameToken);
    const t = this.peek();
    const op = t.kind === 'punct' || t.kind === 'word' ? COMPARE[t.text] : undefined;
    if (op) {
      this.next();
      if (field.kind === 'address' && op !== 'eq' && op !== 'ne') throw this.error(t, `"${t.text}" does not apply to addresses ("${field.name}"); use == or a CIDR block`);
      return { kind: 'compare', field: field.name, op, value: fieldValue(field, this.value(t)) };
    }
    if (this.isWord('contains') || this.isWord('matches')) return this.textTest(field, this.next());
    if (this.isWord('in')) return this.set(field, this.next(), false);
    if (this.isWord('not') && this.tokens[this.i + 1].kind === 'word' && this.tokens[this.i + 1].text === 'in') {
      this.next();
      return this.set(field, this.next(), true);
    }
    return { kind: 'present', field: field.name };
  }

  private field(t: Token): FilterField {
    const field = filterField(t.text);
    if (field) return field;
    const guess = nearestName(t.text, filterFieldNames);
    throw this.error(t, `unknown field "${t.text}"${guess ? ` (did you mean "${guess}"?)` : ''}`);
  }

  private textTest(field: FilterField, op: Token): FilterAst {
    if (field.kind === 'number') throw this.error(op, `"${op.text}" needs a text or address field; "${field.name}" is a number field`);
    const v = this.value(op);
    if (op.text === 'contains') return { kind: 'contains', field: field.name, value: v.value };
    try {
      filterRegExp(v.value);
    } catch (err) {
      // V8 says "Invalid regular expression: /(/: Unterminated group"; keep the reason only.
      const reason = (err as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
      throw this.error(v, `invalid regular expression: ${reason}`);
    }
    return { kind: 'matches', field: field.name, pattern: v.value };
  }

  /** Wireshark 4 accepts members separated by spaces or commas: {80 443} and {80, 443}. */
  private set(field: FilterField, op: Token, negated: boolean): FilterAst {
    if (!this.isPunct('{')) throw this.error(this.peek().kind === 'eof' ? op : this.peek(), `expected "{" after "${op.text}"`);
    const open = this.next();
    const values: FilterValue[] = [fieldValue(field, this.value(open))];
    for (;;) {
      if (this.isPunct('}')) break;
      if (this.peek().kind === 'eof') throw this.error(open, 'unclosed "{"');
      const sep = this.isPunct(',') ? this.next() : undefined;
      values.push(fieldValue(field, this.value(sep ?? open)));
    }
    this.next();
    return { kind: 'in', field: field.name, values, negated };
  }

  /** A value token (word or string) after `after`. */
  private value(after: Token): Token {
    const t = this.peek();
    // An operator word here means the value is missing ("sni == and …"); quote it to mean the word.
    if (t.kind === 'string' || (t.kind === 'word' && !OPERATOR_WORDS.has(t.text))) return this.next();
    if (t.kind === 'eof') throw this.error(after, `expected a value after "${after.text}"`);
    if (after.text === '{' && t.text === '}') throw this.error(t, 'empty set "{}"');
    throw this.error(t, `expected a value after "${after.text}", found ${shown(t)}`);
  }

  private peek(): Token {
    return this.tokens[this.i];
  }

  private next(): Token {
    return this.tokens[this.i++];
  }

  private isWord(w: string): boolean {
    const t = this.peek();
    return t.kind === 'word' && t.text === w;
  }

  private isPunct(p: string): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.text === p;
  }

  private error(t: Token, message: string): FilterError {
    return new FilterError(message, t.position, t.length);
  }
}

const shown = (t: Token): string => (t.kind === 'eof' ? 'the end of the filter' : t.kind === 'string' ? 'a string' : `"${t.text}"`);

/** Parses a display filter; empty or blank text is no filter (`{ kind: 'all' }`). */
export function parseFilter(text: string): ParseResult {
  try {
    return { ok: true, ast: new Parser(text).parse() };
  } catch (err) {
    if (err instanceof FilterError) return { ok: false, error: err.info() };
    throw err;
  }
}
