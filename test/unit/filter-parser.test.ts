import { describe, expect, it } from 'vitest';
import { flowFields } from '../../shared/fields';
import { filterFields, parseFilter, type FilterAst } from '../../shared/filter';

function ast(text: string): FilterAst {
  const r = parseFilter(text);
  if (!r.ok) throw new Error(`${text}: ${r.error.message} at ${r.error.position}`);
  return r.ast;
}

function error(text: string): { message: string; position: number; length: number } {
  const r = parseFilter(text);
  if (r.ok) throw new Error(`${text} parsed`);
  return r.error;
}

const num = (value: number) => ({ kind: 'number', value }) as const;
const txt = (value: string) => ({ kind: 'text', value }) as const;
const addr = (address: string, prefix: number | null = null) => ({ kind: 'address', address, prefix }) as const;
const present = (field: string): FilterAst => ({ kind: 'present', field });

describe('display filter parser', () => {
  it('reads empty and blank text as no filter', () => {
    expect(ast('')).toEqual({ kind: 'all' });
    expect(ast(' \t\n ')).toEqual({ kind: 'all' });
  });

  it('reads every comparison operator, as symbol and as word', () => {
    const ops = [['==', 'eq'], ['!=', 'ne'], ['<', 'lt'], ['<=', 'le'], ['>', 'gt'], ['>=', 'ge']] as const;
    for (const [symbol, word] of ops) {
      const expected = { kind: 'compare', field: 'bytes', op: word, value: num(1500) };
      expect(ast(`bytes ${symbol} 1500`)).toEqual(expected);
      expect(ast(`bytes ${word} 1500`)).toEqual(expected);
      expect(ast(`bytes${symbol}1500`)).toEqual(expected);
    }
  });

  it('reads contains and matches, keeping a (?i) prefix for the matcher', () => {
    expect(ast('sni contains "google"')).toEqual({ kind: 'contains', field: 'sni', value: 'google' });
    expect(ast('http.host contains example')).toEqual({ kind: 'contains', field: 'http.host', value: 'example' });
    expect(ast('sni matches "^www\\\\.[a-z]+\\\\.org$"')).toEqual({ kind: 'matches', field: 'sni', pattern: '^www\\.[a-z]+\\.org$' });
    expect(ast('sni matches "(?i)GOOGLE"')).toEqual({ kind: 'matches', field: 'sni', pattern: '(?i)GOOGLE' });
    expect(ast('ip.src contains "192.168."')).toEqual({ kind: 'contains', field: 'ip.src', value: '192.168.' });
  });

  it('reads sets with spaces or commas, and not in', () => {
    const expected = { kind: 'in', field: 'port', values: [num(80), num(443), num(8080)], negated: false };
    expect(ast('port in {80 443 8080}')).toEqual(expected);
    expect(ast('port in {80, 443, 8080}')).toEqual(expected);
    expect(ast('port in {80,443 8080}')).toEqual(expected);
    expect(ast('port not in {80 443 8080}')).toEqual({ ...expected, negated: true });
    expect(ast('app in {DNS, "HTTP", HTTPS}')).toEqual({ kind: 'in', field: 'app', values: [txt('DNS'), txt('HTTP'), txt('HTTPS')], negated: false });
    expect(ast('ip.addr in {10.0.0.1 192.168.0.0/16 ::1}')).toEqual({ kind: 'in', field: 'ip.addr', values: [addr('10.0.0.1'), addr('192.168.0.0', 16), addr('::1')], negated: false });
  });

  it('binds not tighter than and, and and tighter than or (Wireshark)', () => {
    const [a, b, c] = [present('sni'), present('ja3'), present('ja4')];
    expect(ast('sni or ja3 and ja4')).toEqual({ kind: 'or', operands: [a, { kind: 'and', operands: [b, c] }] });
    expect(ast('sni and ja3 or ja4')).toEqual({ kind: 'or', operands: [{ kind: 'and', operands: [a, b] }, c] });
    expect(ast('not sni and ja3')).toEqual({ kind: 'and', operands: [{ kind: 'not', operand: a }, b] });
    expect(ast('!sni || ja3 && !ja4')).toEqual({ kind: 'or', operands: [{ kind: 'not', operand: a }, { kind: 'and', operands: [b, { kind: 'not', operand: c }] }] });
    expect(ast('(sni or ja3) and ja4')).toEqual({ kind: 'and', operands: [{ kind: 'or', operands: [a, b] }, c] });
    expect(ast('sni and ja3 and ja4')).toEqual({ kind: 'and', operands: [a, b, c] });
    expect(ast('not not sni')).toEqual({ kind: 'not', operand: { kind: 'not', operand: a } });
    expect(ast('not bytes > 10')).toEqual({ kind: 'not', operand: { kind: 'compare', field: 'bytes', op: 'gt', value: num(10) } });
  });

  it('decodes strings with \\" \\\\ \\n \\t \\r and \\xNN (bytes of UTF-8)', () => {
    expect(ast('sni == "a\\"b\\\\c\\nd\\te\\rf\\x41"')).toEqual({ kind: 'compare', field: 'sni', op: 'eq', value: txt('a"b\\c\nd\te\rfA') });
    expect(ast('sni == "caf\\xc3\\xa9"')).toEqual({ kind: 'compare', field: 'sni', op: 'eq', value: txt('café') });
    expect(ast('sni == "café ☕"')).toEqual({ kind: 'compare', field: 'sni', op: 'eq', value: txt('café ☕') });
    expect(ast('sni == ""')).toEqual({ kind: 'compare', field: 'sni', op: 'eq', value: txt('') });
  });

  it('reads bare words as strings for text fields, numbers for number fields', () => {
    expect(ast('proto == tcp')).toEqual({ kind: 'compare', field: 'proto', op: 'eq', value: txt('tcp') });
    expect(ast('app == DNS')).toEqual({ kind: 'compare', field: 'app', op: 'eq', value: txt('DNS') });
    expect(ast('tls_cipher == 0x1301')).toEqual({ kind: 'compare', field: 'tls_cipher', op: 'eq', value: txt('0x1301') });
    expect(ast('dns.query == www.example-1.com')).toEqual({ kind: 'compare', field: 'dns.query', op: 'eq', value: txt('www.example-1.com') });
    expect(ast('duration >= 1.5')).toEqual({ kind: 'compare', field: 'duration', op: 'ge', value: num(1.5) });
    expect(ast('duration < .25')).toEqual({ kind: 'compare', field: 'duration', op: 'lt', value: num(0.25) });
    expect(ast('fwd_iat_mean > 1e-3')).toEqual({ kind: 'compare', field: 'fwd_iat_mean', op: 'gt', value: num(0.001) });
    expect(ast('src_port == 0x1bb')).toEqual({ kind: 'compare', field: 'src_port', op: 'eq', value: num(443) });
    expect(ast('bytes > -1')).toEqual({ kind: 'compare', field: 'bytes', op: 'gt', value: num(-1) });
  });

  it('reads IPv4 and IPv6 addresses and CIDR blocks for address fields', () => {
    expect(ast('ip.src == 10.1.2.3')).toEqual({ kind: 'compare', field: 'ip.src', op: 'eq', value: addr('10.1.2.3') });
    expect(ast('ip.addr == 10.0.0.0/8')).toEqual({ kind: 'compare', field: 'ip.addr', op: 'eq', value: addr('10.0.0.0', 8) });
    expect(ast('ip.src == 2001:db8::/32')).toEqual({ kind: 'compare', field: 'ip.src', op: 'eq', value: addr('2001:db8::', 32) });
    expect(ast('ip.dst != fe80::1')).toEqual({ kind: 'compare', field: 'ip.dst', op: 'ne', value: addr('fe80::1') });
    expect(ast('ip.addr == ::ffff:10.0.0.1')).toEqual({ kind: 'compare', field: 'ip.addr', op: 'eq', value: addr('::ffff:10.0.0.1') });
    expect(ast('ip.addr == "192.168.1.1"')).toEqual({ kind: 'compare', field: 'ip.addr', op: 'eq', value: addr('192.168.1.1') });
    expect(ast('src_ip == 0.0.0.0/0')).toEqual({ kind: 'compare', field: 'src_ip', op: 'eq', value: addr('0.0.0.0', 0) });
    expect(ast('ip.addr==::')).toEqual({ kind: 'compare', field: 'ip.addr', op: 'eq', value: addr('::') });
  });

  it('reads a bare field as "present"', () => {
    expect(ast('sni')).toEqual(present('sni'));
    expect(ast('!sni')).toEqual({ kind: 'not', operand: present('sni') });
    expect(ast('tcp.port')).toEqual(present('tcp.port'));
    expect(ast('http.host and !dns.query')).toEqual({ kind: 'and', operands: [present('http.host'), { kind: 'not', operand: present('dns.query') }] });
  });

  it('knows every registry field by its own name, the Wireshark names, and label, prediction, confidence', () => {
    for (const f of flowFields) expect(ast(f.name)).toEqual(present(f.name));
    for (const f of filterFields) expect(ast(f.name)).toEqual(present(f.name));
    for (const n of ['ip.addr', 'ip.src', 'ip.dst', 'port', 'tcp.port', 'udp.port', 'proto', 'sni', 'app', 'ja3', 'ja4', 'http.host', 'dns.query', 'bytes', 'packets', 'duration', 'conn_state', 'termination', 'label', 'prediction', 'confidence']) {
      expect(filterFields.map((f) => f.name)).toContain(n);
    }
    expect(ast('label == "web/browsing"')).toEqual({ kind: 'compare', field: 'label', op: 'eq', value: txt('web/browsing') });
    expect(ast('confidence >= 0.9')).toEqual({ kind: 'compare', field: 'confidence', op: 'ge', value: num(0.9) });
  });

  it('points at the offending token with a message', () => {
    const cases: [string, string, number, number][] = [
      ['bytez > 10', 'unknown field "bytez" (did you mean "bytes"?)', 0, 5],
      ['sni and fwd_iat_maen < 1', 'unknown field "fwd_iat_maen" (did you mean "fwd_iat_mean"?)', 8, 12],
      ['zzzzzz', 'unknown field "zzzzzz"', 0, 6],
      ['sni ==', 'expected a value after "=="', 4, 2],
      ['sni == and ja3', 'expected a value after "==", found "and"', 7, 3],
      ['(sni and ja3', 'unclosed "("', 0, 1],
      ['sni and (ja3 or (ja4)', 'unclosed "("', 8, 1],
      ['sni)', 'unmatched ")"', 3, 1],
      ['sni ja3', 'expected "and", "or" or the end of the filter, found "ja3"', 4, 3],
      ['sni and', 'expected a field or "(" after "and"', 4, 3],
      ['not', 'expected a field or "(" after "not"', 0, 3],
      ['== 3', 'expected a field name, found "=="', 0, 2],
      ['"bytes; DROP TABLE flows" == 1', 'expected a field name, found a string', 0, 25],
      ['bytes; DROP TABLE flows', 'unexpected character ";"', 5, 1],
      ['bytes = 3', 'unexpected character "=" (use "==" to compare)', 6, 1],
      ["sni == 'x'", 'unexpected character "\'" (strings are in double quotes)', 7, 1],
      ['bytes == "10"', 'expected a number for "bytes", found a string', 9, 4],
      ['bytes > big', 'expected a number for "bytes", found "big"', 8, 3],
      ['bytes contains 10', '"contains" needs a text or address field; "bytes" is a number field', 6, 8],
      ['duration matches "1"', '"matches" needs a text or address field; "duration" is a number field', 9, 7],
      ['sni == 10.0.0.0/8', '"10.0.0.0/8" is an address block, but "sni" is not an address field (ip.addr, ip.src, ip.dst)', 7, 10],
      ['port == 10.0.0.0/8', '"10.0.0.0/8" is an address block, but "port" is not an address field (ip.addr, ip.src, ip.dst)', 8, 10],
      ['ip.src == 10.0.0.256', 'invalid address "10.0.0.256" for "ip.src"', 10, 10],
      ['ip.addr == 2001:db8:::1', 'invalid address "2001:db8:::1" for "ip.addr"', 11, 12],
      ['ip.addr == example.com', 'invalid address "example.com" for "ip.addr"', 11, 11],
      ['ip.addr == 10.0.0.0/33', 'invalid prefix length "/33" (IPv4 allows 0 to 32)', 11, 11],
      ['ip.addr == 2001:db8::/129', 'invalid prefix length "/129" (IPv6 allows 0 to 128)', 11, 14],
      ['ip.src > 10.0.0.1', '">" does not apply to addresses ("ip.src"); use == or a CIDR block', 7, 1],
      ['sni matches "(unclosed"', 'invalid regular expression: Unterminated group', 12, 11],
      ['sni matches "a{2,1}"', 'invalid regular expression: numbers out of order in {} quantifier', 12, 8],
      ['sni == "abc', 'unterminated string', 7, 1],
      ['sni == "a\\qb"', 'unknown escape "\\q" (use \\", \\\\, \\n, \\t, \\r or \\xNN)', 9, 2],
      ['sni == "\\x4"', '"\\x" needs two hex digits', 8, 3],
      ['sni == "\\xff"', 'string is not valid UTF-8 (check its \\x escapes)', 7, 6],
      ['port in 80', 'expected "{" after "in"', 8, 2],
      ['port in {}', 'empty set "{}"', 9, 1],
      ['port in {80, }', 'expected a value after ",", found "}"', 13, 1],
      ['port in {80 443', 'unclosed "{"', 8, 1],
      ['port in {80 abc}', 'expected a number for "port", found "abc"', 12, 3],
    ];
    for (const [text, message, position, length] of cases) expect({ text, ...error(text) }).toEqual({ text, message, position, length });
  });
});
