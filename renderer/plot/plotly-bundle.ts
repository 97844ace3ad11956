import Plotly from 'plotly.js/lib/core';
import bar from 'plotly.js/lib/bar';
import scatter from 'plotly.js/lib/scatter';

/**
 * A minimal plotly: the core and the SVG traces the views draw (bar, scatter).
 * Neither needs eval, so the strict CSP (script-src 'self', no 'unsafe-eval')
 * holds; the UI test records CSP violations and expects none. WebGL traces
 * are left out: regl builds its draw calls with `Function.apply`, which the CSP
 * refuses. Should one be needed (scattergl for 100k+ points), register
 * plotly's precompiled variant, `plotly.js/src/traces/scattergl/strict`, as
 * plotly's own `lib/index-strict.js` does. An I/O graph has at most a
 * thousand points, which SVG draws easily.
 */
Plotly.register([bar, scatter]);

export { Plotly };
