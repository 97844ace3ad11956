import Plotly from 'plotly.js/lib/core';
import bar from 'plotly.js/lib/bar';
import scatter from 'plotly.js/lib/scatter';
import heatmap from 'plotly.js/lib/heatmap';
import choropleth from 'plotly.js/lib/choropleth';
import world110m from 'virtual:world-110m';

/**
 * A minimal plotly: the core and the SVG traces the views draw (bar, scatter,
 * heatmap, and choropleth for the country map).
 * Neither needs eval, so the strict CSP (script-src 'self', no 'unsafe-eval')
 * holds; the UI test records CSP violations and expects none. WebGL traces
 * are left out: regl builds its draw calls with `Function.apply`, which the CSP
 * refuses. Should one be needed (scattergl for 100k+ points), register
 * plotly's precompiled variant, `plotly.js/src/traces/scattergl/strict`, as
 * plotly's own `lib/index-strict.js` does. An I/O graph has at most a
 * thousand points, which SVG draws easily.
 */
Plotly.register([bar, scatter, heatmap, choropleth]);

// Maps: plotly looks for its topojson here before fetching it from a CDN, so
// the choropleth draws offline with the map the build inlined.
const assets = (globalThis as { PlotlyGeoAssets?: { topojson: Record<string, unknown> } }).PlotlyGeoAssets;
if (assets) assets.topojson.world_110m = world110m;

export { Plotly };
