// The sample state machine of the vm.phys_frag_idx format: date lines, DOMAIN lines and rows → samples.
//
// The scanner (scanner.ts) says what each line is; this decides what it means for the
// sample being built: which domain a row belongs to, which rows cannot be placed
// (before any date, after a date that is no real time), which repeat, and what is
// missing when a domain or sample ends early.
import type { LocalTime } from '../../model.js';
import { formatLogTime } from '../../time.js';
import { FreshBuilds, ReusedBuilds, type Builds, type DomainBuild, type SampleBuild } from '../builds.js';
import type { ReaderSink, ReadSummary } from '../format.js';
import { LogState } from '../log-state.js';
import type { RowScan } from './row-scan.js';

function findDomain(domains: readonly DomainBuild[], domain: number): DomainBuild | null {
  for (const d of domains) if (d.domain === domain) return d;
  return null;
}

export class SampleAssembler extends LogState {
  private readonly builds: Builds;
  private sample: SampleBuild | null = null;

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
    this.closeSkip();
    this.closeSample();
    this.sample = this.builds.sample(time, line);
  }

  /** A line shaped like a date that is no real time: it and the rows after it are skipped. */
  badDate(raw: string, line: number): void {
    this.closeSkip();
    this.closeSample();
    this.skipAfter(raw, line);
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
    if (sample === null) return this.skipRow(line);
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
    return this.endOfLog();
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
    this.countSample(sample.time, sample.line, rows);
    this.sink.sample(this.builds.finish(sample));
  }
}
