// The sample state machine of the vm.phys_frag_idx format: date lines, DOMAIN lines and rows → samples.
//
// The scanner (scanner.ts) says what each line is; this decides what it means for the
// sample being built: which domain a row belongs to, which rows cannot be placed
// (before any date, after a date that is no real time), which repeat, and what is
// missing when a domain or sample ends early.
//
// A line shaped like a date that is no real time is usually a sample of its own with a
// damaged date line, whose rows are skipped. But junk of that shape can also land inside
// a sample (a write of another program into the log): the line after it then tells. A row
// that goes on down the orders of the domain before it, or a DOMAIN line of a domain the
// sample does not have yet (after rows of others), continues that sample, and only the
// junk line is skipped.
import type { LocalTime } from '../../model.js';
import { formatLogTime } from '../../time.js';
import { FreshBuilds, ReusedBuilds, type Builds, type DomainBuild, type SampleBuild } from '../builds.js';
import type { ReaderSink, ReadSummary } from '../format.js';
import { findDomainIn } from '../domain-index.js';
import { MAX_DOMAINS_PER_SAMPLE, MAX_ROWS_PER_SAMPLE } from '../limits.js';
import { LogState } from '../log-state.js';
import type { RowScan } from './row-scan.js';

function findDomain(sample: SampleBuild, domain: number): DomainBuild | null {
  return findDomainIn(sample.domains, sample, domain) ?? null;
}

/** A bad date line inside a sample, until the next line tells whether the sample goes on. */
interface Suspended {
  readonly sample: SampleBuild;
  readonly raw: string;
  readonly line: number;
}

export class SampleAssembler extends LogState {
  private readonly builds: Builds;
  private sample: SampleBuild | null = null;
  /** While set, `sample` is null: rows take the slow path, which decides. */
  private suspended: Suspended | null = null;
  /** Rows of the current sample's domains closed so far (a domain entered twice counts twice). */
  private sampleRows = 0;
  /** Where the rows of domains beyond MAX_DOMAINS_PER_SAMPLE or MAX_ROWS_PER_SAMPLE go: nowhere. */
  private readonly discard: DomainBuild = { domain: -1, line: 0, orders: [], seen: new Set() };
  /** The sample whose domains beyond the limit were said to be skipped. */
  private toldTooMany: SampleBuild | null = null;

  constructor(
    file: string,
    sink: ReaderSink,
    /** The scanner's row, read by `row()`: one object shared for the whole log. */
    private readonly scan: RowScan,
    reuseSamples: boolean,
  ) {
    super(file, sink);
    this.builds = reuseSamples ? new ReusedBuilds() : new FreshBuilds();
  }

  protected rowsBeforeDate(line: number, rows: number): void {
    this.warn(line, 'ROWS_BEFORE_DATE', rows);
  }

  protected noData(samples: number): void {
    this.warn(0, 'NO_FMFI', samples);
  }

  /** A real date line at `line`: the sample before it is complete. */
  startSample(time: LocalTime, line: number): void {
    this.endSuspense();
    this.closeSkip();
    this.closeSample();
    this.sample = this.builds.sample(time, line);
    this.sampleRows = 0;
  }

  /**
   * A line shaped like a date that is no real time: it and the rows after it are skipped,
   * unless the line after it goes on with the sample it interrupts.
   */
  badDate(raw: string, line: number): void {
    this.endSuspense();
    const sample = this.sample;
    if (sample !== null) {
      this.suspended = { sample, raw, line };
      this.sample = null;
      return;
    }
    this.closeSkip();
    this.skipAfter(raw, line);
  }

  /** The bad date line was junk inside the sample, which goes on. */
  private resume(): void {
    const { sample, raw, line } = this.suspended!;
    this.suspended = null;
    this.sample = sample;
    this.warn(line, 'DATE_IN_SAMPLE', raw, formatLogTime(sample.time));
  }

  /** The bad date line starts a sample of its own: the one before it is complete, the rows after it skipped. */
  private endSuspense(): void {
    const suspended = this.suspended;
    if (suspended === null) return;
    this.suspended = null;
    this.sample = suspended.sample;
    this.closeSkip();
    this.closeSample();
    this.skipAfter(suspended.raw, suspended.line);
  }

  /** A DOMAIN line: the rows that follow are that domain's. */
  enterDomain(domain: number, line: number): void {
    const suspended = this.suspended;
    if (suspended !== null) {
      // A domain the sample has not had yet, after rows of others: the sample goes on.
      const sample = suspended.sample;
      if (findDomain(sample, domain) === null && sample.domains.some((d) => d.orders.length > 0)) this.resume();
      else this.endSuspense();
    }
    const sample = this.sample;
    if (sample === null) return; // rows that follow are counted in the skip block
    this.closeDomain(sample);
    sample.current = findDomain(sample, domain) ?? this.newDomain(sample, domain, line);
  }

  /** A domain the sample does not have yet; the discard beyond the most a sample may have. */
  private newDomain(sample: SampleBuild, domain: number, line: number): DomainBuild {
    if (sample.domains.length < MAX_DOMAINS_PER_SAMPLE && this.sampleRows < MAX_ROWS_PER_SAMPLE) return this.builds.domain(sample, domain, line);
    if (this.toldTooMany !== sample) {
      this.toldTooMany = sample;
      this.warn(line, 'SAMPLE_TOO_LARGE', formatLogTime(sample.time), MAX_DOMAINS_PER_SAMPLE, MAX_ROWS_PER_SAMPLE);
    }
    return this.discard;
  }

  /** The row just scanned at `line`; nearly always the next of a domain's rows in the kernel's descending order. */
  row(line: number): void {
    const domain = this.sample === null ? null : this.sample.current;
    if (domain === null || domain.seen !== null) return this.unusualRow(line);
    const orders = domain.orders;
    const scan = this.scan;
    if (orders.length > 0 && scan.order >= orders[orders.length - 1]!.order) return this.unusualRow(line);
    this.builds.row(domain, scan.order, scan.sizeKiB, scan.fmfi);
  }

  /** Any other row: before a date line, without a DOMAIN line, or out of order. */
  private unusualRow(line: number): void {
    if (this.suspended !== null) {
      const current = this.suspended.sample.current;
      const last = current === null ? undefined : current.orders[current.orders.length - 1];
      if (current !== null && current.seen === null && last !== undefined && this.scan.order < last.order) {
        this.resume();
        return this.row(line);
      }
      this.endSuspense();
    }
    const sample = this.sample;
    if (sample === null) return this.skipRow(line);
    let domain = sample.current;
    if (domain === null) {
      // Rows without a DOMAIN line: a kernel that prints one domain without a header.
      domain = findDomain(sample, 0) ?? this.newDomain(sample, 0, line);
      sample.current = domain;
    }
    if (domain === this.discard) return;
    const scan = this.scan;
    const order = scan.order;
    const orders = domain.orders;
    const previous = orders.length > 0 ? orders[orders.length - 1] : undefined;
    // While rows descend, as the kernel prints them, no order can repeat; from the first
    // row out of that order on (a repeated DOMAIN block, a duplicated line), every row is checked.
    if (domain.seen !== null || (previous !== undefined && order >= previous.order)) {
      if (domain.seen === null) domain.seen = new Set(orders.map((r) => r.order));
      if (domain.seen.has(order)) {
        this.warn(line, 'ORDER_REPEATED', order, domain.domain, formatLogTime(sample.time));
        return;
      }
    }
    domain.seen?.add(order);
    this.builds.row(domain, order, scan.sizeKiB, scan.fmfi);
  }

  /** The end of the log: the last sample is complete, and a log with nothing to show says so. */
  finish(): ReadSummary {
    this.endSuspense();
    this.closeSkip();
    this.closeSample();
    return this.endOfLog();
  }

  private closeDomain(sample: SampleBuild): void {
    const domain = sample.current;
    sample.current = null;
    if (domain === null || domain === this.discard) return;
    this.sampleRows += domain.orders.length;
    const last = domain.orders[domain.orders.length - 1];
    if (last === undefined) {
      this.warn(domain.line, 'DOMAIN_EMPTY', domain.domain, formatLogTime(sample.time));
    } else if (last.order !== 0 && domain.seen === null) {
      this.warn(domain.line, 'DOMAIN_INCOMPLETE', domain.domain, formatLogTime(sample.time), last.order);
    }
  }

  private closeSample(): void {
    const sample = this.sample;
    if (sample === null) return;
    this.sample = null;
    this.closeDomain(sample);
    let rows = 0;
    for (const d of sample.domains) rows += d.orders.length;
    this.countSample(sample.time, sample.line, rows);
    this.sink.sample(this.builds.finish(sample));
  }
}
