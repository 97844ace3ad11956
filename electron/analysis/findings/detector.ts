import type { FindingKind, Severity } from '../../../shared/domain/findings';
import type { DetectorFlows } from './detector-flows';

/** A finding as a detector reports it, before it is stored (and numbered). */
export interface FindingDraft {
  kind: FindingKind;
  severity: Severity;
  startTs: number;
  endTs: number;
  srcIps: string[];
  dstIps: string[];
  dstPort: number | null;
  proto: string | null;
  count: number;
  explanation: string;
  /** Evidence flow ids, ascending. */
  flowIds: number[];
}

export interface ThresholdDef {
  value: number;
  description: string;
}

/**
 * One behaviour's detector. Its thresholds are documented with their
 * defaults; a run may override any of them by name.
 */
export interface Detector<T extends Record<string, number> = Record<string, number>> {
  kind: FindingKind;
  title: string;
  description: string;
  thresholds: { [K in keyof T]: ThresholdDef };
  detect(flows: DetectorFlows, t: T): FindingDraft[];
}

/** How far over its threshold a finding is: 5× or more is high, 2× medium, less low. */
export function severityOf(count: number, threshold: number): Severity {
  const ratio = count / Math.max(threshold, 1e-9);
  return ratio >= 5 ? 'high' : ratio >= 2 ? 'medium' : 'low';
}

/** A draft from its evidence flows: times, hosts and ids come from the flows themselves. */
export function draftFrom(flows: DetectorFlows, idx: number[], d: Pick<FindingDraft, 'kind' | 'severity' | 'count' | 'explanation'> & { dstPort?: number | null }): FindingDraft {
  let start = Infinity;
  let end = -Infinity;
  const src = new Set<string>();
  const dst = new Set<string>();
  const ports = new Set<number>();
  const protos = new Set<string>();
  for (const i of idx) {
    start = Math.min(start, flows.first[i]);
    end = Math.max(end, flows.last[i]);
    src.add(flows.ips[flows.src[i]]);
    dst.add(flows.ips[flows.dst[i]]);
    ports.add(flows.dport[i]);
    protos.add(flows.protoName(i));
  }
  return {
    kind: d.kind,
    severity: d.severity,
    startTs: start,
    endTs: end,
    srcIps: sortAddresses(src),
    dstIps: sortAddresses(dst),
    dstPort: d.dstPort !== undefined ? d.dstPort : ports.size === 1 ? [...ports][0] : null,
    proto: protos.size === 1 ? [...protos][0] : null,
    count: d.count,
    explanation: d.explanation,
    flowIds: idx.map((i) => flows.id[i]).sort((a, b) => a - b),
  };
}

/** Addresses in a stable, readable order (numeric for IPv4). */
export function sortAddresses(set: Iterable<string>): string[] {
  const key = (a: string) => (/^\d+\.\d+\.\d+\.\d+$/.test(a) ? a.split('.').map((p) => p.padStart(3, '0')).join('.') : `~${a}`);
  return [...set].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export function seconds(s: number): string {
  return s < 10 ? `${s.toFixed(2)} s` : `${s.toFixed(0)} s`;
}

export function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}
