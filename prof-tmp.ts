import { readCaptureFile } from './electron/capture/capture-file';
import { FlowEngine, defaultEngineOptions } from './electron/flows/flow-engine';
import { defaultFeatures, defaultSignatures } from './electron/flows/features';
import { NameMap } from './electron/flows/name-map';
import { newRow } from './electron/flows/flow-row';
const all = defaultFeatures({ names: new NameMap(), signatures: defaultSignatures() });
const only = process.argv[3];
async function time(label: string, feats: typeof all) {
  const e = new FlowEngine(defaultEngineOptions, feats);
  const row = newRow();
  const t = performance.now();
  await readCaptureFile(process.argv[2], e.onPacket, { shouldStop: () => { const b = e.takeFinished(); for (const f of b) { row.fill(null); e.toRow(f, row); } e.release(b); return false; } });
  e.finishAll(); for (const f of e.takeFinished()) e.toRow(f);
  return performance.now() - t;
}
const best = async (label: string, feats: typeof all) => { let m = Infinity; for (let i = 0; i < 3; i++) m = Math.min(m, await time(label, feats)); console.log(label.padEnd(20), m.toFixed(0), 'ms'); return m; };
const base = await best('none', []);
if (only !== 'all') for (const f of all) await best(f.name, [f]);
await best('all', all);
