import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dltOf, loadCap } from '../../electron/capture/live/cap-binding';
import type { CaptureInterfaceInfo } from '../../shared/domain/capture';
import type { FlowRecord } from '../../shared/fields';
import { cliPath, jsonl, runCli } from '../support/cli';
import { testSession } from '../support/session';
import { tempDir } from '../support/tmp';
import { tshark } from '../support/tshark';
import { sendUdp } from '../support/traffic';

/**
 * Link types: the interface list states them before anything is opened, and
 * they must be what libpcap itself gives when the device is opened. `any` is
 * captured cooked (Linux SLL), which the capture must store and the engine read.
 */
const tmp = tempDir();
const { session, call } = testSession();
const UDP_PORT = 47_671;

/** What libpcap reports for the device, opened for a moment. */
function openedLinkType(device: string): number {
  const cap = new (loadCap().Cap)();
  const name = cap.open(device, '', 1 << 20, Buffer.alloc(65_536));
  cap.close();
  return dltOf(name);
}

afterAll(async () => {
  await session.dispose();
  tmp.cleanup();
});

describe('capture link types', () => {
  it("the interface list gives lo's and any's link type as libpcap does when it opens them", async () => {
    const list = await call<CaptureInterfaceInfo[]>('capture.interfaces', {});
    const lo = list.find((i) => i.name === 'lo');
    const any = list.find((i) => i.name === 'any');
    expect(lo?.linkType).toEqual({ linkType: 1, name: 'Ethernet' });
    expect(any?.linkType).toEqual({ linkType: 113, name: 'Linux cooked (SLL)' });
    expect(openedLinkType('lo')).toBe(lo!.linkType!.linkType);
    expect(openedLinkType('any')).toBe(any!.linkType!.linkType);
  });

  it('maps every name cap gives to the LINKTYPE number written to the evidence', () => {
    expect(['NULL', 'ETHERNET', 'IEEE802_11_RADIO', 'LINKTYPE_LINUX_SLL', 'RAW'].map(dltOf)).toEqual([0, 1, 127, 113, 101]);
    expect(dltOf('Unknown linktype 239')).toBe(239);
    // DLT_RAW's number differs between systems: not guessed.
    expect(() => dltOf('Unknown linktype 12')).toThrow(/no known LINKTYPE number/);
    expect(() => dltOf('Something else')).toThrow(/"Something else"/);
  });

  it('captures on any: cooked frames in the evidence, read by tshark and the engine alike', async () => {
    const c = tmp.path('any.flowsight');
    const child = spawn(process.execPath, [cliPath, 'capture', '--interface', 'any', '--case', c, '--filter', `udp port ${UDP_PORT}`, '--duration', '4']);
    let err = '';
    const started = new Promise<void>((resolve) =>
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        if (err.includes('capturing on any')) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await Promise.race([started, exited]);
    await sendUdp(UDP_PORT, 12, 20);
    expect(await exited, err).toBe(0);
    const dir = join(dirname(c), 'any.captures');
    const [file] = readdirSync(dir);
    const frames = tshark(['-n', '-r', join(dir, file), '-T', 'fields', '-e', 'sll.pkttype', '-e', 'udp.dstport']).trim().split('\n');
    expect(frames).toHaveLength(12);
    for (const f of frames) expect(f.split('\t')[1]).toBe(String(UDP_PORT));
    const flows = jsonl<FlowRecord>(runCli(['flows', '--case', c]).stdout);
    expect(flows.map((f) => [f.proto, f.dst_port, f.packets])).toEqual([['udp', UDP_PORT, 12]]);
  }, 30_000);
});
