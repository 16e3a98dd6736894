// The chart library's API: options, bin budget, spec, SVG and PNG for one boot window.
export { binSamples, TimeBinner, type Bin, type BinCell, type OrderInfo, type TimeBins } from '../../summary/bins.js';
export { chartCaption, type Caption } from '../../summary/caption.js';
export { maxBinsFor } from './layout.js';
export {
  DEFAULT_CHART_OPTIONS,
  DEFAULT_Z_RANGE,
  formatZRange,
  MIN_HEIGHT,
  MIN_WIDTH,
  parseZRange,
  type ChartOptions,
  type ZRange,
} from './options.js';
export { renderSvg, svgToPng } from '../../render/render.js';
export { chartSpec } from './spec.js';
