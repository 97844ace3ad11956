import { describe, expect, it } from 'vitest';
import { corpus } from '../support/corpus';
import { engineFlows } from '../support/engine-rows';
import { tshark } from '../support/tshark';
import type { FlowRecord } from '../../shared/fields';

/**
 * An independent oracle for the flow features: tshark's per-packet view of the
 * same capture (frame length, exact timestamp, payload length, TCP flags, window,
 * header length), grouped by 5-tuple and reduced with plain batch arithmetic.
 * Only 5-tuples that form exactly one flow are compared.
 */
interface Pkt {
  ns: bigint;
  len: number;
  payload: number;
  flags: number;
  win: number;
  hdr: number;
  src: string;
}

function packetsBy5Tuple(file: string): Map<string, Pkt[]> {
  const out = tshark(['-n', '-r', file, '-Y', '(tcp or udp) and not icmp and not icmpv6 and not ip.flags.mf == 1 and ip.frag_offset == 0 or ipv6', '-T', 'fields', '-E', 'separator=\t',
    '-e', 'frame.time_epoch', '-e', 'frame.len', '-e', 'ip.src', '-e', 'ip.dst', '-e', 'ipv6.src', '-e', 'ipv6.dst', '-e', 'tcp.srcport', '-e', 'tcp.dstport', '-e', 'udp.srcport', '-e', 'udp.dstport',
    '-e', 'tcp.len', '-e', 'udp.length', '-e', 'tcp.flags', '-e', 'tcp.window_size_value', '-e', 'tcp.hdr_len']);
  const m = new Map<string, Pkt[]>();
  for (const line of out.split('\n')) {
    if (!line) continue;
    const [t, len, s4, d4, s6, d6, ts, td, us, ud, tlen, ulen, flags, win, hdr] = line.split('\t');
    if ([s4, d4, s6, d6, ts, us].some((v) => v.includes(','))) continue;
    const proto = ts ? 'tcp' : 'udp';
    const a = `${s4 || s6}:${ts || us}`;
    const b = `${d4 || d6}:${td || ud}`;
    if (!ts && !us) continue;
    const [sec, frac = ''] = t.split('.');
    const ns = BigInt(sec) * 1_000_000_000n + BigInt(frac.padEnd(9, '0').slice(0, 9));
    const key = `${proto} ${[a, b].sort().join(' ')}`;
    const list = m.get(key) ?? [];
    list.push({ ns, len: Number(len), payload: ts ? Number(tlen) : Number(ulen) - 8, flags: ts ? parseInt(flags, 16) : 0, win: ts ? Number(win) : -1, hdr: ts ? Number(hdr) : 8, src: a });
    m.set(key, list);
  }
  return m;
}

function stats(xs: number[]) {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const variance = n > 1 ? xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1) : 0;
  return { min: Math.min(...xs), max: Math.max(...xs), mean, std: Math.sqrt(variance), sum: xs.reduce((a, b) => a + b, 0) };
}

function iats(ps: Pkt[]): number[] {
  return ps.slice(1).map((p, i) => Number(p.ns - ps[i].ns) / 1e9);
}

const captures = ['apps/zeek/web.pcap', 'apps/ndpi/pcap/netflix.pcap', 'apps/ndpi/pcap/http_ipv6.pcap', 'tcp/zeek/ssh/sshguess.pcap', 'apps/ndpi/pcap/teams.pcap'];

describe('flow features equal an independent computation from tshark\'s packets', () => {
  it.each(captures)('%s', async (rel) => {
    const file = corpus(rel);
    const flows = await engineFlows(file);
    const packets = packetsBy5Tuple(file);
    const byKey = new Map<string, FlowRecord[]>();
    for (const f of flows) {
      if (f.proto !== 'tcp' && f.proto !== 'udp') continue;
      const key = `${f.proto} ${[`${f.src_ip}:${f.src_port}`, `${f.dst_ip}:${f.dst_port}`].sort().join(' ')}`;
      byKey.set(key, [...(byKey.get(key) ?? []), f]);
    }
    let compared = 0;
    for (const [key, fs] of byKey) {
      const ps = packets.get(key);
      if (fs.length !== 1 || !ps) continue;
      const f = fs[0];
      if (f.icmp_errors !== 0) continue;
      const src = `${f.src_ip}:${f.src_port}`;
      const fwd = ps.filter((p) => p.src === src);
      const bwd = ps.filter((p) => p.src !== src);
      expect({ key, fwd: f.fwd_packets, bwd: f.bwd_packets }).toEqual({ key, fwd: fwd.length, bwd: bwd.length });
      const close = (a: number | null, b: number, what: string) => expect(a, `${key} ${what}`).toBeCloseTo(b, 6);
      for (const [side, list] of [['fwd', fwd], ['bwd', bwd]] as const) {
        if (!list.length) continue;
        const len = stats(list.map((p) => p.len));
        const rec = f as unknown as Record<string, number | null>;
        close(rec[`${side}_len_min`], len.min, `${side}_len_min`);
        close(rec[`${side}_len_max`], len.max, `${side}_len_max`);
        close(rec[`${side}_len_mean`], len.mean, `${side}_len_mean`);
        close(rec[`${side}_len_std`], len.std, `${side}_len_std`);
        const pay = stats(list.map((p) => p.payload));
        expect(rec[`${side}_payload_bytes`], `${key} ${side}_payload_bytes`).toBe(pay.sum);
        close(rec[`${side}_payload_max`], pay.max, `${side}_payload_max`);
        close(rec[`${side}_payload_std`], pay.std, `${side}_payload_std`);
        expect(rec[`${side}_header_bytes`]).toBe(list.reduce((a, p) => a + p.hdr, 0));
        if (list.length > 1) {
          const iat = stats(iats(list));
          close(rec[`${side}_iat_min`], iat.min, `${side}_iat_min`);
          close(rec[`${side}_iat_max`], iat.max, `${side}_iat_max`);
          close(rec[`${side}_iat_mean`], iat.mean, `${side}_iat_mean`);
          close(rec[`${side}_iat_std`], iat.std, `${side}_iat_std`);
          close(rec[`${side}_iat_total`], iat.sum, `${side}_iat_total`);
        }
        if (f.proto === 'tcp') expect(rec[side === 'fwd' ? 'init_win_fwd' : 'init_win_bwd']).toBe(list[0].win);
      }
      if (f.proto === 'tcp') {
        const count = (bit: number) => ps.filter((p) => p.flags & bit).length;
        expect({ key, syn: f.syn_count, fin: f.fin_count, rst: f.rst_count, ack: f.ack_count, psh: f.psh_count }).toEqual({ key, syn: count(2), fin: count(1), rst: count(4), ack: count(16), psh: count(8) });
      }
      const flowIat = stats(iats(ps));
      if (ps.length > 1) close(f.flow_iat_mean, flowIat.mean, 'flow_iat_mean');
      expect(f.first_sizes).toBe(ps.slice(0, 20).map((p) => (p.src === src ? p.len : -p.len)).join(','));
      expect(f.first_iats).toBe(ps.slice(0, 20).map((p, i) => (i ? Math.round(Number(p.ns - ps[i - 1].ns) / 1000) : 0)).join(','));
      compared++;
    }
    // Most conversations of these captures are single flows; all of those were compared.
    expect(compared).toBeGreaterThanOrEqual(Math.min(5, byKey.size));
  });
});
