// The stretch of time a picture of one window spans, and how long a bar lasts: the same for the chart and the heatmap.
import type { TimeBins } from './bins.js';

export interface TimeSpan {
  readonly start: number;
  readonly end: number;
  /**
   * The shortest a bar lasts: a sample stands for the time until the next one, so the
   * last bar before a gap or the end is as wide as the others, not just its bin.
   */
  readonly barMs: number;
}

/** A window shorter than this is widened so that a single sample still gets a visible bar. */
const MIN_SPAN = 60_000;
/** A window of one instant: its bars a slab this wide, in a span this many times wider around it. */
const INSTANT_BAR_MS = 1000;
const INSTANT_SPAN_BARS = 41;

/** Whether every sample of the window has the same time (one sample, or several logged at once). */
export function isInstant(bins: TimeBins): boolean {
  return bins.first !== null && bins.first === bins.last;
}

/** From the first bin to one sampling period after the last; a window of one instant centred in a short span. */
export function timeSpan(bins: TimeBins): TimeSpan {
  const first = bins.bins[0];
  const last = bins.bins[bins.bins.length - 1];
  const start = first?.start ?? bins.first ?? 0;
  if (isInstant(bins)) {
    // One instant reads as one: a slab in the middle of the axis, not a minute of time.
    const half = Math.floor(INSTANT_SPAN_BARS / 2) * INSTANT_BAR_MS;
    return { start: start - half, end: start + INSTANT_BAR_MS + half, barMs: INSTANT_BAR_MS };
  }
  const lastStart = last?.start ?? start;
  // One sampling period per bar; a log with a single time has no period, so its bars fill the window.
  const barMs = bins.intervalMs > 0 ? bins.intervalMs : MIN_SPAN;
  const end = Math.max(last?.end ?? start, lastStart + barMs, start + MIN_SPAN);
  return { start, end, barMs };
}
