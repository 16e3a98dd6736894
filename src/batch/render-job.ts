// One log → one chart, as bytes: parse while streaming, bin, draw. Runs in a worker or inline.
import { isInputFailure } from '../errors.js';
import { streamSamples, type LogInfo } from '../formats/read.js';
import type { FormatName } from '../formats/registry.js';
import type { Diagnostic, Sample } from '../model.js';
import { displayName } from '../io/chunks.js';
import { SampleSelector } from '../summary/select.js';
import { TimeBinner } from '../summary/bins.js';
import { chartCaption } from '../summary/caption.js';
import type { ChartOptions } from '../views/chart/options.js';
import { DiagnosticCollector } from './collector.js';
import { stampPng, stampSvg, type Stamp } from './stamp.js';

export const ChartFormat = { svg: 'svg', png: 'png' } as const;
export type ChartFormat = keyof typeof ChartFormat;
export function isChartFormat(s: string): s is ChartFormat {
  return Object.hasOwn(ChartFormat, s);
}

export interface RenderSettings {
  readonly chart: ChartOptions;
  readonly format: ChartFormat;
  /** Diagnostics kept per log (0: all). */
  readonly warningLimit: number;
  /** Every log read as this format; by default each log's own. */
  readonly inputFormat?: FormatName;
  /** Only the Linux zones of this name. */
  readonly zone?: string;
}

export interface RenderRequest {
  readonly input: string;
  readonly settings: RenderSettings;
  /** Recorded in the chart; null for standard input. */
  readonly stamp: Stamp | null;
}

interface Reported {
  readonly diagnostics: readonly Diagnostic[];
  readonly hiddenWarnings: number;
}

export type RenderOutcome = Reported &
  (
    | { readonly kind: 'chart'; readonly data: Uint8Array; readonly samples: number }
    | { readonly kind: 'empty' }
    | { readonly kind: 'failed'; readonly message: string }
  );

/** The options that change a chart, as one canonical string for its stamp. */
export function settingsKey(settings: RenderSettings): string {
  const { width, height, zRange, index } = settings.chart;
  // What is new since stamps were first written is left out when not set (JSON drops undefined):
  // charts made before stay up to date.
  return JSON.stringify({ format: settings.format, width, height, zRange, inputFormat: settings.inputFormat, index, zone: settings.zone });
}

/** Renders one log. Never throws for a bad input: a failure is an outcome; a bug is thrown. */
export async function renderLog(request: RenderRequest, onProgress?: (bytes: number) => void): Promise<RenderOutcome> {
  const { input, settings } = request;
  const collector = new DiagnosticCollector(settings.warningLimit);
  const reported = (): Reported => ({ diagnostics: collector.kept, hiddenWarnings: collector.hiddenWarnings });
  // Loaded here, not at the top: the chart pulls in Vega, which only rendering needs. With
  // require(): import() would start Node's ES module loader, for nothing else.
  const chart = require('../views/chart/index.js') as typeof import('../views/chart/index.js');
  const binner = new TimeBinner({ maxBins: chart.maxBinsFor(settings.chart) });
  const selector = new SampleSelector({ index: settings.chart.index, zone: settings.zone }, displayName(input), collector.add);
  let info: LogInfo;
  try {
    const add = binner.add.bind(binner);
    const sample = (s: Sample): void => add(selector.select(s));
    const handlers = { sample, diagnostic: collector.add, ...(onProgress ? { chunk: onProgress } : {}) };
    info = await streamSamples(input, handlers, { format: settings.inputFormat, reuseSamples: true });
  } catch (e) {
    if (!isInputFailure(e)) throw e;
    return { kind: 'failed', message: e.message, ...reported() };
  }
  selector.finish();
  const bins = binner.finish();
  if (bins.samples === 0) return { kind: 'empty', ...reported() };
  const caption = chartCaption(input, info.bootTime, bins);
  const svg = await chart.renderChartSvg(bins, caption, settings.chart);
  let data: Uint8Array;
  if (settings.format === 'png') {
    const png = await (require('../render/render.js') as typeof import('../render/render.js')).svgToPng(svg);
    data = request.stamp === null ? png : stampPng(png, request.stamp);
  } else {
    data = Buffer.from(request.stamp === null ? svg : stampSvg(svg, request.stamp), 'utf8');
  }
  return { kind: 'chart', data, samples: bins.samples, ...reported() };
}
