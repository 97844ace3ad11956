import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowRecord } from '../../shared/fields';
import type { CaptureStatus } from '../../shared/domain/capture';
import type { JobFinished } from '../../shared/domain/job';
import { jsonl, runCli } from '../support/cli';
import { testSession } from '../support/session';
import { tempDir } from '../support/tmp';
import { tshark } from '../support/tshark';
import { sendUdp, tcpExchanges } from '../support/traffic';

/**
 * Live capture on the loopback interface (the tests run as root) while the test
 * itself makes known traffic: the case must hold exactly those flows, tshark must
 * read the saved evidence with the same packet count, and ingesting that file
 * afterwards must give the same flows.
 */
const tmp = tempDir();
const casePath = tmp.path('live.flowsight');
const { session, call } = testSession();
const UDP_PORT = 47_611;
const TCP_PORT = 47_612;
const filter = `udp port ${UDP_PORT} or tcp port ${TCP_PORT}`;

function finished(jobId: string): Promise<JobFinished> {
  return new Promise((resolve) => {
    const off = session.onEvent((event, payload) => {
      if (event === 'job.finished' && (payload as JobFinished).jobId === jobId) {
        off();
        resolve(payload as JobFinished);
      }
    });
  });
}

const evidenceFiles = () => readdirSync(join(dirname(casePath), 'live.captures')).map((f) => join(dirname(casePath), 'live.captures', f)).sort();
let flows: FlowRecord[] = [];
const udpSources: number[] = [];
let liveEvents = 0;
let indexesAfterStop = { pending: true, built: 0 };

beforeAll(async () => {
  session.openCase(casePath, { create: true });
  session.onEvent((event, payload) => {
    if (event === 'case.changed' && (payload as { reason: string }).reason === 'live') liveEvents++;
  });
  const status = await call<CaptureStatus>('capture.status', {});
  expect(status.available, status.reason ?? '').toBe(true);
  const { jobId } = await call<{ jobId: string }>('capture.start', { device: 'lo', filter, tag: 'Test/udp-burst' });
  const end = finished(jobId);
  udpSources.push(await sendUdp(UDP_PORT, 7));
  udpSources.push(await sendUdp(UDP_PORT, 3));
  await call('capture.tag', { tag: 'Test/tcp-echo' });
  await tcpExchanges(TCP_PORT, 4);
  await new Promise((r) => setTimeout(r, 1200));
  expect(await call('capture.stop', {})).toEqual({ stopped: true });
  expect((await end).status).toBe('done');
  // Before any query: a query worker opening the case would build parked indexes itself.
  const { db } = session.requireCase();
  indexesAfterStop = {
    pending: db.prepare("SELECT value FROM meta WHERE key = 'flow_indexes_pending'").get() !== undefined,
    built: (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'index' AND tbl_name = 'flows' AND sql IS NOT NULL").get() as { n: number }).n,
  };
  flows = (await call<{ rows: FlowRecord[] }>('flows.page', { startRow: 0, endRow: 1000, sort: [{ field: 'id', dir: 'asc' }] })).rows;
}, 60_000);
afterAll(async () => {
  await session.dispose();
  tmp.cleanup();
});

describe('live capture on lo', () => {
  it('holds exactly the flows the test made, with exact packet counts', () => {
    const udp = flows.filter((f) => f.proto === 'udp');
    expect(udp.map((f) => [f.src_port, f.dst_port, f.packets, f.fwd_packets])).toEqual([
      [udpSources[0], UDP_PORT, 7, 7],
      [udpSources[1], UDP_PORT, 3, 3],
    ]);
    const tcp = flows.filter((f) => f.proto === 'tcp');
    expect(tcp).toHaveLength(4);
    for (const f of tcp) expect({ dst: f.dst_port, state: f.conn_state, termination: f.termination }).toEqual({ dst: TCP_PORT, state: 'SF', termination: 'fin' });
  });

  it('wrote a pcapng that tshark reads with the same packets, flow by flow', () => {
    const [file] = evidenceFiles();
    const total = flows.reduce((n, f) => n + (f.packets as number), 0);
    expect(tshark(['-n', '-r', file, '-T', 'fields', '-e', 'frame.number']).trim().split('\n')).toHaveLength(total);
    const conv = tshark(['-n', '-r', file, '-q', '-z', 'conv,tcp', '-z', 'conv,udp']);
    for (const f of flows) {
      const m = new RegExp(`${f.src_ip}:${f.src_port}\\s+<->\\s+${f.dst_ip}:${f.dst_port}\\s+\\d+ \\S+ \\S+\\s+\\d+ \\S+ \\S+\\s+(\\d+)`).exec(conv);
      expect({ flow: f.id, packets: Number(m?.[1]) }).toEqual({ flow: f.id, packets: f.packets });
    }
  });

  it('gives the same flows as ingesting the saved file afterwards', () => {
    const again = tmp.path('again.flowsight');
    expect(runCli(['ingest', '--quiet', '--case', again, ...evidenceFiles()]).code).toBe(0);
    const ingested = jsonl<FlowRecord>(runCli(['flows', '--case', again]).stdout);
    const strip = (f: FlowRecord) => ({ ...f, id: null, label: null });
    expect(ingested.map(strip)).toEqual(flows.map(strip));
  });

  it('labels flows that started while a tag was set, with capture-tag provenance, and notes the tag in the evidence', () => {
    expect(flows.map((f) => f.label)).toEqual(flows.map((f) => (f.proto === 'udp' ? 'Test/udp-burst' : 'Test/tcp-echo')));
    const { db } = session.requireCase();
    const rows = db.prepare('SELECT flow_id AS flow, label, provenance FROM labels ORDER BY flow_id').all();
    expect(rows).toEqual(flows.map((f) => ({ flow: f.id, label: f.label, provenance: 'capture-tag' })));
    const comments = tshark(['-n', '-r', evidenceFiles()[0], '-Y', 'frame.comment', '-T', 'fields', '-e', 'frame.comment']).trim().split('\n');
    expect(comments).toEqual(['flowsight tag: Test/udp-burst', 'flowsight tag: Test/tcp-echo']);
  });

  it('builds the flow indexes again when it stops (a capture into an empty case writes without them)', () => {
    expect(indexesAfterStop.pending).toBe(false);
    expect(indexesAfterStop.built).toBeGreaterThan(0);
  });

  it('told the views to refresh while it ran', () => {
    expect(liveEvents).toBeGreaterThan(0);
  });
});

describe('capture refusals', () => {
  it('refuses a BPF filter libpcap cannot compile, before capturing, saying which', async () => {
    await expect(call('capture.start', { device: 'lo', filter: 'udp portt 53' })).rejects.toThrow(/bad_input: BPF filter "udp portt 53": .*syntax error/);
    expect((await call<CaptureStatus>('capture.status', {})).running).toBeNull();
  });

  it('refuses an interface that does not exist', async () => {
    await expect(call('capture.start', { device: 'nosuch0', filter: '' })).rejects.toThrow(/bad_input: cannot capture on nosuch0: .*(No such device|doesn't exist)/i);
  });

  it('the CLI captures for a duration, rotating files, with the same flows', async () => {
    const c = tmp.path('cli.flowsight');
    let ready!: () => void;
    const started = new Promise<void>((r) => (ready = r));
    const run = import('node:child_process').then(({ spawn }) => {
      const child = spawn(process.execPath, [join(process.cwd(), 'resources', 'bin', 'flowsight.js'), 'capture', '--interface', 'lo', '--case', c, '--filter', `udp port ${UDP_PORT + 10}`, '--duration', '4', '--rotate', '0.0005']);
      let err = '';
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        // Printed once the device is open: packets sent from now on are captured.
        if (err.includes('capturing on lo')) ready();
      });
      return new Promise<{ code: number | null; err: string }>((resolve) => child.on('close', (code) => resolve({ code, err })));
    });
    await Promise.race([started, run]);
    await sendUdp(UDP_PORT + 10, 12, 20);
    const { code, err } = await run;
    expect(code, err).toBe(0);
    expect(err).toMatch(/12 packets/);
    const files = readdirSync(join(dirname(c), 'cli.captures'));
    expect(files.length).toBeGreaterThan(1);
    const caseFlows = jsonl<FlowRecord>(runCli(['flows', '--case', c]).stdout);
    expect(caseFlows.reduce((n, f) => n + (f.packets as number), 0)).toBe(12);
  });

  it('keeps snaplen bytes with the wire length, libpcap\'s timestamps and drop count, without promiscuous mode', async () => {
    const c = tmp.path('snap.flowsight');
    const port = UDP_PORT + 20;
    let ready!: () => void;
    const started = new Promise<void>((r) => (ready = r));
    const before = Date.now() / 1000;
    const run = import('node:child_process').then(({ spawn }) => {
      const child = spawn(process.execPath, [join(process.cwd(), 'resources', 'bin', 'flowsight.js'), 'capture', '--interface', 'lo', '--case', c, '--filter', `udp port ${port}`, '--snaplen', '64', '--no-promiscuous', '--packets', '6']);
      let err = '';
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        if (err.includes('capturing on lo')) ready();
      });
      return new Promise<{ code: number | null; err: string }>((resolve) => child.on('close', (code) => resolve({ code, err })));
    });
    await Promise.race([started, run]);
    const sentFrom = Date.now() / 1000;
    await sendUdp(port, 6, 20);
    const sentTo = Date.now() / 1000;
    const { code, err } = await run;
    expect(code, err).toBe(0);
    // Each frame: Ethernet 14 + IPv4 20 + UDP 8 + a 20+i byte payload.
    const wire = [62, 63, 64, 65, 66, 67];
    expect(err).toMatch(/6 packets · 387 B .* dropped 0 /);
    const [file] = readdirSync(join(dirname(c), 'snap.captures')).map((f) => join(dirname(c), 'snap.captures', f));
    const frames = tshark(['-n', '-r', file, '-T', 'fields', '-e', 'frame.len', '-e', 'frame.cap_len', '-e', 'frame.time_epoch']).trim().split('\n').map((l) => l.split('\t'));
    expect(frames.map(([len, cap]) => [Number(len), Number(cap)])).toEqual(wire.map((w) => [w, Math.min(w, 64)]));
    // The kernel's clock when each datagram passed lo: inside the sending window, in order, 20 ms or so apart.
    const times = frames.map(([, , t]) => Number(t));
    expect(times[0]).toBeGreaterThanOrEqual(Math.min(before, sentFrom) - 0.001);
    expect(times[5]).toBeLessThanOrEqual(sentTo + 0.001);
    for (let i = 1; i < 6; i++) expect(times[i] - times[i - 1]).toBeGreaterThan(0.015);
    const [flow] = jsonl<FlowRecord>(runCli(['flows', '--case', c]).stdout);
    expect([flow.packets, flow.bytes]).toEqual([6, 387]);
  });
});
