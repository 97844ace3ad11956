import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community';

ModuleRegistry.registerModules([AllCommunityModule]);

/** One dense theme for every grid (flows, packets, statistics). */
export const gridTheme = themeQuartz.withParams({
  fontSize: 12,
  headerFontSize: 12,
  rowHeight: 22,
  headerHeight: 26,
  spacing: 3,
  accentColor: '#2f6fd6',
  borderColor: '#dde2ea',
  headerBackgroundColor: '#eef1f5',
  oddRowBackgroundColor: '#fafbfc',
  wrapperBorderRadius: 0,
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  headerFontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  headerFontWeight: 600,
});
