// fmfi-plot's library API: read a log, bin its samples, compute what is shared, build a view, render, write.
//
//   formats/  bytes → typed samples       parseLog, streamLog, readWindow, openReader
//   summary/  samples → what views share  TimeBinner, chartCaption, heightLimits, formatKiB
//   views/    summary → an output         chartSpec, heatmapSpec, compareSpec, formatCsv, gnuplotScript,
//                                         formatOpenMetrics, indexPageHtml
//   render/   any Vega spec → SVG → PNG   renderVegaSvg, svgToPng
//
// The command line (`fmfi-plot`) is one caller of these; nothing here reads argv,
// prints, or exits. Errors a user can act on are FmfiError (input and output) and
// OptionError (a value that cannot be used), each with a code from the catalogue.

// The model
export { domainLabel, Severity } from './model.js';
export type { BootWindow, Diagnostic, DomainReading, LocalTime, OrderReading, Sample } from './model.js';
export { formatIsoLocal, formatLogTime, localTime } from './time.js';
export { formatOffset, machineZoneName, TimeZone, type Resolved } from './zone.js';
export {
  Failure,
  FmfiError,
  isFmfiError,
  OptionError,
  Usage,
  Warn,
  type DiagnosticCode,
  type FailureCode,
  type UsageCode,
} from './errors.js';
export {
  contigInfo,
  countIndices,
  countIndicesExact,
  fmfiIndex,
  fragmentationIndex,
  unusableIndex,
  type ContigInfo,
  type OrderCount,
  type OrderIndices,
} from './indices.js';

// Reading logs
export { bootTimeFromName, type BootTimeResult } from './formats/boot-time.js';
export type { LogFormat, LogReader, ReaderOptions, ReaderSink, ReadSummary } from './formats/format.js';
export { bootTimeOf, parseLog, readWindow, streamLog, type LogHandlers, type LogInfo, type ReadOptions } from './formats/read.js';
export { compressionOf, decompressed, type Compression } from './io/decompress.js';
export { DEFAULT_FORMAT, FORMATS, isFormatName, openReader, recogniseFormat, type FormatName } from './formats/registry.js';

// What every view shares
export { binSamples, TimeBinner, type Bin, type BinCell, type BinnerSnapshot, type BinOptions, type OrderInfo, type TimeBins } from './summary/bins.js';
export { chartCaption, formatCount, formatSpan, type Caption } from './summary/caption.js';
export {
  countClipped,
  DEFAULT_HEIGHT_RANGE,
  DEFAULT_Z_RANGE,
  formatHeight,
  formatHeightRange,
  formatZRange,
  heightLimits,
  heightTicks,
  parseHeightRange,
  parseZRange,
  splitPosition,
  splitScale,
  splitTicks,
  type Clipping,
  type HeightLimits,
  type HeightRange,
  type SplitScale,
  type ZRange,
} from './summary/height.js';
export { DomainCheck } from './summary/domains.js';
export { readingNotes, WarningTally } from './summary/reading.js';
export { parseTimeBound, TimeFilter, timeRange, WHOLE_LOG, type TimeRange } from './summary/time-range.js';
export { orderColours, type OrderColours } from './summary/palette.js';
export { formatKiB } from './summary/sizes.js';
export { windowStats, WindowStatsBuilder, type DomainStats, type OrderStats, type WindowStats } from './summary/stats.js';
export {
  Alignment,
  binByUptime,
  finishOnCommonWidth,
  parseUptime,
  UptimeBinner,
  type UptimeBinOptions,
  type UptimeSnapshot,
  type UptimeWindow,
} from './summary/uptime.js';

// Views
export { chartSpec, DEFAULT_CHART_OPTIONS, maxBinsFor as chartMaxBins, renderChartSvg, type ChartOptions } from './views/chart/index.js';
export { formatCsv, type CsvOptions, type Dialect } from './views/csv/writer.js';
export {
  DEFAULT_HEATMAP_OPTIONS,
  heatmapSpec,
  maxBinsFor as heatmapMaxBins,
  renderHeatmapSvg,
  type HeatmapOptions,
} from './views/heatmap/index.js';
export {
  compareDescription,
  compareSpec,
  DEFAULT_COMPARE_OPTIONS,
  defaultLabel as compareLabel,
  maxBinsFor as compareMaxBins,
  parseOrders,
  renderCompareSvg,
  type CompareOptions,
} from './views/compare/index.js';
export { DEFAULT_OPTIONS as DEFAULT_GNUPLOT_OPTIONS, Terminal, type GnuplotOptions } from './views/gnuplot/options.js';
export { gnuplotScript, maxBinsFor as gnuplotMaxBins } from './views/gnuplot/script.js';
export {
  bootLabel,
  FAMILIES as METRIC_FAMILIES,
  formatLatest,
  formatLatestMetrics,
  formatOpenMetrics,
  LatestPicker,
  LogClock,
  MemoryColumnStore,
  MetricsHistory,
  parseConstantLabel,
  type ColumnBlock,
  type ColumnStore,
  type LatestSample,
  type MetricsOptions,
  type MetricsText,
} from './views/metrics/index.js';
export { indexPageHtml, type IndexPage, type PageDiagnostic, type PageWindow } from './views/index-page/index.js';

// Rendering
export { renderVegaSvg, svgToPng, type SvgText } from './render/render.js';
export { pngEngine, PngEngine } from './render/png.js';
export { compileVegaLite, renderVegaLiteSvg } from './render/vega-lite.js';
