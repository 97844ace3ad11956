import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { openCaseDb } from '../../cases/case-db';
import { CaptureController } from '../../jobs/capture-controller';
import type { LiveCounters } from '../../ingest/live-capture';
import { CliError } from '../cli-error';

function human(n: number): string {
  return n < 1e3 ? `${n} B` : n < 1e6 ? `${(n / 1e3).toFixed(1)} kB` : n < 1e9 ? `${(n / 1e6).toFixed(1)} MB` : `${(n / 1e9).toFixed(2)} GB`;
}

function line(c: LiveCounters): string {
  const n = (v: number | null) => (v === null ? 'n/a' : v.toLocaleString('en-US'));
  return `${c.seconds.toFixed(1)} s · ${c.packets.toLocaleString('en-US')} packets · ${human(c.bytes)} · ${c.flows.toLocaleString('en-US')} flows (${c.activeFlows} active) · dropped ${n(c.dropped)} · interface drops ${n(c.interfaceDropped)} · file ${human(c.fileBytes)}`;
}

export function registerCapture(program: Command): void {
  program
    .command('capture')
    .description('capture from a local interface into a case (pcapng evidence in the case folder, flows as they happen)')
    .requiredOption('--interface <name>', 'interface to capture on (e.g. eth0, lo)')
    .requiredOption('--case <path>', 'case file (created if needed)')
    .option('--filter <bpf>', 'BPF capture filter', '')
    .option('--snaplen <n>', 'bytes kept of each packet (at most 65535)', '65535')
    .option('--no-promiscuous', 'do not put the interface into promiscuous mode')
    .option('--rotate <MB>', 'start a new evidence file past this size', '100')
    .option('--duration <s>', 'stop after this many seconds')
    .option('--packets <n>', 'stop after this many packets')
    .option('--tag <label>', 'label flows that start during the capture (activity tag)')
    .action(async (o: { interface: string; case: string; filter: string; snaplen: string; promiscuous: boolean; rotate: string; duration?: string; packets?: string; tag?: string }) => {
      const casePath = resolve(o.case);
      openCaseDb(casePath, { create: true }).close();
      const snaplen = Number(o.snaplen);
      if (!Number.isInteger(snaplen) || snaplen < 64 || snaplen > 65_535) throw new CliError('--snaplen must be an integer from 64 to 65535', 2);
      const rotate = Number(o.rotate);
      if (!(rotate > 0)) throw new CliError('--rotate must be a positive number of MB', 2);
      const maxSeconds = o.duration === undefined ? undefined : Number(o.duration);
      const maxPackets = o.packets === undefined ? undefined : Number(o.packets);
      if (maxSeconds !== undefined && !(maxSeconds > 0)) throw new CliError('--duration must be a positive number of seconds', 2);
      if (maxPackets !== undefined && !(Number.isInteger(maxPackets) && maxPackets > 0)) throw new CliError('--packets must be a positive integer', 2);
      const tty = process.stderr.isTTY;
      let ended!: () => void;
      const finished = new Promise<void>((r) => (ended = r));
      let last: LiveCounters | null = null;
      let failure: string | null = null;
      const controller = new CaptureController({
        progress: (c) => {
          last = c;
          if (tty) process.stderr.write(`\r${line(c)}\u001b[K`);
        },
        ended: (c, error) => {
          last = c ?? last;
          failure = error;
          ended();
        },
      });
      try {
        await controller.start(casePath, { device: o.interface, filter: o.filter, snaplen, promiscuous: o.promiscuous, rotateBytes: rotate * 1_000_000, maxSeconds, maxPackets, author: userInfo().username, tag: o.tag ?? null });
      } catch (err) {
        throw new CliError((err as Error).message, 1);
      }
      process.stderr.write(`capturing on ${o.interface}${o.filter ? ` (${o.filter})` : ''} into ${casePath}; Ctrl-C stops\n`);
      const onSigint = () => void controller.stop();
      process.once('SIGINT', onSigint);
      await finished;
      process.off('SIGINT', onSigint);
      if (tty) process.stderr.write('\n');
      if (last) process.stderr.write(`${line(last)}\n`);
      if (failure) throw new CliError(failure, 1);
    });
}
