// The heatmap of one boot window (`--style heatmap`): time × block size, the worst FMFI of each bin as a colour.
import { renderVegaLiteSvg } from '../../render/vega-lite.js';
import type { TimeBins } from '../../summary/bins.js';
import type { Caption } from '../../summary/caption.js';
import { formatKiB } from '../../summary/sizes.js';
import { INDEX_AXIS_TITLE } from '../../indices.js';
import { heatmapNotes, heatmapSpec } from './spec.js';
import type { HeatmapOptions } from './options.js';

export { heatmapCells, heatmapNotes, heatmapSpec, maxBinsFor } from './spec.js';
export { classOf, colourClass, legendClasses } from './classes.js';
export { DEFAULT_HEATMAP_OPTIONS, type HeatmapOptions } from './options.js';

/** What the picture shows, for readers who cannot see it (the SVG's `<desc>`). */
export function heatmapDescription(bins: TimeBins, caption: Caption, options: HeatmapOptions): string {
  const title = INDEX_AXIS_TITLE[options.index ?? 'fmfi'];
  const first = bins.orders[0];
  const last = bins.orders.at(-1);
  const sizes = first === undefined || last === undefined ? '' : ` (${formatKiB(first.sizeKiB)} to ${formatKiB(last.sizeKiB)})`;
  return [
    `Heatmap of ${title} by time and block size${sizes}: one row per block size, one column per time bin, ` +
      'the colour the worst value of the bin: reds fragmented (0 to 1,000), blues easy to allocate (below 0, a shade per decade).',
    `${caption.subtitle}.`,
    ...heatmapNotes(bins, caption, title),
  ].join(' ');
}

/** The heatmap as a standalone SVG. `bins` must hold at least one sample. */
export function renderHeatmapSvg(bins: TimeBins, caption: Caption, options: HeatmapOptions): Promise<string> {
  return renderVegaLiteSvg(heatmapSpec(bins, caption, options), { title: caption.title, description: heatmapDescription(bins, caption, options) });
}
