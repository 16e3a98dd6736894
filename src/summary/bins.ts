// Samples → time bins: at most about one bin per pixel column, each keeping its worst (highest) FMFI.
//
// Bins are built while the log streams by, so memory depends on the number of bins,
// never on the length of the log. Bins are aligned to multiples of their width; when
// the span would need more than `maxBins`, the width doubles and neighbours merge
// (the maximum of maxima is the maximum, so nothing is recomputed).
//
// However the log is shaped, what is kept stays bounded: at most `maxDomains` domains,
// fewer when they have many orders (`maxRows` rows of domain × order; the first domains
// seen are kept, the others are counted and named in `leftOut`), and at most `maxCells`
// cells (bins × domains × orders): a log of many domains and orders gets wider bins and
// fewer panels, not a bigger picture.
import type { LocalTime, Sample } from '../model.js';

/** The most domains a picture of one window draws, one panel each; the rest are left out and named. */
export const MAX_PANELS = 8;
/**
 * The most rows of bars (domains × orders) kept: 8 panels of amd64's 13 orders. A log of
 * more orders gets fewer panels (two of 48 orders); each row costs memory to draw.
 */
export const MAX_ROWS = MAX_PANELS * 13;
/**
 * The most cells (bins × domains × orders) kept by default: 2 panels of 13 orders at up to
 * 1024 bins, one per pixel column of the default chart (874) and more. Drawing costs
 * memory per cell (about 3 KB in Vega and resvg on Node.js 24): charts of 3 domains or
 * more get wider bins (at least 2 pixels each), so that a render stays under 200 MB
 * (test/e2e/memory.test.ts).
 */
export const MAX_CELLS = 2 * 13 * 1024;

export interface BinOptions {
  /** The most bins the chart can show, about its plot width in pixels. */
  readonly maxBins: number;
  /** The most domains kept (default MAX_PANELS). */
  readonly maxDomains?: number;
  /** The most domains × orders kept (default MAX_ROWS): fewer domains when they have many orders. */
  readonly maxRows?: number;
  /** The most cells kept (default MAX_CELLS): bins get wider when domains × orders would need more. */
  readonly maxCells?: number;
  /**
   * Bin this domain only, the one a view was asked to show (`--domain N`): the others are
   * not binned, nor counted as left out. A sample without it still counts, as a sample
   * without rows.
   */
  readonly onlyDomain?: number | null;
}

/** Domains seen but not kept: how many, and the lowest and highest of their numbers. */
export interface LeftOutDomains {
  readonly count: number;
  readonly lowest: number;
  readonly highest: number;
}

/** One order of one domain in one bin. */
export interface BinCell {
  /** The worst (highest) FMFI of the bin's samples. */
  readonly worst: number;
  /** The best (lowest), kept for statistics and notes. */
  readonly best: number;
}

export interface Bin {
  /** Bin start (inclusive) and end (exclusive), on the bin grid. */
  readonly start: LocalTime;
  readonly end: LocalTime;
  /** Samples with FMFI output that fell into this bin. */
  readonly samples: number;
  /** For each domain (index as in TimeBins.domains), for each order (index as in TimeBins.orders): the cell or null. */
  readonly cells: ReadonlyArray<ReadonlyArray<BinCell | null>>;
  /** True when the time since the previous bin's last sample is a gap in sampling (machine off, cron stopped). */
  readonly afterGap: boolean;
}

export interface OrderInfo {
  readonly order: number;
  /** As printed by the kernel for this order (the first seen). */
  readonly sizeKiB: number;
}

export interface TimeBins {
  readonly binMs: number;
  /** The most common time between consecutive samples (0 with fewer than two). */
  readonly intervalMs: number;
  /** NUMA domains seen, ascending. */
  readonly domains: readonly number[];
  /** Orders seen, ascending (order 0, the smallest block, first). */
  readonly orders: readonly OrderInfo[];
  /** Non-empty bins in time order. */
  readonly bins: readonly Bin[];
  /** Samples with FMFI output, and all samples including those without. */
  readonly samples: number;
  readonly samplesWithoutOutput: number;
  readonly first: LocalTime | null;
  readonly last: LocalTime | null;
  /** The most samples any one bin holds. */
  readonly maxSamplesPerBin: number;
  /** Each domain's label (as in `domains`), where a format named its parts (`node 0 Normal`); absent otherwise. */
  readonly labels?: readonly string[];
  /** Domains beyond `maxDomains`, not binned; absent when none. */
  readonly leftOut?: LeftOutDomains;
}

/**
 * A binner's state as plain data (JSON), to be finished in a later run without the log:
 * the index page keeps one per window and finishes them on one uptime axis.
 * `bins`: [index, samples, first, last, cells], cells per domain (as in `domains`) a flat
 * list of order, worst, best.
 */
export interface BinnerSnapshot {
  readonly maxBins: number;
  readonly binMs: number;
  /** The typical interval (all finish() needs of the intervals seen). */
  readonly intervalMs: number;
  readonly samples: number;
  readonly withoutOutput: number;
  readonly first: LocalTime | null;
  readonly last: LocalTime | null;
  readonly domains: readonly number[];
  readonly labels: ReadonlyArray<readonly [number, string]>;
  readonly sizes: ReadonlyArray<readonly [number, number]>;
  readonly bins: ReadonlyArray<readonly [number, number, LocalTime, LocalTime, ReadonlyArray<readonly number[]>]>;
  /** Domains left out (see TimeBins.leftOut); absent when none. */
  readonly leftOut?: LeftOutDomains;
}

interface MutableBin {
  samples: number;
  first: LocalTime;
  last: LocalTime;
  /**
   * By domain (its slot, see TimeBinner.slots): the cells as one array, the worst FMFI of
   * order o at 2o and the best at 2o + 1, a hole for an order without rows. Numbers in
   * place of a [worst, best] pair per cell: this runs for every row of the log, and the
   * pairs were most of what the garbage collector had to do.
   */
  cells: Array<number[] | undefined>;
}

/** A gap is a pause of more than this many typical intervals. */
const GAP_FACTOR = 2.5;
/** Distinct intervals remembered for finding the typical one. */
const MAX_INTERVALS = 4096;

/** Merges cells `from` into `into` (both as MutableBin.cells keeps them): the worst of the worst, the best of the best. */
function mergeCells(into: number[], from: readonly number[]): void {
  for (let i = 0; i < from.length; i += 2) {
    const worst = from[i];
    if (worst === undefined) continue;
    const had = into[i];
    if (had === undefined) {
      into[i] = worst;
      into[i + 1] = from[i + 1]!;
    } else {
      if (worst > had) into[i] = worst;
      if (from[i + 1]! < into[i + 1]!) into[i + 1] = from[i + 1]!;
    }
  }
}

/** Accumulates samples into bins as they stream by. */
export class TimeBinner {
  private readonly maxBins: number;
  private readonly maxDomains: number;
  private readonly maxRows: number;
  private readonly maxCells: number;
  private readonly onlyDomain: number | null;
  /** The most bins for the domains and orders seen so far. */
  private binLimit: number;
  private readonly leftOut = new Set<number>();
  private binMs = 1000;
  private bins = new Map<number, MutableBin>();
  private minIndex = Infinity;
  private maxIndex = -Infinity;
  /** Each domain kept → its slot in MutableBin.cells, in order of first appearance. */
  private readonly slots = new Map<number, number>();
  /** The slot the next domain kept gets (slots of domains left out in finish() are not reused). */
  private nextSlot = 0;
  /** Domains left out before a snapshot this binner was restored from. */
  private restoredLeftOut: LeftOutDomains | null = null;
  private readonly labels = new Map<number, string>();
  private readonly sizes = new Map<number, number>();
  private readonly intervals = new Map<number, number>();
  private previous: LocalTime | null = null;
  private samples = 0;
  private withoutOutput = 0;
  private first: LocalTime | null = null;
  private last: LocalTime | null = null;

  constructor(options: BinOptions) {
    this.maxBins = Math.max(1, Math.floor(options.maxBins));
    this.maxDomains = Math.max(1, options.maxDomains ?? MAX_PANELS);
    this.maxRows = Math.max(1, options.maxRows ?? MAX_ROWS);
    this.maxCells = Math.max(1, options.maxCells ?? MAX_CELLS);
    this.onlyDomain = options.onlyDomain ?? null;
    this.binLimit = this.maxBins;
  }

  /** How many domains may be kept with the orders seen so far. */
  private domainRoom(): number {
    return Math.max(1, Math.min(this.maxDomains, Math.floor(this.maxRows / Math.max(1, this.sizes.size))));
  }

  /** A domain or an order was seen for the first time: fewer bins may fit in the cells. */
  private reshape(): void {
    const perBin = Math.max(1, this.slots.size) * Math.max(1, this.sizes.size);
    this.binLimit = Math.max(1, Math.min(this.maxBins, Math.floor(this.maxCells / perBin)));
  }

  /** Widens the bins until the span of those kept fits the limit. */
  private fit(): void {
    while (this.maxIndex - this.minIndex + 1 > this.binLimit) this.widen();
  }

  add(sample: Sample): void {
    const t = sample.time;
    if (this.previous !== null && t > this.previous) {
      const dt = t - this.previous;
      const seen = this.intervals.get(dt);
      if (seen !== undefined) this.intervals.set(dt, seen + 1);
      else if (this.intervals.size < MAX_INTERVALS) this.intervals.set(dt, 1);
    }
    this.previous = t;
    const domains = sample.domains;
    if (domains.length === 0) {
      this.withoutOutput++;
      return;
    }
    this.samples++;
    if (this.first === null || t < this.first) this.first = t;
    if (this.last === null || t > this.last) this.last = t;

    let index = Math.floor(t / this.binMs);
    while (Math.max(this.maxIndex, index) - Math.min(this.minIndex, index) + 1 > this.binLimit) {
      this.widen();
      index = Math.floor(t / this.binMs);
    }
    if (index < this.minIndex) this.minIndex = index;
    if (index > this.maxIndex) this.maxIndex = index;
    let bin = this.bins.get(index);
    if (bin === undefined) {
      bin = { samples: 0, first: t, last: t, cells: [] };
      this.bins.set(index, bin);
    }
    bin.samples++;
    if (t < bin.first) bin.first = t;
    if (t > bin.last) bin.last = t;
    let reshaped = false;
    // Indexed loops: until V8 has optimised this, for-of costs an iterator call per element.
    for (let d = 0; d < domains.length; d++) {
      const reading = domains[d]!;
      if (this.onlyDomain !== null && reading.domain !== this.onlyDomain) continue;
      let slot = this.slots.get(reading.domain);
      if (slot === undefined) {
        if (this.slots.size >= this.domainRoom()) {
          this.leftOut.add(reading.domain);
          continue;
        }
        slot = this.nextSlot++;
        this.slots.set(reading.domain, slot);
        reshaped = true;
      }
      if (reading.label !== undefined) this.labels.set(reading.domain, reading.label);
      let cells = bin.cells[slot];
      if (cells === undefined) {
        cells = [];
        bin.cells[slot] = cells;
      }
      const orders = reading.orders;
      for (let k = 0; k < orders.length; k++) {
        const r = orders[k]!;
        const at = 2 * r.order;
        const fmfi = r.fmfi;
        const worst = cells[at];
        if (worst === undefined) {
          cells[at] = fmfi;
          cells[at + 1] = fmfi;
          // An order seen for the first time is a new cell too: the size is looked up only then.
          if (!this.sizes.has(r.order)) {
            this.sizes.set(r.order, r.sizeKiB);
            reshaped = true;
          }
        } else {
          if (fmfi > worst) cells[at] = fmfi;
          if (fmfi < cells[at + 1]!) cells[at + 1] = fmfi;
        }
      }
    }
    if (reshaped) {
      this.reshape();
      this.fit();
    }
  }

  /** Doubles the bin width, merging each pair of neighbouring bins. */
  private widen(): void {
    this.binMs *= 2;
    const old = this.bins;
    this.bins = new Map();
    this.minIndex = Infinity;
    this.maxIndex = -Infinity;
    old.forEach((bin, i) => {
      const j = Math.floor(i / 2);
      if (j < this.minIndex) this.minIndex = j;
      if (j > this.maxIndex) this.maxIndex = j;
      const into = this.bins.get(j);
      if (into === undefined) {
        this.bins.set(j, bin);
        return;
      }
      into.samples += bin.samples;
      if (bin.first < into.first) into.first = bin.first;
      if (bin.last > into.last) into.last = bin.last;
      for (let slot = 0; slot < bin.cells.length; slot++) {
        const from = bin.cells[slot];
        if (from === undefined) continue;
        const target = into.cells[slot];
        if (target === undefined) into.cells[slot] = from;
        else mergeCells(target, from);
      }
    });
  }

  /** The most common interval between samples: the cron job's period. */
  private typicalInterval(): number {
    let best = 0;
    let count = 0;
    for (const [dt, n] of this.intervals) {
      if (n > count || (n === count && dt < best)) {
        best = dt;
        count = n;
      }
    }
    return best;
  }

  /**
   * The bin width finish() will use (a power of two times a second). Views that put several
   * logs on one axis take the widest of them and pass it to finish() as `minBinMs`.
   */
  get binWidth(): number {
    const intervalMs = this.typicalInterval();
    let width = this.binMs;
    while (width * 2 <= intervalMs) width *= 2;
    return width;
  }

  /** The bins; `minBinMs` widens them to at least that width (a width another binner reports). */
  finish(minBinMs = 0): TimeBins {
    const intervalMs = this.typicalInterval();
    // Bins wider than half the sampling period, but no wider than needed: when the chart has
    // room for every sample, each bin holds one, and no two samples share a bar. The empty
    // bins this leaves between samples are not gaps: gaps are marked by `afterGap` below.
    while (this.binMs * 2 <= intervalMs || this.binMs < minBinMs) this.widen();
    this.fit();
    // Orders that came after domains were kept may leave room for fewer: the last kept go.
    for (const d of [...this.slots.keys()].slice(this.domainRoom())) {
      this.slots.delete(d);
      this.labels.delete(d);
      this.leftOut.add(d);
    }
    const domains = [...this.slots.keys()].sort((a, b) => a - b);
    const slots = domains.map((d) => this.slots.get(d)!);
    const orders = [...this.sizes.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([order, sizeKiB]) => ({ order, sizeKiB }));
    const gapMs = Math.max(intervalMs * GAP_FACTOR, this.binMs);
    const bins: Bin[] = [];
    let maxSamplesPerBin = 0;
    let previousLast: LocalTime | null = null;
    for (const index of [...this.bins.keys()].sort((a, b) => a - b)) {
      const bin = this.bins.get(index)!;
      const start = index * this.binMs;
      const cells = slots.map((slot) => {
        const byOrder = bin.cells[slot];
        return orders.map(({ order }) => {
          const worst = byOrder?.[2 * order];
          return worst === undefined ? null : { worst, best: byOrder![2 * order + 1]! };
        });
      });
      const afterGap = previousLast !== null && bin.first - previousLast > gapMs;
      bins.push({ start, end: start + this.binMs, samples: bin.samples, cells, afterGap });
      maxSamplesPerBin = Math.max(maxSamplesPerBin, bin.samples);
      previousLast = bin.last;
    }
    return {
      binMs: this.binMs,
      intervalMs,
      domains,
      orders,
      bins,
      samples: this.samples,
      samplesWithoutOutput: this.withoutOutput,
      first: this.first,
      last: this.last,
      maxSamplesPerBin,
      ...(this.labels.size === 0 ? {} : { labels: domains.map((d) => this.labels.get(d) ?? `domain ${d}`) }),
      ...this.leftOutPart(),
    };
  }

  /** The domains left out so far, as TimeBins and BinnerSnapshot give them (absent when none). */
  private leftOutPart(): { leftOut?: LeftOutDomains } {
    const now = this.leftOut.size === 0 ? null : leftOutOf(this.leftOut);
    const before = this.restoredLeftOut;
    if (now === null) return before === null ? {} : { leftOut: before };
    if (before === null) return { leftOut: now };
    return {
      leftOut: { count: before.count + now.count, lowest: Math.min(before.lowest, now.lowest), highest: Math.max(before.highest, now.highest) },
    };
  }

  /** The state so far as plain data; `TimeBinner.restore` makes a binner to finish() from it. */
  snapshot(): BinnerSnapshot {
    const domains = [...this.slots.keys()].sort((a, b) => a - b);
    const bins = [...this.bins.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([index, bin]) => {
        const cells = domains.map((domain) => {
          const flat: number[] = [];
          const byOrder = bin.cells[this.slots.get(domain)!];
          if (byOrder !== undefined) {
            for (let at = 0; at < byOrder.length; at += 2) {
              const worst = byOrder[at];
              if (worst !== undefined) flat.push(at / 2, worst, byOrder[at + 1]!);
            }
          }
          return flat;
        });
        return [index, bin.samples, bin.first, bin.last, cells] as const;
      });
    return {
      maxBins: this.maxBins,
      binMs: this.binMs,
      intervalMs: this.typicalInterval(),
      samples: this.samples,
      withoutOutput: this.withoutOutput,
      first: this.first,
      last: this.last,
      domains,
      labels: [...this.labels],
      sizes: [...this.sizes],
      bins,
      ...this.leftOutPart(),
    };
  }

  /** A binner in the state of a snapshot, to finish(). Samples added to it do not count towards its typical interval. */
  static restore(s: BinnerSnapshot): TimeBinner {
    const binner = new TimeBinner({ maxBins: s.maxBins });
    binner.binMs = s.binMs;
    if (s.intervalMs > 0) binner.intervals.set(s.intervalMs, 1);
    binner.samples = s.samples;
    binner.withoutOutput = s.withoutOutput;
    binner.first = s.first;
    binner.last = s.last;
    s.domains.forEach((d, slot) => binner.slots.set(d, slot));
    binner.nextSlot = s.domains.length;
    binner.restoredLeftOut = s.leftOut ?? null;
    for (const [d, label] of s.labels) binner.labels.set(d, label);
    for (const [order, kib] of s.sizes) binner.sizes.set(order, kib);
    for (const [index, samples, first, last, cells] of s.bins) {
      const bySlot: Array<number[] | undefined> = [];
      cells.forEach((flat, slot) => {
        if (flat.length === 0) return;
        const byOrder: number[] = [];
        for (let k = 0; k + 2 < flat.length; k += 3) {
          byOrder[2 * flat[k]!] = flat[k + 1]!;
          byOrder[2 * flat[k]! + 1] = flat[k + 2]!;
        }
        bySlot[slot] = byOrder;
      });
      binner.bins.set(index, { samples, first, last, cells: bySlot });
      binner.minIndex = Math.min(binner.minIndex, index);
      binner.maxIndex = Math.max(binner.maxIndex, index);
    }
    binner.reshape();
    return binner;
  }
}

function leftOutOf(domains: ReadonlySet<number>): LeftOutDomains {
  let lowest = Infinity;
  let highest = -Infinity;
  for (const d of domains) {
    if (d < lowest) lowest = d;
    if (d > highest) highest = d;
  }
  return { count: domains.size, lowest, highest };
}

/** Bins a whole array of samples (tests, small logs). Pure. */
export function binSamples(samples: Iterable<Sample>, options: BinOptions): TimeBins {
  const binner = new TimeBinner(options);
  for (const s of samples) binner.add(s);
  return binner.finish();
}
