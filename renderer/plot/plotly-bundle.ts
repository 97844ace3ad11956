import Plotly from 'plotly.js/lib/core';
import bar from 'plotly.js/lib/bar';
import scatter from 'plotly.js/lib/scatter';

/**
 * A minimal plotly: the core and the SVG traces the views draw (bar, scatter).
 * No WebGL traces: regl compiles shaders with `new Function`, which the strict
 * CSP (script-src 'self', no 'unsafe-eval') refuses; an I/O graph has at most
 * a thousand points, which SVG draws easily.
 */
Plotly.register([bar, scatter]);

export { Plotly };
