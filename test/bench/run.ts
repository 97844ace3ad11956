// `npm run bench [-- section...]`: whole-process benchmarks against peer tools on
// the same inputs, in the same run. Figures are ratios and peak memory, never
// pass/fail thresholds. Sections: ingest, queries, kmeans, train, capture (root: replays onto lo), sessions, profiles.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir } from './bench-data';
import { captureBench } from './capture-bench';
import { contextPeers, ingestBench, type IngestFigures } from './ingest-bench';
import { kmeansBench } from './kmeans-bench';
import { profileBench } from './profile-bench';
import { queryBench } from './query-bench';
import { trainBench } from './train-bench';
import { sessionCsvBench } from './session-csv-bench';

const sections = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const want = (s: string) => sections.length === 0 || sections.includes(s);
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

if (want('ingest')) {
  const runsArg = process.argv.find((a) => a.startsWith('--runs='));
  const runs = runsArg ? Number(runsArg.slice('--runs='.length)) : 3;
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number of at least 1, not ${runsArg}`);
  const rows: IngestFigures[] = [];
  for (const packets of [1_000_000, 5_000_000]) rows.push(ingestBench(packets, runs));
  console.log(`\n## Ingest: flowsight ingest vs tshark -q -z conv,tcp -z conv,udp (${runs} alternating runs each: medians, fastest–slowest, largest peak RSS)\n`);
  console.log('| packets | flows | flowsight s | range | CPU s | flowsight pkt/s | peak RSS | tshark s | range | CPU s | tshark pkt/s | peak RSS | speed-up |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const range = (r: [number, number]) => `${fmt(r[0], 2)}–${fmt(r[1], 2)}`;
  for (const r of rows) {
    console.log(`| ${fmt(r.packets)} | ${fmt(r.flows)} | ${fmt(r.ours.seconds, 2)} | ${range(r.ours.range)} | ${fmt(r.ours.cpuSeconds, 1)} | ${fmt(r.ours.pps)} | ${fmt(r.ours.rssMiB)} MiB | ${fmt(r.tshark.seconds, 2)} | ${range(r.tshark.range)} | ${fmt(r.tshark.cpuSeconds, 1)} | ${fmt(r.tshark.pps)} | ${fmt(r.tshark.rssMiB)} MiB | ${fmt(r.ratio, 1)}× |`);
  }
  const [small, big] = rows;
  console.log(`\nRSS 5M / RSS 1M: ${fmt(big.ours.rssMiB / small.ours.rssMiB, 2)}`);
  const shown = contextPeers.filter((p) => big.context[p.name]);
  if (shown.length) {
    console.log(`\nFor scale, on the same files in the same runs (medians, wall s / CPU s), and the wall time that 10× tshark's packets/s allows:\n`);
    console.log('| tool | what it does | 1M wall s | 1M CPU s | 5M wall s | 5M CPU s |');
    console.log('|---|---|---:|---:|---:|---:|');
    const cells = (f: { seconds: number; cpuSeconds: number } | undefined) => (f ? `${fmt(f.seconds, 2)} | ${fmt(f.cpuSeconds, 2)}` : ' | ');
    console.log(`| flowsight ingest | the whole pipeline into a case, SHA-256 included | ${cells(small.ours)} | ${cells(big.ours)} |`);
    for (const p of shown) console.log(`| ${p.name} | ${p.what} | ${cells(small.context[p.name])} | ${cells(big.context[p.name])} |`);
    console.log(`| 10× tshark | the target's wall time | ${fmt(small.tshark.seconds / 10, 2)} | | ${fmt(big.tshark.seconds / 10, 2)} | |`);
  }
  results.ingest = rows;
}

if (want('queries')) {
  const q = await queryBench();
  console.log(`\n## Flow table on a ${fmt(q.flows)}-flow case (pages of 200 rows through the API and query workers)\n`);
  console.log('| request | first (ms) | p95 of the next 20 (ms) |');
  console.log('|---|---:|---:|');
  for (const f of q.figures) console.log(`| ${f.what} | ${fmt(f.first, 1)} | ${Number.isNaN(f.p95) ? '' : fmt(f.p95, 1)} |`);
  results.queries = q;
}

if (want('train')) {
  const t = trainBench();
  console.log(`\n## Training on ${fmt(t.flows)} labelled flows × ${t.features} features, ${t.classes} classes (target: 30 s; load average ${fmt(t.load, 1)})\n`);
  console.log('| run | wall s | CPU s | CPU s / 30 s target | peak RSS | stratified macro-F1 | grouped macro-F1 |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  const f1 = (x: number | null) => (x === null ? '' : x.toFixed(3));
  for (const r of t.runs) console.log(`| ${r.what} | ${fmt(r.seconds, 1)} | ${fmt(r.cpuSeconds, 1)} | ${fmt(r.cpuSeconds / 30, 2)} | ${fmt(r.rssMiB)} MiB | ${f1(r.stratifiedMacroF1)} | ${f1(r.groupedMacroF1)} |`);
  for (const p of t.peers) console.log(`\nfinal fit, ${p.algo}: scikit-learn CPU time / flowsight CPU time = ${fmt(p.ratio, 2)}`);
  results.train = t;
}

if (want('kmeans')) {
  const f = kmeansBench();
  console.log(`\n## K-Means: ${fmt(f.rows)} host-windows × ${f.cols} features, k = ${f.k} (train + thresholds, then score), vs scikit-learn, one thread each\n`);
  console.log('| | train s | iterations | s/iteration | score s | anomalies | whole process s | peak RSS |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const [name, r] of [['flowsight (ml-kmeans)', f.ours], ['scikit-learn KMeans', f.sklearn]] as const) {
    console.log(`| ${name} | ${fmt(r.trainSeconds, 2)} | ${r.iterations} | ${fmt(r.trainSeconds / r.iterations, 3)} | ${fmt(r.scoreSeconds, 2)} | ${fmt(r.anomalies)} | ${fmt(r.wallSeconds, 2)} | ${fmt(r.rssMiB)} MiB |`);
  }
  console.log(`\nper-iteration time, scikit-learn / flowsight: ${fmt(f.perIterationRatio, 2)}`);
  results.kmeans = f;
}

if (want('capture')) {
  const c = await captureBench();
  const rate = (r: number | null) => (r === null ? 'top speed' : fmt(r));
  console.log(`\n## Live capture on lo: flowsight capture vs tcpdump -w, the same ${fmt(c.packets)}-packet capture replayed by tcpreplay (filter: ${c.filter})\n`);
  console.log('| rate tried (pps) | achieved (pps) | sent | captured by Flowsight | Flowsight "dropped" (libpcap) | Flowsight peak RSS | captured by tcpdump | tcpdump "dropped by kernel" | tcpdump peak RSS |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of c.rows) {
    const cell = (n: number) => (n === r.sent ? fmt(n) : `**${fmt(n)}** (−${fmt(r.sent - n)})`);
    console.log(`| ${rate(r.rate)} | ${fmt(r.achievedPps)} | ${fmt(r.sent)} | ${cell(r.flowsight.captured)} | ${r.flowsight.dropped ?? 'n/a'} | ${fmt(r.flowsight.peakRssMiB)} MiB | ${cell(r.tcpdump.captured)} | ${r.tcpdump.droppedByKernel ?? 'n/a'} | ${fmt(r.tcpdump.peakRssMiB, 1)} MiB |`);
  }
  const best = (n: number | null) => (n === null ? 'none of the rates tried' : `${fmt(n)} pps`);
  console.log(`\nHighest rate with every packet captured: Flowsight ${best(c.lossless.flowsight)}, tcpdump ${best(c.lossless.tcpdump)}${c.ratio === null ? '' : ` (Flowsight / tcpdump: ${fmt(c.ratio, 2)})`}.`);
  console.log(`Load average (1 min) ${fmt(c.load.before, 1)} before, ${fmt(c.load.after, 1)} after, on ${c.load.cpus} CPUs.`);
  results.capture = c;
}

if (want('sessions')) {
  const rows = [100_000, 1_000_000].map((n) => sessionCsvBench(n));
  console.log('\n## Session CSV import: flowsight sessions-import vs Python csv + sqlite3 (same rules, same file)\n');
  console.log('| rows | flowsight s | rows/s | peak RSS | python s | rows/s | peak RSS | speed-up |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${fmt(r.rows)} | ${fmt(r.ours.seconds, 2)} | ${fmt(r.ours.rowsPerSecond)} | ${fmt(r.ours.rssMiB)} MiB | ${fmt(r.python.seconds, 2)} | ${fmt(r.python.rowsPerSecond)} | ${fmt(r.python.rssMiB)} MiB | ${fmt(r.ratio, 1)}× |`);
  }
  results.sessions = rows;
}

if (want('profiles')) {
  const p = profileBench(5_000_000);
  console.log(`\n## Host profiles: flowsight hosts --recompute vs tshark -z endpoints,ip -z conv,ip (${fmt(p.packets)} packets, ${fmt(p.hosts)} hosts)\n`);
  console.log('| | seconds | packets/s | peak RSS |');
  console.log('|---|---:|---:|---:|');
  console.log(`| flowsight hosts | ${fmt(p.ours.seconds, 2)} | ${fmt(p.ours.pps)} | ${fmt(p.ours.rssMiB)} MiB |`);
  console.log(`| tshark endpoints + conversations | ${fmt(p.tshark.seconds, 2)} | ${fmt(p.tshark.pps)} | ${fmt(p.tshark.rssMiB)} MiB |`);
  console.log(`\nspeed-up vs tshark: ${fmt(p.ratio, 2)}×`);
  results.profiles = p;
}

writeFileSync(join(benchDir, 'results.json'), JSON.stringify(results, null, 2));
console.log(`\nfigures written to ${join(benchDir, 'results.json')}`);
