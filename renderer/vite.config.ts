import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { defineConfig, type Plugin } from 'vite';

/**
 * `virtual:world-110m`: plotly's 1:110m world topojson, taken at build time
 * from plotly's own geo assets, so maps draw offline (plotly otherwise fetches
 * it from a CDN). The assets file is a script that would overwrite
 * window.Plotly, so it runs here in a sandbox and only the one map is kept.
 */
function offlineWorldMap(): Plugin {
  const id = 'virtual:world-110m';
  return {
    name: 'offline-world-map',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(resolved) {
      if (resolved !== `\0${id}`) return null;
      const file = createRequire(import.meta.url).resolve('plotly.js/dist/plotly-geo-assets.js');
      const sandbox = { window: {}, self: {}, module: { exports: {} as { topojson?: Record<string, unknown> } } };
      runInNewContext(readFileSync(file, 'utf8'), sandbox);
      const world = sandbox.module.exports.topojson?.world_110m;
      if (!world) throw new Error(`${file}: no world_110m topojson`);
      return `export default ${JSON.stringify(world)};`;
    },
  };
}

// Relative base: Electron loads the build from file://, serve mode from http://127.0.0.1.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), offlineWorldMap()],
  define: { global: 'globalThis' },
  // zod through api/zod-jitless.ts, which sets jitless mode before the first schema is built (the CSP allows no eval).
  resolve: { alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL('./api/zod-jitless.ts', import.meta.url)) }] },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    sourcemap: false,
  },
});
