// Regenerates resources/sample.pcap, the capture behind the demo case:
//   npx tsx test/generators/make-sample.ts
import { fileURLToPath } from 'node:url';
import { generateMixedTraffic } from './mixed-traffic';

const out = fileURLToPath(new URL('../../resources/sample.pcap', import.meta.url));
const r = generateMixedTraffic({ seed: 20261122, packets: 1500, out, clients: 24, sessionRate: 1.5, start: 1_763_800_000 });
console.log(`wrote ${r.packets} packets to ${out}`);
