// The comparison chart of boot windows: spec, words and options, and the SVG in one call.
import { renderVegaLiteSvg } from '../../render/vega-lite.js';
import type { UptimeWindow } from '../../summary/uptime.js';
import { DEFAULT_COMPARE_OPTIONS, type CompareOptions } from './options.js';
import { COMPARE_TITLE, compareSpec } from './spec.js';
import { alignmentNote } from './notes.js';

export { COMPARE_TITLE, compareSpec, shownPanels } from './spec.js';
export { COMPARE_MAX_BANDS, COMPARE_MAX_PANELS, DEFAULT_COMPARE_OPTIONS, gridFor, maxBinsFor, parseOrders, type CompareOptions, type Grid } from './options.js';
export { defaultLabel } from './notes.js';

/** What the picture shows, for readers who cannot see it (the SVG's `<desc>`). */
export function compareDescription(windows: readonly UptimeWindow[]): string {
  return `FMFI and average free block size over uptime, one line per boot window. Uptime 0 of each window: ${windows.map(alignmentNote).join('. ')}.`;
}

/** The comparison chart as a standalone SVG. */
export function renderCompareSvg(windows: readonly UptimeWindow[], options: CompareOptions = DEFAULT_COMPARE_OPTIONS): Promise<string> {
  return renderVegaLiteSvg(compareSpec(windows, options), { title: COMPARE_TITLE, description: compareDescription(windows) });
}
