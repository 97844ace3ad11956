// `npm run bench [-- section...]`: whole-process benchmarks against peer tools on
// the same inputs, in the same run. Figures are ratios and peak memory, never
// pass/fail thresholds. Sections: ingest, queries, train.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir } from './bench-data';
import { ingestBench, type IngestFigures } from './ingest-bench';
import { queryBench } from './query-bench';
import { trainBench } from './train-bench';

const sections = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const want = (s: string) => sections.length === 0 || sections.includes(s);
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

if (want('ingest')) {
  const rows: IngestFigures[] = [];
  for (const packets of [1_000_000, 5_000_000]) rows.push(ingestBench(packets));
  console.log('\n## Ingest: flowsight ingest vs tshark -q -z conv,tcp -z conv,udp\n');
  console.log('| packets | flows | flowsight s | flowsight pkt/s | flowsight peak RSS | tshark s | tshark pkt/s | tshark peak RSS | speed-up |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${fmt(r.packets)} | ${fmt(r.flows)} | ${fmt(r.ours.seconds, 2)} | ${fmt(r.ours.pps)} | ${fmt(r.ours.rssMiB)} MiB | ${fmt(r.tshark.seconds, 2)} | ${fmt(r.tshark.pps)} | ${fmt(r.tshark.rssMiB)} MiB | ${fmt(r.ratio, 1)}× |`);
  }
  const [small, big] = rows;
  console.log(`\nRSS 5M / RSS 1M: ${fmt(big.ours.rssMiB / small.ours.rssMiB, 2)}`);
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
  results.train = t;
}

writeFileSync(join(benchDir, 'results.json'), JSON.stringify(results, null, 2));
console.log(`\nfigures written to ${join(benchDir, 'results.json')}`);
