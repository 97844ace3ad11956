import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonl, runCli, runCliAsync } from '../support/cli';
import { corpus } from '../support/corpus';
import { generatedCapture } from '../support/generated';
import { tempDir } from '../support/tmp';
import { flowFields } from '../../shared/fields';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('flowsight CLI', () => {
  it('prints help naming its commands', () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['ingest', 'flows', 'serve']) expect(r.stdout).toContain(c);
  });

  it('exits non-zero with one line naming the file when it is not a capture', () => {
    const notCapture = tmp.path('notes.txt');
    writeFileSync(notCapture, 'this is text');
    const r = runCli(['ingest', '--case', tmp.path('x.flowsight'), notCapture]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([`flowsight: ${notCapture}: not a capture file (no pcap or pcapng signature) (at byte 0)`]);
  });

  it('refuses what is not a regular file, or not there, with one line naming it, and never waits on a named pipe', () => {
    const pipe = tmp.path('capture.fifo');
    execFileSync('mkfifo', [pipe]);
    const dir = tmp.path('a-folder');
    execFileSync('mkdir', [dir]);
    const missing = tmp.path('never-written.pcap');
    const cases: [string, string][] = [
      [pipe, 'not a regular file (a named pipe)'],
      [dir, 'not a regular file (a directory)'],
      ['/dev/null', 'not a regular file (a device)'],
      [missing, 'no such file'],
    ];
    for (const [i, [path, why]] of cases.entries()) {
      const casePath = tmp.path(`refused-${i}.flowsight`);
      // A read of the pipe would wait forever: runCli kills it after a minute and the test fails.
      const r = runCli(['ingest', '--case', casePath, path], { timeoutMs: 60_000 });
      expect(r.code, path).toBe(1);
      expect(r.stderr.trim().split('\n'), path).toEqual([`flowsight: ${path}: ${why} (at byte 0)`]);
      // Refused before the case was created.
      expect(existsSync(casePath), path).toBe(false);
    }
    // Every other command that reads a file the user names refuses the pipe the same way.
    const c = tmp.path('readers.flowsight');
    expect(runCli(['ingest', '--quiet', '--case', c, corpus('apps/zeek/web.pcap')]).code).toBe(0);
    const readers: [string[], string][] = [
      [['label', '--case', c, '--import', pipe], pipe],
      [['predict', '--case', c, '--model', pipe], `model ${pipe}`],
      [['models', '--case', c, '--import', pipe], `model ${pipe}`],
      [['sessions-import', '--case', c, pipe], pipe],
      [['import-flows', '--case', c, pipe], pipe],
    ];
    for (const [args, named] of readers) {
      const r = runCli(args, { timeoutMs: 60_000 });
      expect(r.code, args[0]).toBeGreaterThan(0);
      expect(r.stderr.trim().split('\n'), args[0]).toEqual([`flowsight: ${named}: not a regular file (a named pipe)`]);
    }
  });

  it('prints flows as JSONL and CSV with the stable field names, and honours --limit', () => {
    const c = tmp.path('web.flowsight');
    expect(runCli(['ingest', '--quiet', '--case', c, corpus('apps/zeek/web.pcap')]).code).toBe(0);
    const rows = jsonl(runCli(['flows', '--case', c]).stdout);
    expect(rows).toHaveLength(2);
    expect(Object.keys(rows[0])).toEqual(flowFields.map((f) => f.name));
    expect(rows[1]).toMatchObject({ proto: 'tcp', src_ip: '141.42.64.125', src_port: 56730, dst_ip: '125.190.109.199', dst_port: 80, packets: 22, bytes: 10983, fwd_packets: 12, fwd_bytes: 898, bwd_packets: 10, bwd_bytes: 10085 });
    const csv = runCli(['flows', '--case', c, '--format', 'csv', '--limit', '1']).stdout.trim().split('\n');
    expect(csv).toHaveLength(2);
    // CICFlowMeter's column names (and microseconds) where the feature exists there, ours elsewhere.
    const header = csv[0].split(',');
    expect(header).toHaveLength(flowFields.length);
    expect(header.slice(0, 6)).toEqual(['id', 'proto', 'Source IP', 'Source Port', 'Destination IP', 'Destination Port']);
    expect(header).toEqual(expect.arrayContaining(['Flow Duration', 'Total Fwd Packets', 'Total Length of Fwd Packets', 'Fwd IAT Mean', 'Init_Win_bytes_forward', 'CWE Flag Count', 'Protocol']));
    const first = Object.fromEntries(header.map((h, i) => [h, csv[1].split(',')[i]]));
    expect(Number(first['Flow Duration'])).toBeCloseTo(rows[0].duration as number * 1e6, 3);
    expect(first['Protocol']).toBe('6');
    expect(runCli(['flows', '--case', c, '--format', 'xml']).code).toBe(2);
  });

  it('shows a progress bar on stderr while ingesting', () => {
    const r = runCli(['ingest', '--case', tmp.path('p.flowsight'), generatedCapture(200_000)]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/100% \| ([\d.]+ MiB)\/\1 \| Reading mixed-7-200000\.pcap \| 200,000 packets, [\d,]+ flows/);
    expect(r.stderr).toMatch(/complete, 200000 packets, \d+ flows/);
  });

  it('cancels on Ctrl-C and leaves the case unchanged', async () => {
    const c = tmp.path('cancel.flowsight');
    expect(runCli(['ingest', '--quiet', '--case', c, corpus('apps/zeek/web.pcap')]).code).toBe(0);
    const { child, done } = runCliAsync(['ingest', '--case', c, generatedCapture(200_000)]);
    child.stderr!.once('data', () => child.kill('SIGINT'));
    const r = await done;
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('ingest cancelled; the case is unchanged');
    expect(jsonl(runCli(['flows', '--case', c]).stdout)).toHaveLength(2);
  });
});
