import { readCaptureFile } from '../../electron/capture/capture-file';
import type { AnyFlowFeature } from '../../electron/flows/flow-feature';
import { FlowEngine, defaultEngineOptions } from '../../electron/flows/flow-engine';
import { flowFieldNames } from '../../shared/fields';
import { convKey } from './conversations';
import { endpoint, tshark } from './tshark';

/** A finished flow as a record keyed by field name. */
export type FlowRow = Record<string, string | number | null>;

/** Runs a capture through the real engine (default features unless given) and returns every flow's row. */
export async function engineRows(file: string, features?: AnyFlowFeature[]): Promise<FlowRow[]> {
  const engine = features ? new FlowEngine(defaultEngineOptions, features) : new FlowEngine();
  const rows: FlowRow[] = [];
  const drain = () => {
    const done = engine.takeFinished();
    for (const f of done) {
      const values = engine.toRow(f);
      rows.push(Object.fromEntries(flowFieldNames.map((n, i) => [n, values[i]])));
    }
    engine.release(done);
  };
  await readCaptureFile(file, (rec) => {
    engine.onPacket(rec);
    drain();
  });
  engine.finishAll();
  drain();
  return rows;
}

/** One frame of tshark output: its time, its 5-tuple key and the requested fields' values. */
export interface TsharkFrame {
  frame: number;
  time: number;
  key: string;
  /** Per requested field: every occurrence in the frame (tshark's aggregated values, split). */
  values: string[][];
}

const SEP = '\x1f';
const AGG = '\x1e';

/**
 * Frames matching `filter`, with `fields`. The 5-tuple and VLAN are the
 * innermost ones (tshark lists outer headers first), keyed like `rowKey`.
 */
export function tsharkFrames(file: string, filter: string, fields: string[], extraArgs: string[] = []): TsharkFrame[] {
  const base = ['frame.number', 'frame.time_epoch', 'ip.src', 'ip.dst', 'ipv6.src', 'ipv6.dst', 'tcp.srcport', 'tcp.dstport', 'udp.srcport', 'udp.dstport', 'vlan.id'];
  const args = ['-n', '-r', file, ...extraArgs, '-Y', filter, '-T', 'fields', '-E', `separator=${SEP}`, '-E', `aggregator=${AGG}`, '-E', 'occurrence=a'];
  for (const f of [...base, ...fields]) args.push('-e', f);
  const out: TsharkFrame[] = [];
  for (const line of tshark(args).split('\n')) {
    if (!line) continue;
    const c = line.split(SEP);
    const last = (v: string) => v.split(AGG).filter(Boolean).pop() ?? '';
    // IPv6 inside IPv4 (Teredo, 6in4) keeps the innermost family.
    const src = last(c[4]) || last(c[2]);
    const dst = last(c[5]) || last(c[3]);
    const tcp = last(c[6]) !== '';
    const proto = tcp ? 'tcp' : 'udp';
    const sp = tcp ? last(c[6]) : last(c[8]);
    const dp = tcp ? last(c[7]) : last(c[9]);
    out.push({
      frame: Number(c[0]),
      time: Number(c[1]),
      key: flowKey(proto, src, Number(sp), dst, Number(dp), Number(last(c[10]) || 0)),
      values: c.slice(base.length).map((v) => (v === '' ? [] : v.split(AGG))),
    });
  }
  return out;
}

export function rowKey(r: FlowRow): string {
  return flowKey(String(r.proto), String(r.src_ip), Number(r.src_port), String(r.dst_ip), Number(r.dst_port), Number(r.vlan ?? 0));
}

/** A direction-free 5-tuple plus the (innermost) VLAN, which is part of Flowsight's flow key. */
function flowKey(proto: string, src: string, sp: number, dst: string, dp: number, vlan: number): string {
  return `${convKey(proto, endpoint(src, sp), endpoint(dst, dp))} vlan ${vlan}`;
}

/**
 * For each flow, the first tshark value (from `pick`) among the frames that
 * fall inside it: same 5-tuple, time within [first_ts, last_ts]. Flows with no
 * such value are left out.
 */
export function firstValuePerFlow(rows: FlowRow[], frames: TsharkFrame[], pick: (f: TsharkFrame) => string | undefined): Map<FlowRow, string> {
  const byKey = new Map<string, FlowRow[]>();
  for (const r of rows) {
    const k = rowKey(r);
    byKey.set(k, [...(byKey.get(k) ?? []), r]);
  }
  const out = new Map<FlowRow, string>();
  for (const fr of frames) {
    const v = pick(fr);
    if (v === undefined || v === '') continue;
    const flow = (byKey.get(fr.key) ?? []).find((r) => fr.time >= Number(r.first_ts) - 1e-6 && fr.time <= Number(r.last_ts) + 1e-6);
    if (flow && !out.has(flow)) out.set(flow, v);
  }
  return out;
}

/**
 * Every A/AAAA record (answer, authority and additional sections) tshark
 * shows in DNS, mDNS and LLMNR responses, as "owner address" strings. Read
 * from the JSON tree, where each record keeps its own name and address.
 */
export function tsharkDnsAddressRecords(file: string, extraArgs: string[] = []): string[] {
  const out = tshark(['-n', '-r', file, ...extraArgs, '-Y', '(dns || mdns || llmnr) && dns.flags.response == 1', '-T', 'json', '--no-duplicate-keys', '-J', 'dns mdns llmnr']);
  const records: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    const name = o['dns.resp.name'];
    for (const [field, type] of [['dns.a', '1'], ['dns.aaaa', '28']] as const) {
      const addr = o[field];
      if (typeof addr === 'string' && typeof name === 'string' && o['dns.resp.type'] === type) records.push(`${name} ${addr}`);
    }
    for (const [k, v] of Object.entries(o)) if (k === 'Answers' || k === 'Authoritative nameservers' || k === 'Additional records' || typeof v === 'object') visit(v);
  };
  visit(JSON.parse(out || '[]'));
  return records;
}
