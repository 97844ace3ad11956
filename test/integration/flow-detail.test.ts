import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowRecord } from '../../shared/fields';
import type { PacketBytes, PacketList, TcpStream } from '../../shared/domain/packets';
import { corpus } from '../support/corpus';
import { testSession } from '../support/session';
import { tempDir } from '../support/tmp';
import { tshark } from '../support/tshark';

/**
 * Flow detail reads packets back from the evidence through the packet index;
 * tshark, reading the same file, is the reference for every packet's time,
 * length and bytes, and for the reassembled TCP stream.
 */
const tmp = tempDir();
const { session, call, waitJob } = testSession();
const files = {
  pcap: corpus('apps/zeek/web.pcap'),
  pcapng: corpus('tcp/chrissanders/tcp_retransmissions.pcapng'),
  gz: tmp.path('web.pcap.gz'),
};

/** The flows of one evidence file (the detail call names each flow's evidence). */
async function flowsIn(file: string): Promise<FlowRecord[]> {
  const ev = (await call<{ id: number; path: string }[]>('evidence.list', {})).find((e) => e.path === file)!;
  const all = (await call<{ rows: FlowRecord[] }>('flows.page', { startRow: 0, endRow: 10_000, sort: [{ field: 'id', dir: 'asc' }] })).rows;
  const mine: FlowRecord[] = [];
  for (const f of all) if ((await call<{ evidence: { id: number } | null }>('flows.detail', { id: f.id })).evidence?.id === ev.id) mine.push(f);
  return mine;
}

interface Frame {
  epoch: string;
  len: number;
  src: string;
  srcPort: string;
  bytes?: string;
}

function tsharkFrames(file: string, filter: string): Frame[] {
  return tshark(['-n', '-r', file, '-Y', filter, '-T', 'fields', '-E', 'separator=\t', '-e', 'frame.time_epoch', '-e', 'frame.len', '-e', 'ip.src', '-e', 'tcp.srcport'])
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [epoch, len, src, srcPort] = l.split('\t');
      return { epoch, len: Number(len), src, srcPort };
    });
}

function flowFilter(f: FlowRecord): string {
  return `ip.addr == ${f.src_ip} && ip.addr == ${f.dst_ip} && tcp.port == ${f.src_port} && tcp.port == ${f.dst_port}`;
}

beforeAll(async () => {
  writeFileSync(files.gz, gzipSync(readFileSync(files.pcap)));
  session.openCase(tmp.path('detail.flowsight'), { create: true });
  for (const f of [files.pcap, files.pcapng, files.gz]) {
    const done = waitJob();
    await call('ingest.start', { files: [f] });
    expect((await done).status).toBe('done');
  }
});
afterAll(async () => {
  await session.dispose();
  tmp.cleanup();
});

describe('a flow\'s packets, read back from its evidence file', () => {
  it.each([
    ['pcap', files.pcap],
    ['pcapng', files.pcapng],
    ['gzip-compressed pcap', files.gz],
  ] as const)('%s: every packet of every TCP flow has tshark\'s time and length, in order', async (_kind, file) => {
    const flows = (await flowsIn(file)).filter((f) => f.proto === 'tcp');
    expect(flows.length).toBeGreaterThan(0);
    for (const f of flows) {
      const list = await call<PacketList>('flows.packets', { id: f.id, offset: 0, limit: 5000 });
      const theirs = tsharkFrames(file, flowFilter(f));
      expect(list.total).toBe(f.packets);
      expect(list.packets.map((p) => [p.ts.toFixed(6), p.length, p.dir])).toEqual(
        theirs.map((t) => [Number(t.epoch).toFixed(6), t.len, t.src === f.src_ip && Number(t.srcPort) === f.src_port ? 'fwd' : 'bwd']),
      );
    }
  });

  it('pages through a flow\'s packets, with relative sequence numbers like Wireshark\'s', async () => {
    const big = (await flowsIn(files.pcap)).sort((a, b) => (b.packets as number) - (a.packets as number))[0];
    const all = await call<PacketList>('flows.packets', { id: big.id, offset: 0, limit: 5000 });
    const page = await call<PacketList>('flows.packets', { id: big.id, offset: 5, limit: 3 });
    expect(page.packets).toEqual(all.packets.slice(5, 8));
    expect(all.packets[0]).toMatchObject({ number: 1, rel: 0, seq: 0 });
    // tshark's relative sequence numbers for the same frames.
    const seqs = tshark(['-n', '-r', files.pcap, '-Y', flowFilter(big), '-T', 'fields', '-e', 'tcp.seq', '-e', 'tcp.ack']).trim().split('\n').map((l) => l.split('\t').map(Number));
    expect(seqs).toHaveLength(big.packets as number);
    expect(all.packets.map((p) => [p.seq, p.ack])).toEqual(seqs.map(([seq, ack], i) => [seq, all.packets[i].flags.includes('ACK') ? ack : all.packets[i].ack]));
  });

  it('gives a packet\'s bytes exactly as captured', async () => {
    const f = (await flowsIn(files.pcap)).filter((x) => x.proto === 'tcp')[0];
    const b = await call<PacketBytes>('flows.packetBytes', { id: f.id, number: 1 });
    const theirs = tshark(['-n', '-r', files.pcap, '-Y', flowFilter(f), '-T', 'fields', '-e', 'frame.number']).trim().split('\n')[0];
    const hex = tshark(['-n', '-r', files.pcap, '-Y', `frame.number == ${theirs}`, '-x']).split('\n').filter((l) => /^[0-9a-f]{4} {2}/.test(l)).map((l) => l.slice(6, 54).replace(/\s+/g, '')).join('');
    expect(b.hex).toBe(hex);
    expect(b.layers.map((l) => l[0])).toEqual(['link', 'ipv4', 'tcp']);
  });
});

describe('follow TCP stream', () => {
  it('reassembles both sides as tshark -z follow,tcp,raw does', async () => {
    for (const file of [files.pcap, files.pcapng]) {
      const f = (await flowsIn(file)).filter((x) => x.proto === 'tcp').sort((a, b) => (b.bytes as number) - (a.bytes as number))[0];
      const stream = await call<TcpStream>('flows.stream', { id: f.id });
      const streamIndex = tshark(['-n', '-r', file, '-Y', flowFilter(f), '-T', 'fields', '-e', 'tcp.stream']).trim().split('\n')[0];
      const out = tshark(['-n', '-r', file, '-q', '-z', `follow,tcp,raw,${streamIndex}`]);
      const lines = out.split('\n').filter((l) => /^\t?[0-9a-f]+$/.test(l));
      const merged: { from: string; hex: string }[] = [];
      // tshark's Node 0 is the side that sent the first packet: our client.
      for (const l of lines) {
        const from = l.startsWith('\t') ? 'server' : 'client';
        const last = merged[merged.length - 1];
        if (last && last.from === from) last.hex += l.trim();
        else merged.push({ from, hex: l.trim() });
      }
      expect(stream.chunks).toEqual(merged);
      expect(stream.truncated).toBe(false);
    }
  });
});

