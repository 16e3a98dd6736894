// What the index page is made from: one entry per window with a chart, and the comparison chart of the recent ones.
import type { LocalTime, Severity } from '../../model.js';
import type { WindowStats } from '../../summary/stats.js';

/** A diagnostic as the page lists it (the file is the row's). */
export interface PageDiagnostic {
  readonly severity: Severity;
  /** 0: about the whole file. */
  readonly line: number;
  readonly message: string;
}

/** One boot window with its chart. */
export interface PageWindow {
  /** The chart's file name in the page's folder: the link and the thumbnail. */
  readonly chart: string;
  /** The chart's size in pixels. */
  readonly width: number;
  readonly height: number;
  /** What the chart shows, for readers who cannot see it (its `<desc>`). */
  readonly description: string;
  readonly stats: WindowStats;
  /** The diagnostics kept of its log (the first --warnings N), and how many more warnings there were. */
  readonly diagnostics: readonly PageDiagnostic[];
  readonly hiddenWarnings: number;
  /** The log was not found any more: the chart stays on the page until it is deleted. */
  readonly logGone: boolean;
}

export interface IndexPage {
  readonly windows: readonly PageWindow[];
  /** The comparison chart (a standalone SVG document) of the `compared` most recent windows, or null. */
  readonly compare: { readonly svg: string; readonly compared: number } | null;
  /** When the page was made, in the machine's wall-clock time. */
  readonly madeAt: LocalTime;
  /** `fmfi-plot 0.1.0`: the page's generator, which a rerun looks for before overwriting it. */
  readonly generator: string;
}

/** When the window began: its boot time, else its first sample; null for neither. */
export function windowStart(w: WindowStats): LocalTime | null {
  return w.bootTime ?? w.first;
}

/** Newest first: by boot time (else first sample), then by name; windows without either last. */
export function newestFirst<T extends Pick<PageWindow, 'chart' | 'stats'>>(windows: readonly T[]): T[] {
  return [...windows].sort((a, b) => {
    const sa = windowStart(a.stats);
    const sb = windowStart(b.stats);
    if (sa !== sb) return sa === null ? 1 : sb === null ? -1 : sb - sa;
    return a.chart < b.chart ? -1 : a.chart > b.chart ? 1 : 0;
  });
}

/** The `count` most recent windows with samples, newest first: the ones compared. */
export function mostRecent<T extends Pick<PageWindow, 'chart' | 'stats'>>(windows: readonly T[], count: number): T[] {
  return newestFirst(windows.filter((w) => w.stats.samplesWithData > 0)).slice(0, count);
}
