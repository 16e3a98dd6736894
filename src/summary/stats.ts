// Statistics of one boot window, per domain and order: FMFI quantiles, crossings above 0, average free block size.
//
//   add(sample), once per sample; numbers are copied out, the sample is never kept
//     1. the window: samples with and without data, first and last time
//     2. per domain with rows: the sample's average free block size A and its largest
//        easy block size, each appended to a typed column
//     3. per order: FMFI appended to a typed column, samples above 0, first time above 0
//   finish()
//     4. each column sorted once; nearest-rank quantiles; uptimes from the boot time
//        in the log's name, else from the first sample
//
// Why one row gives A, and how exactly: see average-block.ts.
import { domainLabel, type BootWindow, type DomainReading, type LocalTime, type Sample } from '../model.js';
import { lowestRow } from './average-block.js';
import { Values } from './values.js';

export { averageBlockPages, type AverageBlock } from './average-block.js';

/** Where uptimes count from: the boot time in the log's name, or its first sample. */
export const UptimeFrom = { bootTime: 'boot-time', firstSample: 'first-sample' } as const;
export type UptimeFrom = (typeof UptimeFrom)[keyof typeof UptimeFrom];

/** One order of one domain over the window. FMFI quantiles are exact, by nearest rank. */
export interface OrderStats {
  readonly order: number;
  /** The block size the kernel printed for this order (the first sample's, if they differ). */
  readonly sizeKiB: number;
  /** Samples with a row for this order. */
  readonly samples: number;
  readonly min: number;
  readonly median: number;
  readonly p90: number;
  readonly max: number;
  /** Samples whose FMFI is above 0 (fragmented at this size). */
  readonly samplesAbove0: number;
  /** samplesAbove0 / samples, from 0 to 1. */
  readonly shareAbove0: number;
  /** The first sample, in log order, with FMFI above 0; null: never. */
  readonly firstAbove0: LocalTime | null;
  /** Its uptime in ms (see WindowStats.uptimeFrom); negative if it precedes the boot time. */
  readonly firstAbove0UptimeMs: number | null;
}

/** The average free block size A = P/B, one value per sample, in KiB. */
export interface AverageBlockStats {
  readonly medianKiB: number;
  /** The smallest A of the window: the most fragmented sample. */
  readonly worstKiB: number;
  /** A at the domain's last sample. */
  readonly lastKiB: number;
  /** The highest order A had to be read from: 0 when every sample had its order-0 row. */
  readonly fromOrder: number;
  /** Each A is a lower bound: the true value lies below A + exactToKiB (1/1000 of a block of fromOrder). */
  readonly exactToKiB: number;
}

/**
 * The largest block size still easy to allocate, per sample: the largest order with FMFI <= 0
 * (2^j <= A), among the rows present (where order 0 is missing, a sample may have none).
 */
export interface EasyBlockStats {
  /** null: in at least half of the samples no order was easy. */
  readonly medianKiB: number | null;
  /** null: in some sample no order was easy. */
  readonly worstKiB: number | null;
}

export interface DomainStats {
  readonly domain: number;
  /** `domain 0`, or the name the format gave the part (`node 0 Normal`). */
  readonly label: string;
  /** Samples with at least one row of this domain. */
  readonly samples: number;
  /** The window's other samples: no output at all, or none for this domain. */
  readonly samplesWithoutData: number;
  readonly first: LocalTime;
  readonly last: LocalTime;
  readonly spanMs: number;
  /** Page size: the block size printed for the lowest order of the first sample, over 2^order. */
  readonly pageKiB: number;
  readonly average: AverageBlockStats;
  readonly easy: EasyBlockStats;
  /** Ascending by order. */
  readonly orders: readonly OrderStats[];
}

export interface WindowStats {
  /** The log as named on the command line. */
  readonly source: string;
  readonly bootTime: LocalTime | null;
  readonly uptimeFrom: UptimeFrom;
  /** The time uptimes count from; null only for a window without boot time and samples. */
  readonly origin: LocalTime | null;
  /** First and last sample in log order, with or without data; null without samples. */
  readonly first: LocalTime | null;
  readonly last: LocalTime | null;
  readonly spanMs: number | null;
  readonly samples: number;
  readonly samplesWithData: number;
  readonly samplesWithoutData: number;
  /** Ascending by domain number; only domains with rows. */
  readonly domains: readonly DomainStats[];
}

/**
 * The q-quantile of ascending `sorted` by nearest rank: the value at rank ⌈q·n⌉ (1-based),
 * the minimum for q = 0. The median of 4 values is the 2nd.
 */
export function nearestRank(sorted: ArrayLike<number>, q: number): number {
  return sorted[nearestRankIndex(sorted.length, q)]!;
}

/** Where nearestRank finds the q-quantile among n ascending values: 0-based. */
export function nearestRankIndex(n: number, q: number): number {
  if (n === 0) throw new RangeError('nearestRank: no values');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`nearestRank: q must be from 0 to 1, got ${q}`);
  // q·n in floating point can land a hair above an integer (0.07 × 100 = 7.000000000000001).
  const x = q * n;
  const near = Math.round(x);
  const rank = Math.abs(x - near) <= 1e-9 * n ? near : Math.ceil(x);
  return Math.max(1, rank) - 1;
}

class OrderColumn {
  readonly fmfi = new Values();
  above = 0;
  firstAbove: LocalTime | null = null;
  constructor(readonly order: number, readonly sizeKiB: number) {}
}

class DomainColumns {
  samples = 0;
  last: LocalTime;
  /** A of each sample in thousandths of a KiB: (1000 - FMFI(j)) × size(j), an integer. */
  readonly average = new Values();
  /** The largest easy block size of each sample in KiB, 0 when none was easy. */
  readonly easy = new Values();
  lastAverage = 0;
  fromOrder = 0;
  readonly orders: Array<OrderColumn | undefined> = [];
  constructor(readonly domain: number, readonly label: string, readonly first: LocalTime, readonly pageKiB: number) {
    this.last = first;
  }
}

/** Statistics of a window fed one sample at a time: memory grows by a few bytes per row, never by a sample. */
export class WindowStatsBuilder {
  private samples = 0;
  private withData = 0;
  private first: LocalTime | null = null;
  private last: LocalTime | null = null;
  private readonly domains = new Map<number, DomainColumns>();
  private finished = false;

  constructor(readonly source: string, readonly bootTime: LocalTime | null) {}

  /** Reads the numbers of one sample; the sample may be reused by the caller as soon as this returns. */
  add(sample: Sample): void {
    if (this.finished) throw new Error('WindowStatsBuilder: add() after finish()');
    const time = sample.time;
    // 1.
    this.samples++;
    this.first ??= time;
    this.last = time;
    let withData = false;
    for (const reading of sample.domains) {
      const rows = reading.orders;
      if (rows.length === 0) continue;
      withData = true;
      const columns = this.columns(reading, time);
      // 3. (one pass over the rows, this runs for every row of the log; 2. needs its results)
      let low = rows[0]!;
      let easyOrder = -1;
      let easyKiB = 0;
      let allZero = true;
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        const fmfi = row.fmfi;
        const column = (columns.orders[row.order] ??= new OrderColumn(row.order, row.sizeKiB));
        column.fmfi.push(fmfi);
        if (fmfi > 0) {
          column.above++;
          column.firstAbove ??= time;
          allZero = false;
        } else {
          if (fmfi !== 0) allZero = false;
          if (row.order > easyOrder) {
            easyOrder = row.order;
            easyKiB = row.sizeKiB;
          }
        }
        if (row.order < low.order) low = row;
      }
      // 2.
      const empty = allZero && rows.length > 1; // no free block: see noFreeBlock() in average-block.ts
      const average = empty ? 0 : (1000 - low.fmfi) * low.sizeKiB;
      columns.average.push(average);
      columns.lastAverage = average;
      if (low.order > columns.fromOrder) columns.fromOrder = low.order;
      columns.easy.push(empty ? 0 : easyKiB);
    }
    if (withData) this.withData++;
  }

  private columns(reading: DomainReading, time: LocalTime): DomainColumns {
    let columns = this.domains.get(reading.domain);
    if (columns === undefined) {
      const low = lowestRow(reading.orders)!;
      columns = new DomainColumns(reading.domain, domainLabel(reading), time, low.sizeKiB / 2 ** low.order);
      this.domains.set(reading.domain, columns);
    }
    columns.samples++;
    columns.last = time;
    return columns;
  }

  /** The statistics; the builder takes no more samples after this. */
  finish(): WindowStats {
    this.finished = true;
    const origin = this.bootTime ?? this.first;
    const domains = [...this.domains.values()]
      .sort((a, b) => a.domain - b.domain)
      .map((d) => this.domainStats(d, origin));
    return {
      source: this.source,
      bootTime: this.bootTime,
      uptimeFrom: this.bootTime === null ? UptimeFrom.firstSample : UptimeFrom.bootTime,
      origin,
      first: this.first,
      last: this.last,
      spanMs: this.first === null || this.last === null ? null : this.last - this.first,
      samples: this.samples,
      samplesWithData: this.withData,
      samplesWithoutData: this.samples - this.withData,
      domains,
    };
  }

  // 4.
  private domainStats(d: DomainColumns, origin: LocalTime | null): DomainStats {
    const orders: OrderStats[] = [];
    for (const column of d.orders) {
      if (column === undefined) continue;
      const n = column.fmfi.length;
      const [min, median, p90, max] = column.fmfi.atRanks([0, nearestRankIndex(n, 0.5), nearestRankIndex(n, 0.9), n - 1]);
      orders.push({
        order: column.order,
        sizeKiB: column.sizeKiB,
        samples: n,
        min: min!,
        median: median!,
        p90: p90!,
        max: max!,
        samplesAbove0: column.above,
        shareAbove0: column.above / n,
        firstAbove0: column.firstAbove,
        firstAbove0UptimeMs: column.firstAbove === null || origin === null ? null : column.firstAbove - origin,
      });
    }
    const [averageWorst, averageMedian] = d.average.atRanks([0, nearestRankIndex(d.average.length, 0.5)]);
    const [easyWorst, easyMedian] = d.easy.atRanks([0, nearestRankIndex(d.easy.length, 0.5)]);
    const fromSize = d.orders[d.fromOrder]?.sizeKiB ?? d.pageKiB * 2 ** d.fromOrder;
    const easyAt = (v: number): number | null => (v === 0 ? null : v);
    return {
      domain: d.domain,
      label: d.label,
      samples: d.samples,
      samplesWithoutData: this.samples - d.samples,
      first: d.first,
      last: d.last,
      spanMs: d.last - d.first,
      pageKiB: d.pageKiB,
      average: {
        medianKiB: averageMedian! / 1000,
        worstKiB: averageWorst! / 1000,
        lastKiB: d.lastAverage / 1000,
        fromOrder: d.fromOrder,
        exactToKiB: fromSize / 1000,
      },
      easy: { medianKiB: easyAt(easyMedian!), worstKiB: easyAt(easyWorst!) },
      orders,
    };
  }
}

/** The statistics of a window parsed whole. */
export function windowStats(window: BootWindow): WindowStats {
  const builder = new WindowStatsBuilder(window.source, window.bootTime);
  for (const sample of window.samples) builder.add(sample);
  return builder.finish();
}
