// The sample state machine of the count formats: date lines and free block counts → samples with FMFI and Linux's indices.
//
//   date line ─► startSample ─┬─ count(part, order, …)  summed over free lists and pools
//                             ├─ spoil(part, why)        a part whose counts are known to be incomplete
//                             └─ next date line / end ─► per part: countIndices → DomainReading
//
// Every index of an order depends on the counts of every order of its domain or zone, so
// a part with a count missing cannot be computed at all: it is skipped with a message
// naming the line, and the other parts of the sample are kept.
import { countIndices } from '../../indices.js';
import { domainLabel, type DomainReading, type LocalTime, type OrderReading } from '../../model.js';
import { formatLogTime } from '../../time.js';
import type { ReaderSink, ReadSummary } from '../format.js';
import { LogState } from '../log-state.js';
import { findDomainIn, type DomainIndexHolder } from '../domain-index.js';
import { MAX_DOMAINS_PER_SAMPLE, MAX_ROWS_PER_SAMPLE } from '../limits.js';

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

interface SampleBuild extends DomainIndexHolder<PartBuild> {
  readonly time: LocalTime;
  readonly line: number;
  readonly parts: PartBuild[];
  /** Counts kept, one per order of each part: what the sample's size is measured in. */
  cells: number;
  /** Whether parts beyond MAX_DOMAINS_PER_SAMPLE or MAX_ROWS_PER_SAMPLE were said to be skipped. */
  toldTooMany: boolean;
}

export class CountSamples extends LogState {
  private sample: SampleBuild | null = null;

  constructor(
    file: string,
    sink: ReaderSink,
    /** What the log holds, for messages: `vm.phys_free`. */
    private readonly title: string,
  ) {
    super(file, sink);
  }

  protected rowsBeforeDate(line: number, rows: number): void {
    this.warn(line, 'COUNT_ROWS_BEFORE_DATE', this.title, rows);
  }

  protected noData(samples: number): void {
    this.warn(0, 'NO_COUNTS', this.title, samples);
  }

  /** The date of the sample being read, for messages; null outside a sample. */
  get date(): string | null {
    return this.sample === null ? null : formatLogTime(this.sample.time);
  }

  startSample(time: LocalTime, line: number): void {
    this.closeSkip();
    this.closeSample();
    this.sample = { time, line, parts: [], domainIndex: null, cells: 0, toldTooMany: false };
  }

  badDate(raw: string, line: number): void {
    this.closeSkip();
    this.closeSample();
    this.skipAfter(raw, line);
  }

  /** The part of the current sample, made on first use; null (and the line counted as skipped) outside a sample. */
  part(domain: number, label: string | undefined, line: number): PartBuild | null {
    const sample = this.sample;
    if (sample === null) {
      this.skipRow(line);
      return null;
    }
    let part = findDomainIn(sample.parts, sample, domain);
    if (part === undefined) {
      if (sample.parts.length >= MAX_DOMAINS_PER_SAMPLE || sample.cells >= MAX_ROWS_PER_SAMPLE) {
        if (!sample.toldTooMany) this.warn(line, 'SAMPLE_TOO_LARGE', formatLogTime(sample.time), MAX_DOMAINS_PER_SAMPLE, MAX_ROWS_PER_SAMPLE);
        sample.toldTooMany = true;
        return null;
      }
      part = { domain, label, line, counts: new Map(), spoiled: null };
      sample.parts.push(part);
    }
    return part;
  }

  /** Whether the current sample already has this part (a repeated zone line). */
  hasPart(domain: number): boolean {
    const sample = this.sample;
    return sample !== null && findDomainIn(sample.parts, sample, domain) !== undefined;
  }

  /** Adds `count` blocks of `order` to the part. */
  count(part: PartBuild, order: number, sizeKiB: number, count: number): void {
    const known = part.counts.get(order);
    if (known === undefined) {
      part.counts.set(order, { sizeKiB, count });
      if (this.sample !== null) this.sample.cells++;
    } else {
      known.count += count;
    }
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
    return this.endOfLog();
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
    this.countSample(sample.time, sample.line, rows);
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
