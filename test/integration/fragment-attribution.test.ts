import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { flowTotals } from '../support/conversations';
import { ethernet, ipv4, tcp, udp, u16 } from '../support/decode-bytes';
import { runEngine } from '../support/engine-flows';
import { concat, epb, idb, shb } from '../support/pcapng-builder';
import { tempDir } from '../support/tmp';
import { tsharkFrames } from '../support/tshark-frames';
import { tsharkReference } from '../support/tshark-reference';

const MF = 0x2000;
const A = [10, 0, 0, 1], B = [10, 0, 0, 2];
const OUTER_A = [192, 0, 2, 1], OUTER_B = [192, 0, 2, 2];

/** Splits one IPv4 datagram's payload into fragments of `size` bytes (a multiple of 8), in wire order. */
function fragments(proto: number, src: number[], dst: number[], payload: number[], id: number, size: number): number[][] {
  const out: number[][] = [];
  for (let off = 0; off < payload.length; off += size) {
    const more = off + size < payload.length ? MF : 0;
    out.push([...ethernet(0x0800), ...ipv4(proto, src, dst, payload.slice(off, off + size), id, more | (off / 8))]);
  }
  return out;
}

const bytes = (n: number, seed: number): number[] => Array.from({ length: n }, (_, i) => (i * 7 + seed) & 255);
/** GRE (RFC 2784) without options, carrying IPv4. */
const gre = (inner: number[]): number[] => [0, 0, ...u16(0x0800), ...inner];

/** Writes frames as a pcapng, one millisecond apart, and reads it with the engine and with tshark. */
async function both(file: string, frames: number[][]) {
  writeFileSync(file, concat(shb(true), idb(true, 1), ...frames.map((data, i) => epb(true, { ts: BigInt(1_700_000_000_000_000 + i * 1000), data }))));
  const run = await runEngine(file);
  return { ours: flowTotals(run.flows), tshark: tsharkReference(await tsharkFrames(file)), flows: run.flows };
}

describe('fragments are counted in their datagram\'s flow, whatever order they arrive in (equal to tshark\'s reassembly)', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('a UDP datagram whose fragments arrive last first', async () => {
    const [f1, f2, f3] = fragments(17, A, B, udp(5000, 53, bytes(40, 1)), 7, 16);
    const other = [...ethernet(0x0800), ...ipv4(17, B, A, udp(53, 5000, bytes(12, 2)), 8)];
    const { ours, tshark, flows } = await both(tmp.path('udp-reversed.pcapng'), [f3, other, f2, f1]);
    expect([...ours.entries()].map(([k, t]) => [k, t.frames, t.framesFromLow])).toEqual([['udp 10.0.0.1:5000 10.0.0.2:53', 4, 3]]);
    // The held fragments count when their first fragment comes, after the reply that arrived between them.
    expect(flows.map((f) => `${f.src_ip}:${f.src_port} ${f.packets}`)).toEqual(['10.0.0.2:53 4']);
    const t = tshark.get('udp 10.0.0.1:5000 10.0.0.2:53')!;
    expect([tshark.size, t.frames, t.framesFromLow]).toEqual([1, 4, 3]);
  });

  it('a TCP segment in a GRE tunnel whose outer datagram is fragmented, in order and out of order', async () => {
    const inner = (sport: number) => ipv4(6, A, B, tcp(sport, 80, 0x18, bytes(60, sport)), sport);
    const inOrder = fragments(47, OUTER_A, OUTER_B, gre(inner(40001)), 21, 56);
    const reversed = fragments(47, OUTER_A, OUTER_B, gre(inner(40002)), 22, 56).reverse();
    expect([inOrder.length, reversed.length]).toEqual([2, 2]);
    const { ours, tshark } = await both(tmp.path('gre-outer-fragments.pcapng'), [...inOrder, ...reversed]);
    const keys = ['tcp 10.0.0.1:40001 10.0.0.2:80', 'tcp 10.0.0.1:40002 10.0.0.2:80'];
    expect([...ours.keys()].sort()).toEqual(keys);
    expect([...tshark.keys()].sort()).toEqual(keys);
    for (const k of keys) expect({ k, frames: ours.get(k)!.frames }).toEqual({ k, frames: tshark.get(k)!.frames });
    expect(keys.map((k) => ours.get(k)!.frames)).toEqual([2, 2]);
  });

  it('a later fragment whose first fragment never comes stays in a port-0 flow of its addresses', async () => {
    const [, f2] = fragments(17, A, B, udp(5000, 53, bytes(40, 3)), 9, 16);
    const { flows } = await both(tmp.path('udp-lone.pcapng'), [f2]);
    expect(flows.map((f) => `${f.proto} ${f.src_ip}:${f.src_port} ${f.dst_ip}:${f.dst_port} ${f.packets}`)).toEqual(['udp 10.0.0.1:0 10.0.0.2:0 1']);
  });
});
