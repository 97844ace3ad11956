import { BlockList } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCaseDb, type CaseDb } from '../../electron/cases/case-db';
import { DirectCaseWriter } from '../../electron/cases/case-writer';
import { FilterCompileError } from '../../electron/cases/filter-compile-error';
import { flowCount, flowPage, iterateFlows } from '../../electron/cases/flow-reader';
import { compileFilter, type CompileOptions, type CompiledFilter } from '../../electron/cases/filter-sql';
import { flowTableColumns } from '../../electron/cases/filter-sql-columns';
import { ingestFiles } from '../../electron/ingest/ingest-files';
import { parseFilter, type FilterAst } from '../../shared/filter';
import { ipKey, ipKeyBlock } from '../../shared/net/ip-key';
import { corpus } from '../support/corpus';
import { tempDir } from '../support/tmp';

function parsed(text: string): FilterAst {
  const r = parseFilter(text);
  if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
  return r.ast;
}

const compile = (text: string, opts?: CompileOptions): CompiledFilter => compileFilter(parsed(text), opts);
const key = (a: string) => ipKey(a)!;
const block = (a: string, p: number) => ipKeyBlock(a, p)!;

describe('compileFilter: SQL text and parameters', () => {
  const cases: [string, string, unknown[], string[]][] = [
    ['', '1', [], []],
    ['ip.src == 10.1.2.3', 'src_ip_key = ?', [key('10.1.2.3')], ['src_ip_key']],
    ['ip.addr == 10.0.0.0/8', '(src_ip_key BETWEEN ? AND ? OR dst_ip_key BETWEEN ? AND ?)', [block('10.0.0.0', 8).first, block('10.0.0.0', 8).last, block('10.0.0.0', 8).first, block('10.0.0.0', 8).last], ['src_ip_key', 'dst_ip_key']],
    ['ip.src == 2001:db8::/32', 'src_ip_key BETWEEN ? AND ?', [block('2001:db8::', 32).first, block('2001:db8::', 32).last], ['src_ip_key']],
    // Wider than ::ffff:0:0/96: IPv6 only, the IPv4 keys cut out.
    ['ip.dst == ::/0', '(dst_ip_key BETWEEN ? AND ? AND dst_ip_key NOT BETWEEN ? AND ?)', [block('::', 0).first, block('::', 0).last, key('0.0.0.0'), key('255.255.255.255')], ['dst_ip_key']],
    ['ip.dst == ::ffff:0:0/96', 'dst_ip_key BETWEEN ? AND ?', [key('0.0.0.0'), key('255.255.255.255')], ['dst_ip_key']],
    ['ip.addr != 10.0.0.1', '(src_ip_key <> ? AND dst_ip_key <> ?)', [key('10.0.0.1'), key('10.0.0.1')], ['src_ip_key', 'dst_ip_key']],
    ['ip.src != 10.0.0.0/8', 'src_ip_key NOT BETWEEN ? AND ?', [block('10.0.0.0', 8).first, block('10.0.0.0', 8).last], ['src_ip_key']],
    ['ip.src in {10.0.0.1 ::1 10.0.0.0/8}', '(src_ip_key IN (?, ?) OR src_ip_key BETWEEN ? AND ?)', [key('10.0.0.1'), key('::1'), block('10.0.0.0', 8).first, block('10.0.0.0', 8).last], ['src_ip_key']],
    ['ip.src not in {10.0.0.1, 10.0.0.2}', 'NOT (src_ip_key IN (?, ?))', [key('10.0.0.1'), key('10.0.0.2')], ['src_ip_key']],
    ['ip.src contains "192.168."', 'instr(src_ip, ?) > 0', ['192.168.'], ['src_ip']],
    ['port == 443', '(src_port = ? OR dst_port = ?)', [443, 443], ['src_port', 'dst_port']],
    ['tcp.port == 443', "(proto = 'tcp' AND (src_port = ? OR dst_port = ?))", [443, 443], ['src_port', 'dst_port', 'proto']],
    ['tcp.port != 443', "(proto = 'tcp' AND (src_port <> ? AND dst_port <> ?))", [443, 443], ['src_port', 'dst_port', 'proto']],
    ['udp.dstport == 53', "(proto = 'udp' AND dst_port = ?)", [53], ['dst_port', 'proto']],
    ['port not in {80 443}', '(src_port NOT IN (?, ?) AND dst_port NOT IN (?, ?))', [80, 443, 80, 443], ['src_port', 'dst_port']],
    ['bytes >= 1500', 'bytes >= ?', [1500], ['bytes']],
    ['duration lt 0.5', 'duration < ?', [0.5], ['duration']],
    ['proto == tcp', 'proto = ?', ['tcp'], ['proto']],
    ['sni contains "goo"', 'instr(sni, ?) > 0', ['goo'], ['sni']],
    ['sni matches "(?i)^GOO"', 'sni REGEXP ?', ['(?i)^GOO'], ['sni']],
    ['app in {DNS, HTTP}', 'app IN (?, ?)', ['DNS', 'HTTP'], ['app']],
    ['sni', 'sni IS NOT NULL', [], ['sni']],
    ['!sni', 'NOT IFNULL(sni IS NOT NULL, 0)', [], ['sni']],
    ['port', '(src_port IS NOT NULL OR dst_port IS NOT NULL)', [], ['src_port', 'dst_port']],
    ['sni and ja3 or not bytes > 10', '((sni IS NOT NULL AND ja3 IS NOT NULL) OR NOT IFNULL(bytes > ?, 0))', [10], ['sni', 'ja3', 'bytes']],
    ['http.host == "a" && dns.query != b', '(http_host = ? AND dns_query <> ?)', ['a', 'b'], ['http_host', 'dns_query']],
  ];
  it.each(cases)('%s', (text, where, params, columns) => {
    const c = compile(text);
    expect(c.where).toBe(where);
    expect(c.params.map((p) => (p instanceof Uint8Array ? Buffer.from(p).toString('hex') : p))).toEqual(params.map((p) => (p instanceof Uint8Array ? Buffer.from(p).toString('hex') : p)));
    expect(c.columns).toEqual(columns);
  });

  it('compiles columns a case does not have to NULL (no match), leaving them out of `columns`', () => {
    const existing = new Set(['sni', 'bytes']);
    expect(compile('label == "web" or sni', { existingColumns: existing })).toEqual({ where: '(NULL = ? OR sni IS NOT NULL)', params: ['web'], columns: ['sni'] });
    expect(compile('!confidence', { existingColumns: existing })).toEqual({ where: 'NOT IFNULL(NULL IS NOT NULL, 0)', params: [], columns: [] });
  });

  it('refuses an AST parseFilter would not produce, before any SQL exists', () => {
    const bad: unknown[] = [
      { kind: 'present', field: 'bytes; DROP TABLE flows' },
      { kind: 'compare', field: 'bytes', op: '= 1 OR 1', value: { kind: 'number', value: 1 } },
      { kind: 'compare', field: 'bytes', op: 'eq', value: { kind: 'text', value: '1' } },
      { kind: 'compare', field: 'bytes', op: 'eq', value: { kind: 'number', value: NaN } },
      { kind: 'compare', field: 'sni', op: 'eq', value: { kind: 'number', value: 1 } },
      { kind: 'compare', field: 'ip.src', op: 'eq', value: { kind: 'address', address: "1.2.3.4' OR 1=1", prefix: null } },
      { kind: 'compare', field: 'ip.src', op: 'lt', value: { kind: 'address', address: '1.2.3.4', prefix: null } },
      { kind: 'contains', field: 'bytes', value: '1' },
      { kind: 'matches', field: 'sni', pattern: '(' },
      { kind: 'in', field: 'sni', values: [], negated: false },
      { kind: 'and', operands: [] },
      { kind: 'drop table', field: 'sni' },
    ];
    for (const ast of bad) expect(() => compileFilter(ast as FilterAst), JSON.stringify(ast)).toThrow(FilterCompileError);
  });
});

type Flow = Record<string, string | number | null>;

/** Node's own address matcher, independent of ip-key.ts. A block matches addresses of its family only. */
function inNet(ip: string | number | null, net: string, prefix?: number): boolean {
  if (typeof ip !== 'string') return false;
  const family = net.includes(':') ? 'ipv6' : 'ipv4';
  if ((ip.includes(':') ? 'ipv6' : 'ipv4') !== family) return false;
  const list = new BlockList();
  if (prefix === undefined) list.addAddress(net, family);
  else list.addSubnet(net, prefix, family);
  return list.check(ip, family);
}

const isNum = (v: unknown): v is number => typeof v === 'number';
const isStr = (v: unknown): v is string => typeof v === 'string';
const either = (f: Flow, test: (v: string | number | null) => boolean, a: string, b: string) => test(f[a]) || test(f[b]);
const both = (f: Flow, test: (v: string | number | null) => boolean, a: string, b: string) => f[a] !== null && f[b] !== null && test(f[a]) && test(f[b]);

const INJECTED = {
  quote: "x' OR 1=1 --",
  drop: 'a" ; DROP TABLE flows; --b',
  regex: 'it\'s "quoted"',
};

/** Each filter beside a plain JavaScript reading of what it means (a missing value matches no test). */
const oracle: [string, (f: Flow) => boolean][] = [
  ['ip.addr == 192.168.2.126', (f) => f.src_ip === '192.168.2.126' || f.dst_ip === '192.168.2.126'],
  ['ip.src == 192.168.0.0/16', (f) => inNet(f.src_ip, '192.168.0.0', 16)],
  ['ip.dst == 224.0.0.0/4', (f) => inNet(f.dst_ip, '224.0.0.0', 4)],
  ['ip.addr == 2A00:D40:1:3:7AAC:C0FF:FEA7:D4C', (f) => either(f, (v) => inNet(v, '2a00:d40:1:3:7aac:c0ff:fea7:d4c'), 'src_ip', 'dst_ip')],
  ['ip.addr == fe80::/10', (f) => either(f, (v) => inNet(v, 'fe80::', 10), 'src_ip', 'dst_ip')],
  ['ip.addr == ::/0', (f) => either(f, (v) => inNet(v, '::', 0), 'src_ip', 'dst_ip')],
  ['ip.src == 0.0.0.0/0', (f) => inNet(f.src_ip, '0.0.0.0', 0)],
  ['src_ip == 10.0.0.0/8 or dst_ip == 172.16.0.0/12', (f) => inNet(f.src_ip, '10.0.0.0', 8) || inNet(f.dst_ip, '172.16.0.0', 12)],
  ['ip.addr != 192.168.2.126', (f) => both(f, (v) => v !== '192.168.2.126', 'src_ip', 'dst_ip')],
  ['ip.dst in {224.0.0.252 255.255.255.255 ff02::1:3}', (f) => ['224.0.0.252', '255.255.255.255', 'ff02::1:3'].includes(f.dst_ip as string)],
  ['ip.addr not in {10.0.0.0/8, 192.168.0.0/16}', (f) => both(f, (v) => !inNet(v, '10.0.0.0', 8) && !inNet(v, '192.168.0.0', 16), 'src_ip', 'dst_ip')],
  ['ip.src contains "192.168.1."', (f) => isStr(f.src_ip) && f.src_ip.includes('192.168.1.')],
  ['ip.addr matches "^fe80:"', (f) => either(f, (v) => isStr(v) && /^fe80:/.test(v), 'src_ip', 'dst_ip')],
  ['port == 443', (f) => f.src_port === 443 || f.dst_port === 443],
  ['tcp.port == 80', (f) => f.proto === 'tcp' && (f.src_port === 80 || f.dst_port === 80)],
  ['udp.port in {53 5355}', (f) => f.proto === 'udp' && either(f, (v) => v === 53 || v === 5355, 'src_port', 'dst_port')],
  ['tcp.port != 80', (f) => f.proto === 'tcp' && both(f, (v) => v !== 80, 'src_port', 'dst_port')],
  ['tcp.dstport == 443', (f) => f.proto === 'tcp' && f.dst_port === 443],
  ['not (tcp.port in {80 443}) and proto == tcp', (f) => f.proto === 'tcp' && !(f.src_port === 80 || f.dst_port === 80 || f.src_port === 443 || f.dst_port === 443)],
  ['src_port >= 1024 && dst_port < 1024', (f) => isNum(f.src_port) && f.src_port >= 1024 && isNum(f.dst_port) && f.dst_port < 1024],
  ['proto == udp', (f) => f.proto === 'udp'],
  ['sni', (f) => f.sni !== null],
  ['!sni', (f) => f.sni === null],
  ['sni contains "ntop"', (f) => isStr(f.sni) && f.sni.includes('ntop')],
  ['!(sni != "www.ntop.org")', (f) => !(isStr(f.sni) && f.sni !== 'www.ntop.org')],
  ['http.host matches "(?i)^CDN\\\\."', (f) => isStr(f.http_host) && /^CDN\./i.test(f.http_host)],
  ['http.host matches "\\\\.com$"', (f) => isStr(f.http_host) && /\.com$/.test(f.http_host)],
  ['!(http.host matches "\\\\.com$")', (f) => !(isStr(f.http_host) && /\.com$/.test(f.http_host))],
  ['http.host == "[FF02::C]:1900"', (f) => f.http_host === '[FF02::C]:1900'],
  ['http.host and not app == HTTP', (f) => f.http_host !== null && !(f.app === 'HTTP')],
  ['dns.query eq isatap', (f) => f.dns_query === 'isatap'],
  ['dns.query == "Joanna-PC" or dns.query == charming-PC', (f) => f.dns_query === 'Joanna-PC' || f.dns_query === 'charming-PC'],
  ['dns.query == joanna-pc', () => false],
  ['app in {DNS, HTTP, HTTPS}', (f) => ['DNS', 'HTTP', 'HTTPS'].includes(f.app as string)],
  ['app not in {LLMNR HTTP}', (f) => isStr(f.app) && !['LLMNR', 'HTTP'].includes(f.app)],
  ['app_category == video or app_category == web and not port == 80', (f) => f.app_category === 'video' || (f.app_category === 'web' && !(f.src_port === 80 || f.dst_port === 80))],
  ['bytes > 10000', (f) => (f.bytes as number) > 10000],
  ['packets <= 3', (f) => (f.packets as number) <= 3],
  ['duration ge 10.5', (f) => (f.duration as number) >= 10.5],
  ['conn_state == SF || conn_state == REJ', (f) => f.conn_state === 'SF' || f.conn_state === 'REJ'],
  ['termination != idle', (f) => isStr(f.termination) && f.termination !== 'idle'],
  ['ja3 == "799135475da362592a4be9199d258726"', (f) => f.ja3 === '799135475da362592a4be9199d258726'],
  ['ja4 contains "t12d"', (f) => isStr(f.ja4) && f.ja4.includes('t12d')],
  ['fwd_iat_mean < 0.01', (f) => isNum(f.fwd_iat_mean) && f.fwd_iat_mean < 0.01],
  ['!(fwd_iat_mean < 0.01)', (f) => !(isNum(f.fwd_iat_mean) && f.fwd_iat_mean < 0.01)],
  ['retransmissions > 0 and proto == tcp', (f) => (f.retransmissions as number) > 0 && f.proto === 'tcp'],
  ['dns_qtype == 1 && ip_version == 4', (f) => f.dns_qtype === 1 && f.ip_version === 4],
  ['tunnel == ""', (f) => f.tunnel === ''],
  ['label', () => false],
  ['!label', () => true],
  ['label == "web/browsing" or confidence > 0.5', () => false],
  [`sni == "${INJECTED.quote}"`, (f) => f.sni === INJECTED.quote],
  ['sni contains "\\" ; DROP TABLE flows; --"', (f) => isStr(f.sni) && f.sni.includes('" ; DROP TABLE flows; --')],
  ['sni matches "\'s \\"q"', (f) => isStr(f.sni) && /'s "q/.test(f.sni)],
];

describe('compiled filters against a case built from corpus captures', () => {
  const tmp = tempDir();
  let db: CaseDb;
  let flows: Flow[];
  let existingColumns: Set<string>;

  beforeAll(async () => {
    db = openCaseDb(tmp.path('filters.flowsight'), { create: true });
    const writer = new DirectCaseWriter(db, 'test');
    const files = ['1kxun.pcap', 'http_ipv6.pcap', 'dns.pcap', 'quic.pcap', 'teredo.pcap', 'google_ssl.pcap', 'tcp_scan.pcapng', 'emotet.pcap', 'ssh.pcap'].map((f) => corpus(`apps/ndpi/pcap/${f}`));
    await ingestFiles(writer, [...files, corpus('apps/zeek/workshop_2011_browse.pcap')]);
    await writer.close();
    // Values written to look like SQL, for the injection filters to find literally.
    const setSni = db.prepare('UPDATE flows SET sni = ? WHERE id = ?');
    setSni.run(INJECTED.quote, 1);
    setSni.run(INJECTED.drop, 2);
    setSni.run(INJECTED.regex, 3);
    flows = db.prepare('SELECT * FROM flows ORDER BY id').all() as Flow[];
    existingColumns = flowTableColumns(db);
  });
  afterAll(() => {
    db.close();
    tmp.cleanup();
  });

  const matching = (text: string): number[] => {
    const c = compile(text, { existingColumns });
    return [...iterateFlows(db, { selection: c })].map((f) => f.id as number);
  };

  it.each(oracle)('%s', (text, expected) => {
    expect(matching(text)).toEqual(flows.filter(expected).map((f) => f.id));
  });

  it('is meaningful: most filters select some flows but not all', () => {
    if (process.env.FILTER_COUNTS) for (const [t, p] of oracle) console.log(flows.filter(p).length, t);
    expect(flows.length).toBeGreaterThan(250);
    const partial = oracle.filter(([, p]) => {
      const n = flows.filter(p).length;
      return n > 0 && n < flows.length;
    });
    expect(partial.length).toBeGreaterThanOrEqual(45);
  });

  it('filters a sorted page and its total', () => {
    const c = compile('proto == tcp and bytes > 1000', { existingColumns });
    const expected = flows.filter((f) => f.proto === 'tcp' && (f.bytes as number) > 1000).sort((a, b) => (b.bytes as number) - (a.bytes as number) || (a.id as number) - (b.id as number));
    const page = flowPage(db, { startRow: 5, endRow: 15, sort: [{ field: 'bytes', dir: 'desc' }], selection: c });
    expect(flowCount(db, c)).toBe(expected.length);
    expect(page.rows.map((r) => r.id)).toEqual(expected.slice(5, 15).map((f) => f.id));
    expect(flowCount(db)).toBe(flows.length);
  });

  it('sorts addresses by value (10.0.0.2 before 10.0.0.10, IPv4 before global IPv6), paged directly or from a cached result', () => {
    const keyOf = (a: unknown) => (typeof a === 'string' ? ipKey(a) : null);
    const byAddress = (field: 'src_ip' | 'dst_ip', dir: 1 | -1) => (a: Flow, b: Flow) => {
      const ka = keyOf(a[field]);
      const kb = keyOf(b[field]);
      // SQLite puts NULL first ascending and last descending.
      const c = ka === null || kb === null ? (ka === null ? (kb === null ? 0 : -1) : 1) : Buffer.compare(ka, kb);
      return dir * c || (a.id as number) - (b.id as number);
    };
    for (const field of ['src_ip', 'dst_ip'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const expected = [...flows].sort(byAddress(field, dir === 'asc' ? 1 : -1)).map((f) => f.id);
        const direct = flowPage(db, { startRow: 0, endRow: flows.length, sort: [{ field, dir }] });
        const cached = flowPage(db, { startRow: 0, endRow: flows.length, sort: [{ field, dir }], resultKey: `address order ${field} ${dir}` });
        expect(direct.rows.map((r) => r.id), `${field} ${dir}`).toEqual(expected);
        expect(cached.rows.map((r) => r.id), `${field} ${dir}, cached`).toEqual(expected);
      }
    }
    // The corpus holds both orders' witnesses: a text sort would put 10.0.0.10-style addresses before 10.0.0.2-style ones.
    const sources = flowPage(db, { startRow: 0, endRow: flows.length, sort: [{ field: 'src_ip', dir: 'asc' }] }).rows.map((r) => r.src_ip as string);
    const textOrder = [...sources].sort();
    expect(sources).not.toEqual(textOrder);
    expect(sources.findIndex((a) => a.includes(':'))).toBeGreaterThan(sources.findLastIndex((a) => !a.includes(':')));
  });

  it('keeps user strings out of the SQL text, binds them, and leaves the table intact', () => {
    const filters: [string, string][] = [
      [`sni == "${INJECTED.quote}"`, INJECTED.quote],
      ['sni contains "\\" ; DROP TABLE flows; --"', '" ; DROP TABLE flows; --'],
      ['sni matches "\'s \\"q"', '\'s "q'],
      ['dns.query in {"a\'); DELETE FROM flows; --", "b"}', "a'); DELETE FROM flows; --"],
    ];
    for (const [text, user] of filters) {
      const c = compile(text, { existingColumns });
      expect(c.where).not.toContain(user);
      expect(c.where).not.toMatch(/DROP|DELETE|--|'s|x'/);
      expect(c.params).toContain(user);
      matching(text);
    }
    expect(matching(`sni == "${INJECTED.quote}"`)).toEqual([1]);
    expect(matching('sni contains "\\" ; DROP TABLE flows; --"')).toEqual([2]);
    expect(matching('sni matches "\'s \\"q"')).toEqual([3]);
    const bad = parseFilter('"bytes; DROP TABLE flows" == 1');
    expect(bad.ok).toBe(false);
    expect(parseFilter('bytes; DROP TABLE flows').ok).toBe(false);
    expect((db.prepare('SELECT count(*) AS n FROM flows').get() as { n: number }).n).toBe(flows.length);
  });
});

describe('label, prediction and confidence once a case has the columns', () => {
  it('match like any other column', async () => {
    const { addEvidence } = await import('../../electron/cases/evidence-store');
    const { FlowWriter } = await import('../../electron/cases/flow-writer');
    const { columnOf, newRow } = await import('../../electron/flows/flow-row');
    const tmp = tempDir();
    const db = openCaseDb(tmp.path('labels.flowsight'), { create: true });
    const rows = ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4'].map((a) => {
      const row = newRow();
      row[columnOf('src_ip')] = a;
      return row;
    });
    new FlowWriter(db).write(addEvidence(db, { path: 'z.pcap', size: 0, mtime: null, source: 'import', options: {}, user: 'test' }), rows);
    for (const c of ['label TEXT', 'prediction TEXT', 'confidence REAL']) if (!flowTableColumns(db).has(c.split(' ')[0])) db.exec(`ALTER TABLE flows ADD COLUMN ${c}`);
    const set = db.prepare('UPDATE flows SET label = ?, prediction = ?, confidence = ? WHERE id = ?');
    set.run('web/browsing', 'web/browsing', 0.9, 1);
    set.run('video/streaming', 'web/browsing', 0.4, 2);
    set.run(null, 'video/streaming', 0.7, 3);
    const ids = (text: string) => [...iterateFlows(db, { selection: compile(text, { existingColumns: flowTableColumns(db) }) })].map((f) => f.id);
    expect(ids('label')).toEqual([1, 2]);
    expect(ids('label == "web/browsing"')).toEqual([1]);
    expect(ids('label matches "^video/"')).toEqual([2]);
    // A bare word after an operator is a value, not a field: this is prediction != "label".
    expect(ids('prediction != label')).toEqual([1, 2, 3]);
    expect(ids('prediction != "web/browsing"')).toEqual([3]);
    expect(ids('label != "web/browsing"')).toEqual([2]);
    expect(ids('confidence >= 0.7')).toEqual([1, 3]);
    expect(ids('!confidence')).toEqual([4]);
    expect(ids('prediction in {"web/browsing" "video/streaming"} and confidence < 0.8')).toEqual([2, 3]);
    db.close();
    tmp.cleanup();
  });
});
