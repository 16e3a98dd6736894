// One log → one chart, as bytes: parse while streaming, bin, draw. Runs in a worker or inline.
import { isInputFailure } from '../errors.js';
import { streamSamples, type LogInfo } from '../formats/read.js';
import type { FormatName } from '../formats/registry.js';
import type { Diagnostic, Sample } from '../model.js';
import { displayName } from '../io/chunks.js';
import { leftOutDiagnostic, SampleSelector } from '../summary/select.js';
import { TimeBinner, type TimeBins } from '../summary/bins.js';
import { chartCaption, type Caption } from '../summary/caption.js';
import { readingNotes, WarningTally } from '../summary/reading.js';
import { isWholeLog, TimeFilter, type TimeRange } from '../summary/time-range.js';
import { DiagnosticCollector } from './collector.js';
import { DigestBuilder, type WindowDigest } from './digest.js';
import type { ChartOptions } from '../views/chart/options.js';
import type { RenderSettings } from './settings.js';
import { stampPng, stampSvg, type Stamp } from './stamp.js';

export { ChartFormat, ChartStyle, isChartFormat, settingsKey, type RenderSettings } from './settings.js';

export interface RenderRequest {
  readonly input: string;
  readonly settings: RenderSettings;
  /** Recorded in the chart; null for standard input. */
  readonly stamp: Stamp | null;
  /** Draw the chart; false: the chart is up to date, the log is read for its digest only. */
  readonly draw: boolean;
  /** Gather the window's digest for the index page while reading. */
  readonly digest: boolean;
}

interface Reported {
  readonly diagnostics: readonly Diagnostic[];
  readonly hiddenWarnings: number;
}

export type RenderOutcome = Reported &
  (
    | { readonly kind: 'chart'; readonly data: Uint8Array; readonly samples: number; readonly digest: WindowDigest | null }
    | { readonly kind: 'digest'; readonly digest: WindowDigest }
    | { readonly kind: 'empty' }
    | { readonly kind: 'failed'; readonly message: string }
  );

/** What draws one kind of picture: its bin budget, and for some bins its description and its SVG. */
interface Picture {
  maxBins(options: ChartOptions): number;
  draw(bins: TimeBins, caption: Caption, options: ChartOptions): Drawing;
}

/** A picture's `<desc>` (the index page shows it), and its SVG, drawn only when asked for. */
interface Drawing {
  readonly description: string;
  svg(): Promise<DrawnSvg>;
}

/** The SVG document: its text (to draw the PNG from), or the UTF-8 bytes of its file, which `edit` (the stamp) changes first. */
interface DrawnSvg {
  text(): string;
  bytes(edit?: (svg: string) => string): Uint8Array;
}

// With require(): import() would start Node's ES module loader, for nothing else.
function chartPicture(): Picture {
  const chart = require('../views/chart/index.js') as typeof import('../views/chart/index.js');
  return {
    maxBins: chart.maxBinsFor,
    draw: (bins, caption, options) => {
      const spec = chart.chartSpec(bins, caption, options);
      const text = chart.chartText(spec, caption);
      return { description: text.description, svg: () => chart.drawChartSvg(spec, text) };
    },
  };
}

function heatmapPicture(): Picture {
  const heatmap = require('../views/heatmap/index.js') as typeof import('../views/heatmap/index.js');
  return {
    maxBins: heatmap.maxBinsFor,
    draw: (bins, caption, options) => ({
      description: heatmap.heatmapDescription(bins, caption, options),
      svg: async () => {
        const svg = await heatmap.renderHeatmapSvg(bins, caption, options);
        return { text: () => svg, bytes: (edit) => Buffer.from(edit === undefined ? svg : edit(svg), 'utf8') };
      },
    }),
  };
}

/** Renders one log (or only reads it for its digest). Never throws for a bad input: a failure is an outcome; a bug is thrown. */
export async function renderLog(request: RenderRequest, onProgress?: (bytes: number) => void): Promise<RenderOutcome> {
  const { input, settings } = request;
  const file = displayName(input);
  const collector = new DiagnosticCollector(settings.warningLimit);
  const reported = (): Reported => ({ diagnostics: collector.kept, hiddenWarnings: collector.hiddenWarnings });
  // Every warning is counted by kind for the chart's note, those beyond --warnings too.
  const tally = new WarningTally();
  const diagnostic = (d: Diagnostic): void => {
    tally.add(d);
    collector.add(d);
  };
  // Loaded here, not at the top: the chart pulls in Vega, which only rendering needs.
  const picture = settings.style === 'heatmap' ? heatmapPicture() : chartPicture();
  const binner = new TimeBinner({ maxBins: picture.maxBins(settings.chart) });
  const selection = { index: settings.chart.index, zone: settings.zone, domain: settings.domain };
  const selector = new SampleSelector(selection, file, diagnostic);
  const range = settings.range === undefined || isWholeLog(settings.range) ? null : new TimeFilter(settings.range, file, diagnostic);
  const digest = request.digest ? new DigestBuilder(input, settings.zone) : null;
  let info: LogInfo;
  try {
    const add = binner.add.bind(binner);
    const selected =
      digest === null
        ? (s: Sample): void => add(selector.select(s))
        : (s: Sample): void => {
            digest.add(s);
            add(selector.select(s));
          };
    const sample = range === null ? selected : range.wrap(selected);
    const handlers = { sample, diagnostic, ...(onProgress ? { chunk: onProgress } : {}) };
    info = await streamSamples(input, handlers, { format: settings.inputFormat, reuseSamples: true });
  } catch (e) {
    if (!isInputFailure(e)) throw e;
    return { kind: 'failed', message: e.message, ...reported() };
  }
  range?.finish();
  selector.finish();
  const bins = binner.finish();
  if (bins.samples === 0) return { kind: 'empty', ...reported() };
  const caption = { ...chartCaption(input, info.bootTime, bins), notes: readingNotes({ range: settings.range, warnings: tally }) };
  // After the caption: the picture's own note names the domains left out, not as a warning of reading.
  const leftOut = leftOutDiagnostic(bins, file);
  if (leftOut !== null) diagnostic(leftOut);
  // The domain asked for is named, as it is where there are several.
  const drawing = picture.draw(bins, caption, settings.domain === undefined ? settings.chart : { ...settings.chart, nameDomain: true });
  const digested = digest?.finish(drawing.description) ?? null;
  if (!request.draw) {
    if (digested === null) throw new Error('renderLog: neither a chart nor a digest asked for');
    return { kind: 'digest', digest: digested, ...reported() };
  }
  const svg = await drawing.svg();
  // The stamp keeps the count of warnings, so that --strict fails a rerun that finds the chart up to date.
  const stamp = request.stamp === null ? null : { ...request.stamp, warnings: tally.total };
  let data: Uint8Array;
  if (settings.format === 'png') {
    const png = await (require('../render/render.js') as typeof import('../render/render.js')).svgToPng(svg.text());
    data = stamp === null ? png : stampPng(png, stamp);
  } else {
    data = svg.bytes(stamp === null ? undefined : (text) => stampSvg(text, stamp));
  }
  return { kind: 'chart', data, samples: bins.samples, digest: digested, ...reported() };
}
