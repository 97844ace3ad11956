// Builds everything that runs: the main-process bundles (CLI, Electron main,
// preload, workers) with esbuild, and the renderer with Vite.
//   node resources/scripts/build.mjs [--main-only]
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { rmSync } from 'node:fs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = `${root}/dist/main`;
rmSync(out, { recursive: true, force: true });

// Workers are separate entry points, written next to the bundles that start them.
const nodeEntries = {
  cli: 'electron/cli/main.ts',
  main: 'electron/main.ts',
  'ingest-worker': 'electron/jobs/ingest-worker.ts',
  'case-writer-worker': 'electron/jobs/case-writer-worker.ts',
  'query-worker': 'electron/jobs/query-worker.ts',
  'export-worker': 'electron/jobs/export-worker.ts',
  'verify-worker': 'electron/jobs/verify-worker.ts',
  'train-worker': 'electron/jobs/train-worker.ts',
  'predict-worker': 'electron/jobs/predict-worker.ts',
  'profile-worker': 'electron/jobs/profile-worker.ts',
  'flow-import-worker': 'electron/jobs/flow-import-worker.ts',
  'session-import-worker': 'electron/jobs/session-import-worker.ts',
  'session-train-worker': 'electron/jobs/session-train-worker.ts',
  'session-derive-worker': 'electron/jobs/session-derive-worker.ts',
  'capture-process': 'electron/jobs/capture-process.ts',
  'findings-worker': 'electron/jobs/findings-worker.ts',
  'kmeans-worker': 'electron/jobs/kmeans-worker.ts',
};

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  // Native modules stay in node_modules and load from there (ws's optional
  // native helpers too); pure-JS dependencies are bundled.
  external: ['better-sqlite3', 'cap', 'electron', 'bufferutil', 'utf-8-validate'],
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: nodeEntries,
  outdir: out,
  format: 'esm',
  // Some CommonJS dependencies call require(); give ESM bundles one.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});

// Sandboxed windows cannot load ESM preloads, so the preload is CommonJS.
await build({ ...common, entryPoints: { preload: 'electron/preload.ts' }, outdir: out, format: 'cjs', outExtension: { '.js': '.cjs' }, packages: undefined, external: ['electron'] });

if (!process.argv.includes('--main-only')) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: `${root}/renderer/vite.config.ts`, logLevel: 'warn' });
}
console.log('built dist/main and dist/renderer');
