import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowRecord } from '../../shared/fields';
import type { ConversationRow, EndpointRow, IoGraph } from '../../shared/domain/statistics';
import { runCli } from '../support/cli';
import { corpus } from '../support/corpus';
import { testSession } from '../support/session';
import { tempDir } from '../support/tmp';
import { formatTsharkBytes, tshark } from '../support/tshark';

// An IPv4/IPv6 app capture without ICMP errors (which Flowsight files under the quoted flow's addresses).
const file = corpus('apps/ndpi/pcap/1kxun.pcap');
const tmp = tempDir();
const casePath = tmp.path('stats.flowsight');
const { session, call, waitJob } = testSession();
let flows: FlowRecord[];

beforeAll(async () => {
  session.openCase(casePath, { create: true });
  const done = waitJob();
  await call('ingest.start', { files: [file] });
  expect((await done).status).toBe('done');
  flows = (await call<{ rows: FlowRecord[] }>('flows.page', { startRow: 0, endRow: 10_000 })).rows;
});
afterAll(async () => {
  await session.dispose();
  tmp.cleanup();
});

function frames(path: string, filter = ''): { epoch: string; len: string }[] {
  return tshark(['-n', '-r', path, ...(filter ? ['-Y', filter] : []), '-T', 'fields', '-E', 'separator=\t', '-e', 'frame.time_epoch', '-e', 'frame.len'])
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [epoch, len] = l.split('\t');
      return { epoch, len };
    });
}

describe('export', () => {
  it('writes the selected flows\' packets as pcapng that tshark reads back exactly', async () => {
    const chosen = flows.filter((f) => f.proto === 'tcp' && f.dst_port === 443).slice(0, 5);
    expect(chosen.length).toBe(5);
    const done = waitJob();
    const { download } = await call<{ jobId: string; download: string }>('export.start', { scope: { filter: '', ids: chosen.map((f) => f.id) }, format: 'pcapng' });
    expect((await done).status).toBe('done');
    const jobId = download.split('/').pop()!;
    const out = session.downloads.get(jobId)!.path;
    const theirs = frames(out);
    expect(theirs).toHaveLength(chosen.reduce((n, f) => n + (f.packets as number), 0));
    // The same frames as in the original, in its order, with the same times and lengths.
    const conv = chosen.map((f) => `(ip.addr == ${f.src_ip} && ip.addr == ${f.dst_ip} && tcp.port == ${f.src_port} && tcp.port == ${f.dst_port})`).join(' || ');
    expect(theirs).toEqual(frames(file, conv));
  });

  it('refuses to write where the user did not choose', async () => {
    await expect(call('export.start', { scope: { filter: '' }, format: 'csv', path: tmp.path('elsewhere.csv') })).rejects.toThrow(/forbidden: .* was not chosen in a save dialog/);
    expect(existsSync(tmp.path('elsewhere.csv'))).toBe(false);
  });

  it('exports flows as CSV in the CLI\'s format', async () => {
    const done = waitJob();
    const { download } = await call<{ download: string }>('export.start', { scope: { filter: '' }, format: 'csv' });
    expect((await done).status).toBe('done');
    const csv = readFileSync(session.downloads.get(download.split('/').pop()!)!.path, 'utf8');
    expect(csv).toBe(runCli(['flows', '--case', casePath, '--format', 'csv']).stdout);
  });

  it('flowsight export-pcap --filter carves exactly the packets of the matching flows', () => {
    const filter = 'tcp.port == 80 && bytes > 1000';
    const matching = runCli(['flows', '--case', casePath, '--filter', filter]).stdout.trim().split('\n').map((l) => JSON.parse(l) as FlowRecord);
    expect(matching.length).toBeGreaterThan(3);
    const out = tmp.path('carved.pcapng');
    const r = runCli(['export-pcap', '--case', casePath, '--filter', filter, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const conv = matching.map((f) => `(ip.addr == ${f.src_ip} && ip.addr == ${f.dst_ip} && tcp.port == ${f.src_port} && tcp.port == ${f.dst_port})`).join(' || ');
    const expected = frames(file, conv);
    expect(expected).toHaveLength(matching.reduce((n, f) => n + (f.packets as number), 0));
    expect(frames(out)).toEqual(expected);
  });

  it('flowsight export-pcap refuses a bad filter with a caret under the problem', () => {
    const r = runCli(['export-pcap', '--case', casePath, '--filter', 'tcp.port == 443 &&', '--out', tmp.path('bad.pcapng')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--filter: .*\n\s*tcp\.port == 443 &&\n\s*\^/);
  });

  it('flowsight export-pcap writes every packet of every flow', () => {
    const out = tmp.path('all.pcapng');
    const r = runCli(['export-pcap', '--case', casePath, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(frames(out)).toHaveLength(flows.reduce((n, f) => n + (f.packets as number), 0));
  });
});

describe('statistics agree with tshark', () => {
  it('endpoints: packets and bytes per address, sent and received (tshark -z endpoints,ip)', async () => {
    const ours = await call<EndpointRow[]>('stats.endpoints', { scope: { filter: '' }, limit: 10_000 });
    const text = tshark(['-n', '-r', file, '-q', '-z', 'endpoints,ip', '-z', 'endpoints,ipv6']);
    const theirs = text
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .filter((c) => c.length === 7 && /[.:]/.test(c[0]) && /^\d+$/.test(c[1]))
      .map(([address, packets, bytes, txPackets, txBytes, rxPackets, rxBytes]) => ({ address, packets: +packets, bytes: +bytes, txPackets: +txPackets, txBytes: +txBytes, rxPackets: +rxPackets, rxBytes: +rxBytes }));
    expect(theirs.length).toBeGreaterThan(10);
    const mine = new Map(ours.map((e) => [e.address, e]));
    for (const t of theirs) expect({ ...t }).toEqual({ address: t.address, packets: mine.get(t.address)?.packets, bytes: mine.get(t.address)?.bytes, txPackets: mine.get(t.address)?.txPackets, txBytes: mine.get(t.address)?.txBytes, rxPackets: mine.get(t.address)?.rxPackets, rxBytes: mine.get(t.address)?.rxBytes });
    expect(ours.length).toBe(theirs.length);
  });

  it('conversations: frames per address pair (tshark -z conv,ip)', async () => {
    const ours = await call<ConversationRow[]>('stats.conversations', { scope: { filter: '' }, limit: 10_000 });
    const text = tshark(['-n', '-r', file, '-q', '-z', 'conv,ip', '-z', 'conv,ipv6']);
    const theirs = [...text.matchAll(/^(\S+)\s+<->\s+(\S+)\s+(\d+)\s+\d+ \S+\s+(\d+)\s+\d+ \S+\s+(\d+)\s+(\d+ \S+)/gm)].map((m) => ({ key: [m[1], m[2]].sort().join(' '), frames: +m[5], bytes: m[6] }));
    const mine = new Map(ours.map((c) => [[c.a, c.b].join(' '), c]));
    expect(ours.length).toBe(theirs.length);
    for (const t of theirs) expect({ key: t.key, frames: mine.get(t.key)?.packets, bytes: formatTsharkBytes(mine.get(t.key)?.bytes ?? -1) }).toEqual(t);
  });

  it('I/O graph: every packet at its own time (tshark\'s frame times, same buckets)', async () => {
    const io = await call<IoGraph>('stats.ioGraph', { scope: { filter: '' }, interval: 1 });
    const buckets = new Array(io.packets.length).fill(0);
    const bytes = new Array(io.packets.length).fill(0);
    for (const f of frames(file, 'ip || ipv6')) {
      const b = Math.floor((Number(f.epoch) - io.start) / io.interval);
      buckets[b]++;
      bytes[b] += Number(f.len);
    }
    expect(io.packets).toEqual(buckets);
    expect(io.bytes).toEqual(bytes);
  });
});
