// plotly.js ships types for its full entry only; the partial-bundle entries are the same API.
declare module 'plotly.js/lib/core' {
  import Plotly from 'plotly.js';
  export default Plotly;
}
declare module 'plotly.js/lib/bar' {
  import type { PlotlyModule } from 'plotly.js';
  const trace: PlotlyModule;
  export default trace;
}
declare module 'plotly.js/lib/scatter' {
  import type { PlotlyModule } from 'plotly.js';
  const trace: PlotlyModule;
  export default trace;
}
declare module 'plotly.js/lib/heatmap' {
  import type { PlotlyModule } from 'plotly.js';
  const trace: PlotlyModule;
  export default trace;
}
declare module 'plotly.js/lib/choropleth' {
  import type { PlotlyModule } from 'plotly.js';
  const trace: PlotlyModule;
  export default trace;
}
/** Plotly's world topojson, inlined at build time (renderer/vite.config.ts). */
declare module 'virtual:world-110m' {
  const topojson: object;
  export default topojson;
}
