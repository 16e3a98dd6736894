// What a batch is asked to draw, and the key of it a chart's stamp holds: apart from the
// drawing itself (render-job.ts), so that a rerun with nothing to draw does not load it.
import type { FormatName } from '../formats/registry.js';
import type { TimeRange } from '../summary/time-range.js';
import type { ChartOptions } from '../views/chart/options.js';

export const ChartFormat = { svg: 'svg', png: 'png' } as const;
export type ChartFormat = keyof typeof ChartFormat;
export function isChartFormat(s: string): s is ChartFormat {
  return Object.hasOwn(ChartFormat, s);
}

/** `3d`: the oblique chart; `heatmap`: time × block size in colours. */
export const ChartStyle = { '3d': '3d', heatmap: 'heatmap' } as const;
export type ChartStyle = keyof typeof ChartStyle;

export interface RenderSettings {
  readonly chart: ChartOptions;
  /** The kind of picture; absent: the 3D chart. */
  readonly style?: ChartStyle;
  readonly format: ChartFormat;
  /** Diagnostics kept per log (0: all). */
  readonly warningLimit: number;
  /** Every log read as this format; by default each log's own. */
  readonly inputFormat?: FormatName;
  /** Only the Linux zones of this name. */
  readonly zone?: string;
  /** Only this domain (`--domain N`). */
  readonly domain?: number;
  /** --since and --until: only the samples of this stretch of time. */
  readonly range?: TimeRange;
}

/** The options that change a chart, as one canonical string for its stamp. */
export function settingsKey(settings: RenderSettings): string {
  const { width, height, zRange, index } = settings.chart;
  // What is new since stamps were first written is left out when not set (JSON drops undefined):
  // charts made before stay up to date.
  const since = settings.range?.since ?? undefined;
  const until = settings.range?.until ?? undefined;
  const style = settings.style === 'heatmap' ? 'heatmap' : undefined;
  const { format, inputFormat, zone, domain } = settings;
  return JSON.stringify({ format, width, height, zRange, inputFormat, index, zone, since, until, style, domain });
}
