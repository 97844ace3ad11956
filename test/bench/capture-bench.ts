import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { cliPath, jsonl, runCli } from '../support/cli';
import { tshark } from '../support/tshark';
import { benchCapture, benchDir } from './bench-data';

/** One replay rate: what tcpreplay sent and what each capturer kept of it. */
export interface CaptureRateRow {
  /** Packets per second asked of tcpreplay; null for --topspeed. */
  rate: number | null;
  /** What tcpreplay reports it sent, and at what rate it actually did. */
  sent: number;
  achievedPps: number;
  flowsight: { captured: number; dropped: number | null; peakRssMiB: number };
  tcpdump: { captured: number; droppedByKernel: number | null; peakRssMiB: number };
}

export interface CaptureFigures {
  packets: number;
  filter: string;
  rows: CaptureRateRow[];
  /** The highest rate tried at which each kept every packet sent (null: none). */
  lossless: { flowsight: number | null; tcpdump: number | null };
  /** Flowsight's lossless rate over tcpdump's (null when either kept nothing whole). */
  ratio: number | null;
  /** 1-minute load average before and after: the capturers compete for the CPU with whatever else runs. */
  load: { before: number; after: number; cpus: number };
}

// Every frame of the generated capture has a client address in one of these
// (clients are 192.168.x.y or 2001:db8:1::/48); nothing else on lo does.
const FILTER = 'net 192.168.0.0/16 or net 2001:db8:1::/48';
const PACKETS = 50_000;
/** Rates tried (packets/s); null is tcpreplay --topspeed. */
const RATES: (number | null)[] = [1_000, 2_000, 5_000, 10_000, 20_000, 40_000, 80_000, null];
/** Each step replays at most this long (the first packets of the file), so the slow rates stay short. */
const MAX_STEP_SECONDS = 8;
/** Time after the replay for the capturer to drain its buffer before it is stopped. */
const SETTLE_MS = 1500;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function need(cmd: string, hint: string): void {
  if (spawnSync('sh', ['-c', `command -v ${cmd}`]).status !== 0) throw new Error(`the capture benchmark needs ${cmd} (${hint})`);
}

/** Resolves once the child has printed `ready` on stderr; rejects if it exits first. */
function started(child: ChildProcess, ready: RegExp, what: string): Promise<() => string> {
  let err = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      if (ready.test(err)) resolve(() => err);
    });
    child.once('exit', (code) => reject(new Error(`${what} exited (${code}) before capturing: ${err.trim()}`)));
  });
}

const GNU_TIME = '/usr/bin/time';
const RSS_LINE = /__RSS_KB=(\d+)\n?/;

/** Runs `cmd` under GNU time so its peak RSS (all its threads) is printed on stderr when it exits. */
function spawnMeasured(cmd: string, args: string[]): ChildProcess {
  return spawn(GNU_TIME, ['-f', '__RSS_KB=%M', cmd, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/**
 * Stops the capturer with SIGINT (its Ctrl-C path) and waits for GNU time to
 * exit. GNU time ignores SIGINT while it waits, so the signal goes to its child.
 */
async function stopped(timed: ChildProcess, stderr: () => string): Promise<{ stderr: string; peakRssMiB: number }> {
  const exited = new Promise<void>((resolve) => (timed.exitCode !== null ? resolve() : timed.once('close', () => resolve())));
  if (timed.exitCode === null) {
    const children = readFileSync(`/proc/${timed.pid}/task/${timed.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    if (children.length !== 1) throw new Error(`expected one process under ${GNU_TIME}, found ${children.length}`);
    process.kill(Number(children[0]), 'SIGINT');
  }
  await exited;
  const all = stderr();
  const m = RSS_LINE.exec(all);
  if (!m) throw new Error(`${GNU_TIME} printed no peak RSS: ${all.trim()}`);
  return { stderr: all.replace(RSS_LINE, ''), peakRssMiB: Number(m[1]) / 1024 };
}

/** tcpreplay onto lo at `rate` packets/s (or top speed), `count` packets of `file`; what it says it sent. */
function replay(file: string, rate: number | null, count: number): { sent: number; pps: number } {
  const args = ['--intf1=lo', rate === null ? '--topspeed' : `--pps=${rate}`, `--limit=${count}`, file];
  const r = spawnSync('tcpreplay', args, { encoding: 'utf8' });
  const out = `${r.stdout}\n${r.stderr}`;
  const sent = /Successful packets:\s+(\d+)/.exec(out);
  const pps = /Rated: .*?, ([\d.]+) pps/.exec(out);
  if (r.status !== 0 || !sent || !pps) throw new Error(`tcpreplay failed: ${out.trim()}`);
  return { sent: Number(sent[1]), pps: Number(pps[1]) };
}

function framesIn(file: string): number {
  return tshark(['-n', '-r', file, '-T', 'fields', '-e', 'frame.number']).split('\n').filter(Boolean).length;
}

/** `flowsight capture` on lo while the replay runs: packets in the case, checked against its evidence files. */
async function withFlowsight(dir: string, file: string, rate: number | null, count: number) {
  const casePath = join(dir, 'live.flowsight');
  const child = spawnMeasured(process.execPath, [cliPath, 'capture', '--interface', 'lo', '--filter', FILTER, '--case', casePath]);
  const stderr = await started(child, /capturing on lo/, 'flowsight capture');
  const sent = replay(file, rate, count);
  await sleep(SETTLE_MS);
  const end = await stopped(child, stderr);
  const flows = jsonl<{ packets: number }>(runCli(['flows', '--case', casePath]).stdout);
  const inCase = flows.reduce((n, f) => n + f.packets, 0);
  const evidenceDir = join(dir, 'live.captures');
  const inEvidence = readdirSync(evidenceDir).reduce((n, f) => n + framesIn(join(evidenceDir, f)), 0);
  if (inCase !== inEvidence) throw new Error(`flowsight: the case holds ${inCase} packets but its evidence ${inEvidence}`);
  const drops = /· dropped ([\d,]+)/.exec(end.stderr);
  return { sent, captured: inCase, dropped: drops ? Number(drops[1].replace(/,/g, '')) : null, peakRssMiB: end.peakRssMiB };
}

/** `tcpdump -i lo -w file` with the same filter while the same replay runs: frames tshark reads, and tcpdump's own kernel-drop line. */
async function withTcpdump(dir: string, file: string, rate: number | null, count: number) {
  const out = join(dir, 'tcpdump.pcap');
  // -Z root: as root, tcpdump otherwise drops to its own user and may not write into .bench/.
  const child = spawnMeasured('tcpdump', ['-i', 'lo', '-n', '-Z', 'root', '-w', out, FILTER]);
  const stderr = await started(child, /listening on lo/, 'tcpdump');
  const sent = replay(file, rate, count);
  await sleep(SETTLE_MS);
  const end = await stopped(child, stderr);
  const dropped = /(\d+) packets? dropped by kernel/.exec(end.stderr);
  return { sent, captured: framesIn(out), droppedByKernel: dropped ? Number(dropped[1]) : null, peakRssMiB: end.peakRssMiB };
}

/**
 * Live capture throughput on lo: the generated mixed traffic is replayed with
 * tcpreplay at increasing rates, once while `flowsight capture` runs and once
 * while `tcpdump -w` runs, with the same BPF filter, and each capturer's count
 * is compared with what tcpreplay sent.
 *
 * The capture is used as generated: Linux's lo has an Ethernet link type, so
 * the frames go out unchanged; their MAC addresses are not lo's, so the kernel
 * hands them to packet sockets and then drops them before IP (nothing answers
 * them), and lo's 64 KiB MTU fits every frame. The filter is checked to select
 * exactly the file's packets before anything is measured.
 */
export async function captureBench(): Promise<CaptureFigures> {
  if (process.getuid?.() !== 0) throw new Error('the capture benchmark captures on lo and replays onto it: run it as root');
  need('tcpreplay', 'apt-get install tcpreplay');
  need('tcpdump', 'apt-get install tcpdump');
  const file = benchCapture(PACKETS);
  const dir = join(benchDir, 'capture');

  // The filter selects every packet of the file (tcpdump applies the same BPF offline).
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const check = join(dir, 'filter-check.pcap');
  const r = spawnSync('tcpdump', ['-r', file, '-w', check, FILTER], { encoding: 'utf8' });
  if (r.status !== 0 || !existsSync(check)) throw new Error(`tcpdump -r: ${r.stderr}`);
  const selected = framesIn(check);
  if (selected !== PACKETS) throw new Error(`the filter "${FILTER}" selects ${selected} of the ${PACKETS} packets`);

  const loadBefore = loadavg()[0];
  const rows: CaptureRateRow[] = [];
  for (const rate of RATES) {
    const count = rate === null ? PACKETS : Math.min(PACKETS, rate * MAX_STEP_SECONDS);
    process.stderr.write(`replaying ${count.toLocaleString('en-US')} packets at ${rate === null ? 'top speed' : `${rate.toLocaleString('en-US')} pps`}…\n`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const ours = await withFlowsight(dir, file, rate, count);
    const theirs = await withTcpdump(dir, file, rate, count);
    rows.push({
      rate,
      sent: ours.sent.sent,
      achievedPps: ours.sent.pps,
      flowsight: { captured: ours.captured, dropped: ours.dropped, peakRssMiB: ours.peakRssMiB },
      tcpdump: { captured: theirs.captured, droppedByKernel: theirs.droppedByKernel, peakRssMiB: theirs.peakRssMiB },
    });
    if (theirs.sent.sent !== ours.sent.sent) throw new Error(`tcpreplay sent ${ours.sent.sent} packets for flowsight but ${theirs.sent.sent} for tcpdump`);
  }
  rmSync(dir, { recursive: true, force: true });

  const lossless = (kept: (row: CaptureRateRow) => number) => {
    const ok = rows.filter((row) => kept(row) === row.sent);
    return ok.length ? Math.max(...ok.map((row) => row.achievedPps)) : null;
  };
  const flowsight = lossless((row) => row.flowsight.captured);
  const tcpdump = lossless((row) => row.tcpdump.captured);
  return {
    packets: PACKETS,
    filter: FILTER,
    rows,
    lossless: { flowsight, tcpdump },
    ratio: flowsight !== null && tcpdump !== null ? flowsight / tcpdump : null,
    load: { before: loadBefore, after: loadavg()[0], cpus: cpus().length },
  };
}
