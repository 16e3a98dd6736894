// The oblique 3D chart of one boot window: options, bin budget, spec and SVG.
export { maxBinsFor } from './layout.js';
export { DEFAULT_CHART_OPTIONS, MAX_HEIGHT, MAX_WIDTH, MIN_HEIGHT, MIN_WIDTH, type ChartOptions } from './options.js';
export { chartText, drawChartSvg, renderChartSvg, type ChartSvg } from './render.js';
export { chartSpec } from './spec.js';
