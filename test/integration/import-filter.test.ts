import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appActivityCapture } from '../support/app-activity';
import { jsonl, runCli } from '../support/cli';
import { testSession } from '../support/session';
import { tempDir } from '../support/tmp';
import { hasTshark, tshark } from '../support/tshark';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

type Flow = Record<string, string | number | null>;

/** Frames tshark's display filter keeps (the reference for what the import filter drops). */
const frames = (file: string, filter: string) => tshark(['-n', '-r', file, '-Y', filter, '-T', 'fields', '-e', 'frame.number']).split('\n').filter(Boolean).length;

let seq = 0;
function ingest(file: string, extra: string[]): { flows: Flow[]; stderr: string; evidence: string } {
  const c = tmp.path(`f${++seq}.flowsight`);
  const r = runCli(['ingest', '--quiet', '--case', c, file, ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return { flows: jsonl<Flow>(runCli(['flows', '--case', c]).stdout), stderr: r.stderr, evidence: c };
}

/** What a flow is, independent of the case it sits in. */
const shape = (f: Flow) => [f.id, f.proto, f.src_ip, f.src_port, f.dst_ip, f.dst_port, f.first_ts, f.last_ts, f.packets, f.bytes, f.fwd_packets, f.bwd_bytes].join(' ');

describe.runIf(hasTshark())('import filters (seed 002: drop non-IP, the proxy, other hosts)', () => {
  const cap = appActivityCapture();
  const total = cap.packets;

  beforeAll(() => {
    expect(cap.arpFrames).toBeGreaterThan(0);
  });

  it('--exclude the proxy: drops exactly the frames tshark matches with ip.addr, and the flows equal ingesting tshark\'s filtered file', () => {
    const proxyFrames = frames(cap.path, `ip.addr == ${cap.proxy}`);
    expect(proxyFrames).toBeGreaterThan(100);
    const filtered = ingest(cap.path, ['--exclude', cap.proxy]);
    expect(filtered.stderr).toContain(`${total} packets`);
    expect(filtered.stderr).toContain(`${proxyFrames} filtered: excluded address`);
    expect(filtered.stderr).toContain(`import filter: without ${cap.proxy}`);

    const reference = tmp.path('no-proxy.pcap');
    tshark(['-n', '-r', cap.path, '-Y', `!(ip.addr == ${cap.proxy})`, '-F', 'pcap', '-w', reference]);
    const expected = ingest(reference, []);
    expect(filtered.flows.map(shape)).toEqual(expected.flows.map(shape));
    expect(filtered.flows.some((f) => f.src_ip === cap.proxy || f.dst_ip === cap.proxy)).toBe(false);
  });

  it('--ip-only --only-hosts the phone: non-IP and other hosts are filtered, counted apart, and only the phone\'s activities and lookups remain', () => {
    const nonIp = frames(cap.path, '!ip && !ipv6');
    expect(nonIp).toBe(cap.arpFrames);
    const others = frames(cap.path, `(ip || ipv6) && !(ip.addr == ${cap.phone})`);
    const r = ingest(cap.path, ['--ip-only', '--only-hosts', cap.phone]);
    expect(r.stderr).toContain(`skipped: ${others} filtered: no listed host, ${nonIp} filtered: not IP`);
    // Each activity is one DNS lookup and one TLS connection from the phone.
    expect(r.flows).toHaveLength(2 * cap.sessions.length);

    const reference = tmp.path('phone.pcap');
    tshark(['-n', '-r', cap.path, '-Y', `ip.addr == ${cap.phone}`, '-F', 'pcap', '-w', reference]);
    expect(r.flows.map(shape)).toEqual(ingest(reference, []).flows.map(shape));
  });

  it('takes IPv6 CIDR blocks, and without --ip-only non-IP frames stay "skipped" as before', () => {
    const linkLocal = frames(cap.path, 'ipv6.addr == fe80::/10');
    expect(linkLocal).toBeGreaterThan(0);
    const r = ingest(cap.path, ['--exclude', 'fe80::/10']);
    expect(r.stderr).toContain(`${linkLocal} filtered: excluded address`);
    expect(r.stderr).toContain(`${cap.arpFrames} non-IP frame`);
    expect(r.flows.some((f) => String(f.src_ip).startsWith('fe80:'))).toBe(false);
  });

  it('refuses a bad address with the option and the reason, before touching the case', () => {
    const c = tmp.path('bad.flowsight');
    const r = runCli(['ingest', '--quiet', '--case', c, cap.path, '--exclude', '10.20.0.1,10.20.0/24']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('flowsight: --exclude "10.20.0/24": not an IPv4/IPv6 address or CIDR block (e.g. 10.0.0.5, 10.0.0.0/8, 2001:db8::/32)\n');
  });

  it('is recorded with the evidence row and travels through the API (ingest.start with filter and label)', async () => {
    const { session, call, waitJob } = testSession();
    try {
      await call('case.create', { path: tmp.path('api.flowsight') });
      const done = waitJob();
      await call('ingest.start', { files: [cap.path], filter: { ipOnly: true, exclude: [cap.proxy, 'fe80::/10'] }, label: 'Lab/phone-session' });
      const job = await done;
      expect(job.status).toBe('done');
      const [ev] = await call<{ importFilter: unknown; skippedReasons: Record<string, number>; flows: number }[]>('evidence.list', {});
      expect(ev.importFilter).toEqual({ ipOnly: true, exclude: [cap.proxy, 'fe80::/10'], only: [] });
      expect(ev.skippedReasons).toEqual({
        'filtered: not IP': cap.arpFrames,
        'filtered: excluded address': frames(cap.path, `ip.addr == ${cap.proxy} || ipv6.addr == fe80::/10`),
      });
      expect(job.summary.labelled).toBe(ev.flows);
      const counts = await call<{ classes: { name: string; flows: number }[]; unlabelled: number }>('labels.counts', {});
      expect(counts).toMatchObject({ unlabelled: 0, classes: [{ name: 'Lab/phone-session', flows: ev.flows }] });
      const history = await call<{ acts: { provenance: string; flows: number; detail: string }[] }>('labels.history', {});
      expect(history.acts).toEqual([expect.objectContaining({ provenance: 'import', flows: ev.flows, detail: 'import of app-activity-2-40.pcap' })]);
      await expect(call('ingest.start', { files: [cap.path], filter: { exclude: ['10.0.0.300'] } })).rejects.toThrow(/invalid_request/);
    } finally {
      await session.dispose();
    }
  });
});
