// Boot windows → metrics for Prometheus: the history as OpenMetrics, or the latest sample for node_exporter.
//
// For windows held in memory. The command line streams logs of any length through the
// same pieces (LogClock, MetricsHistory, LatestPicker) with a store in a temporary file.
import { failure } from '../../errors.js';
import type { BootWindow, Diagnostic } from '../../model.js';
import type { TimeZone } from '../../zone.js';
import { LogClock } from './clock.js';
import { MemoryColumnStore } from './columns.js';
import { MetricsHistory } from './history.js';
import { formatLatest, LatestPicker, type LatestSample } from './latest.js';
import { bootLabel, type Label } from './names.js';

export { LogClock, type ClockOptions } from './clock.js';
export { MemoryColumnStore, type ColumnBlock, type ColumnStore } from './columns.js';
export { LogSeries, MetricsHistory, openMetricsHeader } from './history.js';
export { formatLatest, LatestPicker, type LatestSample } from './latest.js';
export {
  addConstantLabel,
  bootLabel,
  domainLabels,
  escapeLabelValue,
  FAMILIES,
  formatLabels,
  MetricKind,
  OWN_LABELS,
  parseConstantLabel,
  SAMPLE_TIME,
  type Family,
  type Label,
} from './names.js';
export { averageBlockMilliBytes, formatThousandths, writeThousandths } from './values.js';

export interface MetricsOptions {
  /** How to read the logs' times, which carry no zone. */
  readonly zone: TimeZone;
  /** Labels on every series (`--label host=db1`); none by default (a scrape adds `instance`). */
  readonly labels?: readonly Label[];
}

/** A text and what was said while making it (file, line, what was done about it). */
export interface MetricsText {
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** Windows of one output must differ in name: `boot` tells their series apart. */
function checkNames(windows: readonly BootWindow[]): void {
  const seen = new Map<string, string>();
  for (const w of windows) {
    const boot = bootLabel(w.source);
    const other = seen.get(boot);
    if (other !== undefined) throw failure('INPUT_SAME_NAME', w.source, other);
    seen.set(boot, w.source);
  }
}

/**
 * The OpenMetrics text of every sample of the windows, with timestamps, ending `# EOF`:
 * what `promtool tsdb create-blocks-from openmetrics` reads. Throws FmfiError when two
 * windows have the same file name.
 */
export function formatOpenMetrics(windows: readonly BootWindow[], options: MetricsOptions): MetricsText {
  checkNames(windows);
  const diagnostics: Diagnostic[] = [];
  const history = new MetricsHistory(options.labels);
  for (const w of windows) {
    const log = history.log(bootLabel(w.source), new MemoryColumnStore());
    const clock = new LogClock(options.zone, w.source === '-' ? '<stdin>' : w.source, (d) => diagnostics.push(d), { increasing: true });
    for (const sample of w.samples) {
      if (sample.domains.length === 0) continue;
      const instant = clock.instantOf(sample);
      if (instant !== null) log.add(sample, instant);
    }
  }
  return { text: history.text(), diagnostics };
}

/**
 * The last complete sample of each window, in the Prometheus text format without
 * timestamps: what node_exporter's textfile collector reads. Throws FmfiError when two
 * windows have the same file name.
 */
export function formatLatestMetrics(windows: readonly BootWindow[], options: MetricsOptions): MetricsText {
  checkNames(windows);
  const diagnostics: Diagnostic[] = [];
  const entries: LatestSample[] = [];
  for (const w of windows) {
    const picker = new LatestPicker();
    const clock = new LogClock(options.zone, w.source === '-' ? '<stdin>' : w.source, (d) => diagnostics.push(d), { increasing: false });
    let instant = 0;
    for (const sample of w.samples) {
      if (sample.domains.length === 0) continue;
      const at = clock.instantOf(sample);
      if (picker.add(sample) && at !== null) instant = at;
    }
    const latest = picker.latest;
    if (latest !== null) entries.push({ boot: bootLabel(w.source), sample: latest, instant });
  }
  return { text: formatLatest(entries, options.labels), diagnostics };
}
