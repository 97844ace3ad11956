import { FilterError } from './filter-error';

export type TokenKind = 'word' | 'string' | 'punct' | 'eof';

/**
 * One token. A `word` is a run of letters, digits and `_ . : / -`: a field
 * name, an operator word (and, eq, contains…), a number, an address, a CIDR
 * block or a bare string. What it means depends on where it stands and on the
 * field's type, which only the parser knows (Wireshark reads literals the same
 * way). `value` is a string's decoded text; for other tokens it is `text`.
 */
export interface Token {
  kind: TokenKind;
  text: string;
  value: string;
  position: number;
  length: number;
}

// Longest first, so "==" is not read as "=" "=" and "!=" not as "!" "=".
const PUNCTUATION = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '(', ')', '{', '}', ','];
const WORD_CHAR = /[\p{L}\p{N}_.:/-]/u;
const HINTS: Record<string, string> = { '=': ' (use "==" to compare)', '&': ' (use "&&" or "and")', '|': ' (use "||" or "or")', "'": ' (strings are in double quotes)' };

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A double-quoted string starting at `start`, with Wireshark's escapes \" \\
 * \n \t \r and \xNN. \xNN is a byte, so "\xc3\xa9" is "é": the string is
 * assembled as UTF-8 bytes and decoded once, refusing bytes that are not UTF-8.
 */
function readString(src: string, start: number): Token {
  const bytes: number[] = [];
  let i = start + 1;
  while (i < src.length) {
    const c = src[i];
    if (c === '"') {
      let value: string;
      try {
        value = strictUtf8.decode(new Uint8Array(bytes));
      } catch {
        throw new FilterError('string is not valid UTF-8 (check its \\x escapes)', start, i + 1 - start);
      }
      return { kind: 'string', text: src.slice(start, i + 1), value, position: start, length: i + 1 - start };
    }
    if (c !== '\\') {
      const cp = src.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      bytes.push(...utf8.encode(ch));
      i += ch.length;
      continue;
    }
    const e = src[i + 1];
    const simple: Record<string, number> = { '"': 0x22, '\\': 0x5c, n: 0x0a, t: 0x09, r: 0x0d };
    if (e !== undefined && e in simple) {
      bytes.push(simple[e]);
      i += 2;
    } else if (e === 'x' && /^[0-9a-fA-F]{2}$/.test(src.slice(i + 2, i + 4))) {
      bytes.push(parseInt(src.slice(i + 2, i + 4), 16));
      i += 4;
    } else if (e === 'x') {
      const digits = /^[0-9a-fA-F]?/.exec(src.slice(i + 2))![0].length;
      throw new FilterError('"\\x" needs two hex digits', i, 2 + digits);
    } else if (e === undefined) {
      break;
    } else {
      throw new FilterError(`unknown escape "\\${e}" (use \\", \\\\, \\n, \\t, \\r or \\xNN)`, i, 2);
    }
  }
  throw new FilterError('unterminated string', start, 1);
}

/** Splits a filter into tokens, ending with one `eof` token at the end of the text. */
export function lex(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"') {
      const t = readString(src, i);
      tokens.push(t);
      i += t.length;
      continue;
    }
    const p = PUNCTUATION.find((s) => src.startsWith(s, i));
    if (p) {
      tokens.push({ kind: 'punct', text: p, value: p, position: i, length: p.length });
      i += p.length;
      continue;
    }
    if (WORD_CHAR.test(c)) {
      let j = i + 1;
      while (j < src.length && WORD_CHAR.test(src[j])) j++;
      const text = src.slice(i, j);
      tokens.push({ kind: 'word', text, value: text, position: i, length: j - i });
      i = j;
      continue;
    }
    const ch = String.fromCodePoint(src.codePointAt(i)!);
    throw new FilterError(`unexpected character "${ch}"${HINTS[ch] ?? ''}`, i, ch.length);
  }
  tokens.push({ kind: 'eof', text: '', value: '', position: src.length, length: 0 });
  return tokens;
}
