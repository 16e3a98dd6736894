// The sample state machine of the vm.phys_frag_idx format: date lines, DOMAIN lines and rows → samples.
//
// The scanner (scanner.ts) says what each line is; this decides what it means for the
// sample being built: which domain a row belongs to, which rows cannot be placed
// (before any date, after a date that is no real time), which repeat, and what is
// missing when a domain or sample ends early.
import { Warn, type DiagnosticCode } from '../../errors.js';
import type { LocalTime } from '../../model.js';
import { formatLogTime } from '../../time.js';
import { FreshBuilds, ReusedBuilds, type Builds, type DomainBuild, type SampleBuild } from '../builds.js';
import type { ReaderSink, ReadSummary } from '../format.js';
import type { RowScan } from './row-scan.js';

/** Rows that cannot be placed: before any date line, or after a date line that is no real date. */
interface SkipBlock {
  readonly line: number;
  /** The bad date line, or null for rows before the first date line. */
  readonly dateText: string | null;
  rows: number;
}

function findDomain(domains: readonly DomainBuild[], domain: number): DomainBuild | null {
  for (const d of domains) if (d.domain === domain) return d;
  return null;
}

export class SampleAssembler {
  readonly summary: ReadSummary = { samples: 0, samplesWithData: 0, rows: 0, warnings: 0, first: null, last: null };
  private readonly builds: Builds;
  private sample: SampleBuild | null = null;
  private skip: SkipBlock | null = null;

  constructor(
    private readonly file: string,
    private readonly sink: ReaderSink,
    /** The scanner's row, read by `row()`: one object shared for the whole log. */
    private readonly scan: RowScan,
    reuseSamples: boolean,
  ) {
    this.builds = reuseSamples ? new ReusedBuilds() : new FreshBuilds();
  }

  warn<K extends DiagnosticCode>(line: number, code: K, ...args: Parameters<(typeof Warn)[K]>): void {
    this.summary.warnings++;
    const message = (Warn[code] as (...a: typeof args) => string)(...args);
    this.sink.diagnostic({ code, severity: 'warning', file: this.file, line, message });
  }

  /** A real date line at `line`: the sample before it is complete. */
  startSample(time: LocalTime, line: number): void {
    this.closeSkip();
    this.closeSample();
    this.sample = this.builds.sample(time, line);
  }

  /** A line shaped like a date that is no real time: it and the rows after it are skipped. */
  badDate(raw: string, line: number): void {
    this.closeSkip();
    this.closeSample();
    this.skip = { line, dateText: raw, rows: 0 };
  }

  /** A DOMAIN line: the rows that follow are that domain's. */
  enterDomain(domain: number, line: number): void {
    const sample = this.sample;
    if (sample === null) return; // rows that follow are counted in the skip block
    this.closeDomain(sample);
    sample.current = findDomain(sample.domains, domain) ?? this.builds.domain(sample, domain, line);
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
    const sample = this.sample;
    if (sample === null) {
      if (this.skip === null) this.skip = { line, dateText: null, rows: 0 };
      this.skip.rows++;
      return;
    }
    let domain = sample.current;
    if (domain === null) {
      // Rows without a DOMAIN line: a kernel that prints one domain without a header.
      domain = findDomain(sample.domains, 0) ?? this.builds.domain(sample, 0, line);
      sample.current = domain;
    }
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
    this.closeSkip();
    this.closeSample();
    const summary = this.summary;
    if (summary.samples === 0) this.warn(0, 'NO_SAMPLES');
    else if (summary.samplesWithData === 0) this.warn(0, 'NO_FMFI', summary.samples);
    return summary;
  }

  private closeSkip(): void {
    const skip = this.skip;
    if (skip === null) return;
    this.skip = null;
    if (skip.dateText === null) this.warn(skip.line, 'ROWS_BEFORE_DATE', skip.rows);
    else this.warn(skip.line, 'DATE_INVALID', skip.dateText, skip.rows);
  }

  private closeDomain(sample: SampleBuild): void {
    const domain = sample.current;
    if (domain === null) return;
    sample.current = null;
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
    const summary = this.summary;
    summary.samples++;
    summary.rows += rows;
    if (rows > 0) summary.samplesWithData++;
    if (summary.first === null || sample.time < summary.first) summary.first = sample.time;
    if (summary.last === null || sample.time > summary.last) summary.last = sample.time;
    this.sink.sample(this.builds.finish(sample));
  }
}
