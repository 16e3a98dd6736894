// The sample state machine of the count formats: date lines and free block counts → samples with FMFI and Linux's indices.
//
//   date line ─► startSample ─┬─ count(part, order, …)  summed over free lists and pools
//                             ├─ spoil(part, why)        a part whose counts are known to be incomplete
//                             └─ next date line / end ─► per part: countIndices → DomainReading
//
// Every index of an order depends on the counts of every order of its domain or zone, so
// a part with a count missing cannot be computed at all: it is skipped with a message
// naming the line, and the other parts of the sample are kept.
import { Warn, type DiagnosticCode } from '../../errors.js';
import { countIndices } from '../../indices.js';
import { domainLabel, type DomainReading, type LocalTime, type OrderReading } from '../../model.js';
import { formatLogTime } from '../../time.js';
import type { ReaderSink, ReadSummary } from '../format.js';

/** One domain (FreeBSD) or node and zone (Linux) of the sample being read. */
export interface PartBuild {
  readonly domain: number;
  readonly label: string | undefined;
  /** Its first line, for messages about it. */
  readonly line: number;
  /** Order → block size and count, summed over free lists and pools. */
  readonly counts: Map<number, { sizeKiB: number; count: number }>;
  /** Why its counts are incomplete, once known. */
  spoiled: string | null;
}

interface SampleBuild {
  readonly time: LocalTime;
  readonly line: number;
  readonly parts: PartBuild[];
}

/** Lines that cannot be placed: before any date line, or after a date line that is no real date. */
interface SkipBlock {
  readonly line: number;
  readonly dateText: string | null;
  rows: number;
}

export class CountSamples {
  readonly summary: ReadSummary = { samples: 0, samplesWithData: 0, rows: 0, warnings: 0, first: null, last: null };
  private sample: SampleBuild | null = null;
  private skip: SkipBlock | null = null;

  constructor(
    private readonly file: string,
    private readonly sink: ReaderSink,
    /** What the log holds, for messages: `vm.phys_free`. */
    private readonly title: string,
  ) {}

  warn<K extends DiagnosticCode>(line: number, code: K, ...args: Parameters<(typeof Warn)[K]>): void {
    this.summary.warnings++;
    const message = (Warn[code] as (...a: typeof args) => string)(...args);
    this.sink.diagnostic({ code, severity: 'warning', file: this.file, line, message });
  }

  /** The date of the sample being read, for messages; null outside a sample. */
  get date(): string | null {
    return this.sample === null ? null : formatLogTime(this.sample.time);
  }

  startSample(time: LocalTime, line: number): void {
    this.closeSkip();
    this.closeSample();
    this.sample = { time, line, parts: [] };
  }

  badDate(raw: string, line: number): void {
    this.closeSkip();
    this.closeSample();
    this.skip = { line, dateText: raw, rows: 0 };
  }

  /** The part of the current sample, made on first use; null (and the line counted as skipped) outside a sample. */
  part(domain: number, label: string | undefined, line: number): PartBuild | null {
    const sample = this.sample;
    if (sample === null) {
      this.skip ??= { line, dateText: null, rows: 0 };
      this.skip.rows++;
      return null;
    }
    let part = sample.parts.find((p) => p.domain === domain);
    if (part === undefined) {
      part = { domain, label, line, counts: new Map(), spoiled: null };
      sample.parts.push(part);
    }
    return part;
  }

  /** Whether the current sample already has this part (a repeated zone line). */
  hasPart(domain: number): boolean {
    return this.sample?.parts.some((p) => p.domain === domain) ?? false;
  }

  /** Adds `count` blocks of `order` to the part. */
  count(part: PartBuild, order: number, sizeKiB: number, count: number): void {
    const known = part.counts.get(order);
    if (known === undefined) part.counts.set(order, { sizeKiB, count });
    else known.count += count;
  }

  /** Every part of the current sample is incomplete (the log ends inside it); the first reason is the one told. */
  spoilCurrent(why: string): void {
    for (const part of this.sample?.parts ?? []) part.spoiled ??= why;
  }

  /** The part's counts are incomplete; the first reason is the one told. */
  spoil(part: PartBuild, why: string): void {
    part.spoiled ??= why;
  }

  finish(): ReadSummary {
    this.closeSkip();
    this.closeSample();
    const summary = this.summary;
    if (summary.samples === 0) this.warn(0, 'NO_SAMPLES');
    else if (summary.samplesWithData === 0) this.warn(0, 'NO_COUNTS', this.title, summary.samples);
    return summary;
  }

  private closeSkip(): void {
    const skip = this.skip;
    if (skip === null) return;
    this.skip = null;
    if (skip.dateText === null) this.warn(skip.line, 'COUNT_ROWS_BEFORE_DATE', this.title, skip.rows);
    else this.warn(skip.line, 'DATE_INVALID', skip.dateText, skip.rows);
  }

  private closeSample(): void {
    const sample = this.sample;
    if (sample === null) return;
    this.sample = null;
    const date = formatLogTime(sample.time);
    const domains: DomainReading[] = [];
    let rows = 0;
    for (const part of sample.parts) {
      const name = domainLabel(part);
      if (part.spoiled !== null) {
        this.warn(part.line, 'COUNTS_INCOMPLETE', name, date, part.spoiled);
        continue;
      }
      const orders = readings(part);
      rows += orders.length;
      domains.push(part.label === undefined ? { domain: part.domain, orders } : { domain: part.domain, label: part.label, orders });
    }
    const summary = this.summary;
    summary.samples++;
    summary.rows += rows;
    if (rows > 0) summary.samplesWithData++;
    if (summary.first === null || sample.time < summary.first) summary.first = sample.time;
    if (summary.last === null || sample.time > summary.last) summary.last = sample.time;
    this.sink.sample({ time: sample.time, line: sample.line, domains });
  }
}

/** A part's rows, highest order first as vm.phys_frag_idx prints them, with the indices of its counts. */
function readings(part: PartBuild): OrderReading[] {
  const orders = [...part.counts.keys()].sort((a, b) => b - a);
  const counts = orders.map((order) => ({ order, freeBlocks: part.counts.get(order)!.count }));
  const indices = countIndices(counts);
  return counts.map(({ order, freeBlocks }, i) => {
    const { fmfi, unusable, extfrag } = indices[i]!;
    return { order, sizeKiB: part.counts.get(order)!.sizeKiB, fmfi, freeBlocks, unusable, extfrag };
  });
}
