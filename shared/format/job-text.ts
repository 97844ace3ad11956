import type { JobKind } from '../domain/job';

const TITLES: Record<JobKind, string> = {
  ingest: 'Import',
  export: 'Export',
  capture: 'Capture',
  verify: 'Evidence check',
  findings: 'Findings',
  kmeans: 'Anomaly detection',
  'session-import': 'Session import',
  'session-train': 'Session model training',
  'session-derive': 'Session derivation',
  profiles: 'Host profiles',
  'flow-import': 'Flow log import',
  train: 'Training',
  predict: 'Prediction',
};

/** What a job is called in the UI. */
export function jobTitle(kind: JobKind): string {
  return TITLES[kind];
}

// Counter keys that are nouns, with their singular; the others (partial,
// labelled, suspicious…) read as they are after a count.
const SINGULAR: Record<string, string> = {
  files: 'file',
  packets: 'packet',
  flows: 'flow',
  points: 'point',
  anomalies: 'anomaly',
  training_points: 'training point',
  hosts: 'host',
  findings: 'finding',
  records: 'record',
  folds: 'fold',
  rows: 'row',
  'bad rows': 'bad row',
  sessions: 'session',
  attempts: 'attempt',
  bytes: 'byte',
};

/** One job counter as a phrase: "1 file", "6,089 flows", "suggested k 4", "model 3". */
export function counterText(key: string, n: number): string {
  if (key === 'model') return `model ${n}`;
  if (key === 'suggested_k') return `suggested k ${n}`;
  const noun = n === 1 && key in SINGULAR ? SINGULAR[key] : key.replace(/_/g, ' ');
  return `${n.toLocaleString('en-US')} ${noun}`;
}

/** A job's counters, in their order, joined for a status line. */
export function countersText(counters: Record<string, number>): string[] {
  return Object.entries(counters).map(([k, v]) => counterText(k, v));
}
