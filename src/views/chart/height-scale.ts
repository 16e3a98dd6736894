// The height axis: the FMFI range shown (fixed or from the data), its ticks, and value → pixel.
import type { TimeBins } from '../../summary/bins.js';
import type { ZRange } from './options.js';

export interface HeightScale {
  readonly min: number;
  readonly max: number;
  /** Where bars start: 0, or the nearer limit when 0 is outside the range. */
  readonly base: number;
  readonly ticks: number[];
  /** d3 number format of the tick labels (through Vega's `format()`). */
  readonly format: string;
  /** True when the range was taken from the data (nothing is clipped). */
  readonly auto: boolean;
}

/** 1, 2 or 5 times a power of ten: the step of at most `count` ticks over `span`. */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

/** The lowest and highest value a bar shows (each bin's worst), over every domain and order. */
export function dataExtent(bins: TimeBins): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const bin of bins.bins) {
    for (const cells of bin.cells) {
      for (const cell of cells) {
        if (cell === null) continue;
        if (cell.worst < lo) lo = cell.worst;
        if (cell.worst > hi) hi = cell.worst;
      }
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/** `pixels` is the height of the range on screen: it decides how many ticks fit (one per 40 px or more). */
export function heightScale(range: ZRange, bins: TimeBins, pixels: number): HeightScale {
  const count = Math.max(2, Math.floor(pixels / 40));
  let min: number;
  let max: number;
  if (range.kind === 'fixed') {
    ({ min, max } = range);
  } else {
    // The zero plane is what bars stand on, so the full range always includes it. The
    // range is not rounded out to whole ticks: with 4K rows at −3,000,000 that would
    // add a useless 500,000 above a data maximum of 1,000.
    const [lo, hi] = dataExtent(bins) ?? [0, 0];
    min = Math.min(0, lo);
    max = Math.max(0, hi);
    if (min === max) max = min + 1;
  }
  const step = niceStep(max - min, count);
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) {
    // Rounding keeps 0.1 + 0.2-style sums from printing as 0.30000000000000004.
    ticks.push(Number(v.toPrecision(12)));
  }
  const largest = Math.max(Math.abs(min), Math.abs(max));
  // Large ranges (`--z-range auto` on 4K rows) in SI units: −3M, not −3000000.
  const format = largest >= 100_000 ? '~s' : '~r';
  return { min, max, base: Math.min(max, Math.max(min, 0)), ticks, format, auto: range.kind === 'auto' };
}

/** Pixel y of a value in the front face: 0 at the top of the range, `pixels` at its bottom; clamped. */
export function heightY(scale: HeightScale, pixels: number, value: number): number {
  const v = Math.min(scale.max, Math.max(scale.min, value));
  return ((scale.max - v) / (scale.max - scale.min)) * pixels;
}
