// The last complete sample of each log, as the Prometheus text format without timestamps: what node_exporter's textfile collector reads.
import type { DomainReading, Sample } from '../../model.js';
import { domainLabels, escapeTextHelp, FAMILIES, formatLabels, MetricKind, orderLabels, SAMPLE_TIME, type Family, type Label } from './names.js';
import { averageBlockMilliBytes, formatThousandths } from './values.js';

/** A log's sample to show, and when it was taken. */
export interface LatestSample {
  /** What `boot` says of the log (bootLabel). */
  readonly boot: string;
  readonly sample: Sample;
  /** Unix milliseconds. */
  readonly instant: number;
}

/** Whether every domain's rows run from its highest order down to 0 without a gap. */
function rowsWhole(domain: DomainReading): boolean {
  let highest = -1;
  let lowest = Infinity;
  for (const row of domain.orders) {
    if (row.order > highest) highest = row.order;
    if (row.order < lowest) lowest = row.order;
  }
  return lowest === 0 && domain.orders.length === highest + 1;
}

/** A copy of a sample that outlives the reader's reuse of it. */
function copySample(sample: Sample): Sample {
  return {
    time: sample.time,
    line: sample.line,
    domains: sample.domains.map((d) => ({ ...d, orders: d.orders.map((r) => ({ ...r })) })),
  };
}

/**
 * Keeps the last complete sample of a log as it streams by: one with rows, every domain's
 * rows down to order 0, and every domain of the sample before it (with as many rows at least). The
 * newest sample of a log being written may be cut off, and a cut-off sample would show
 * smaller values, or lose a domain, for a minute.
 */
export class LatestPicker {
  private kept: Sample | null = null;
  /** The domains of the last sample with rows, and how many rows each had. */
  private shape = new Map<number, number>();

  /** Looks at a sample (valid during the call); returns whether it is the new latest. */
  add(sample: Sample): boolean {
    if (sample.domains.length === 0) return false;
    let complete = true;
    const shape = new Map<number, number>();
    for (const d of sample.domains) {
      shape.set(d.domain, d.orders.length);
      if (!rowsWhole(d)) complete = false;
    }
    for (const [domain, rows] of this.shape) if ((shape.get(domain) ?? -1) < rows) complete = false;
    this.shape = shape;
    if (complete) this.kept = copySample(sample);
    return complete;
  }

  /** The last complete sample, or null when none was. */
  get latest(): Sample | null {
    return this.kept;
  }
}

function header(family: Family): string {
  return `# HELP ${family.name} ${escapeTextHelp(family.help)}\n# TYPE ${family.name} gauge\n`;
}

/** One `name{labels} value` line per series of a family, from every log's sample. */
function familyLines(kind: MetricKind, entries: readonly LatestSample[], constant: readonly Label[]): string {
  const name = FAMILIES[kind].name;
  let text = '';
  for (const { boot, sample } of entries) {
    const base: Label[] = [...constant, ['boot', boot]];
    const domains = [...sample.domains].sort((a, b) => a.domain - b.domain);
    for (const d of domains) {
      const labels = [...base, ...domainLabels(d)];
      if (kind === 'average') {
        const average = averageBlockMilliBytes(d.orders);
        if (average !== null) text += `${name}${formatLabels(labels)} ${formatThousandths(average)}\n`;
        continue;
      }
      const rows = [...d.orders].sort((a, b) => a.order - b.order || a.sizeKiB - b.sizeKiB);
      for (const row of rows) {
        const value =
          kind === 'fmfi' ? String(row.fmfi)
          : kind === 'freeBlocks' ? row.freeBlocks === undefined ? null : String(row.freeBlocks)
          : kind === 'unusable' ? row.unusable === undefined ? null : formatThousandths(row.unusable)
          : row.extfrag === undefined ? null : formatThousandths(row.extfrag);
        if (value !== null) text += `${name}${formatLabels([...labels, ...orderLabels(row.order, row.sizeKiB)])} ${value}\n`;
      }
    }
  }
  return text;
}

/**
 * The Prometheus text format (version 0.0.4) of each log's sample, without timestamps (the
 * textfile collector refuses them): the families of the history, and
 * `fmfi_sample_timestamp_seconds` per log. Families without a line are left out; without
 * any sample the text is empty.
 */
export function formatLatest(entries: readonly LatestSample[], constant: readonly Label[] = []): string {
  let text = '';
  for (const kind of Object.keys(MetricKind) as MetricKind[]) {
    const lines = familyLines(kind, entries, constant);
    if (lines !== '') text += header(FAMILIES[kind]) + lines;
  }
  if (entries.length > 0) {
    text += header(SAMPLE_TIME);
    for (const { boot, instant } of entries) {
      text += `${SAMPLE_TIME.name}${formatLabels([...constant, ['boot', boot]])} ${Math.floor(instant / 1000)}\n`;
    }
  }
  return text;
}
