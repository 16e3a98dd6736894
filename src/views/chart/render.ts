// The chart of one boot window as an SVG document: its spec, drawn by the shared renderer.
import { renderVegaSvg } from '../../render/render.js';
import type { Vega } from '../../render/vega.js';
import type { TimeBins } from '../../summary/bins.js';
import type { Caption } from '../../summary/caption.js';
import type { ChartOptions } from './options.js';
import { chartSpec } from './spec.js';

/** The chart of one boot window as a standalone SVG document. `bins` must hold at least one sample. */
export function renderChartSvg(bins: TimeBins, caption: Caption, options: ChartOptions, vega?: Vega): Promise<string> {
  const spec = chartSpec(bins, caption, options);
  return renderVegaSvg(spec, { title: caption.title, description: spec.description ?? caption.subtitle }, vega);
}
