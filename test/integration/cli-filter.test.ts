import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonl, runCli } from '../support/cli';
import { corpus } from '../support/corpus';
import { tempDir } from '../support/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

type Flow = Record<string, string | number | null>;

describe('flowsight flows --filter', () => {
  const c = tmp.path('filter.flowsight');
  let all: Flow[];

  beforeAll(() => {
    const r = runCli(['ingest', '--quiet', '--case', c, corpus('apps/ndpi/pcap/1kxun.pcap'), corpus('apps/ndpi/pcap/http_ipv6.pcap'), corpus('apps/zeek/web.pcap')]);
    expect(r.code, r.stderr).toBe(0);
    all = jsonl<Flow>(runCli(['flows', '--case', c]).stdout);
  });

  it('prints exactly the flows the filter matches', () => {
    const filters: [string, (f: Flow) => boolean][] = [
      ['tcp.port == 80 and http.host', (f) => f.proto === 'tcp' && (f.src_port === 80 || f.dst_port === 80) && f.http_host !== null],
      ['ip.addr == 2a00:d40:1:3::/64 || udp.port in {5355, 1900}', (f) => [f.src_ip, f.dst_ip].some((a) => typeof a === 'string' && a.startsWith('2a00:d40:1:3:')) || (f.proto === 'udp' && [f.src_port, f.dst_port].some((p) => p === 5355 || p === 1900))],
      ['!(app == HTTP) && bytes > 1000', (f) => f.app !== 'HTTP' && (f.bytes as number) > 1000],
    ];
    for (const [filter, expected] of filters) {
      const want = all.filter(expected).map((f) => f.id);
      expect(want.length, filter).toBeGreaterThan(0);
      expect(want.length, filter).toBeLessThan(all.length);
      const r = runCli(['flows', '--case', c, '--filter', filter]);
      expect(r.code, r.stderr).toBe(0);
      expect(jsonl<Flow>(r.stdout).map((f) => f.id), filter).toEqual(want);
    }
    const limited = runCli(['flows', '--case', c, '--filter', 'proto == udp', '--limit', '3', '--format', 'csv']);
    expect(limited.stdout.trim().split('\n')).toHaveLength(4);
  });

  it('exits 2 on a bad filter, with the message and a caret under the offending token', () => {
    const r = runCli(['flows', '--case', c, '--filter', 'tcp.port == 80 and bytez > 1']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(['flowsight: --filter: unknown field "bytez" (did you mean "bytes"?)', '    tcp.port == 80 and bytez > 1', '                       ^~~~~', ''].join('\n'));
    const unclosed = runCli(['flows', '--case', c, '--filter', 'sni and (port == 443']);
    expect(unclosed.code).toBe(2);
    expect(unclosed.stderr.split('\n').slice(0, 3)).toEqual(['flowsight: --filter: unclosed "("', '    sni and (port == 443', '            ^']);
  });
});
