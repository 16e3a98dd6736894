// The FMFI (height) axis every view shares: the range shown, its ticks, and how many values lie beyond it.
import { OptionError, optionError } from '../errors.js';
import type { TimeBins } from './bins.js';

/** The FMFI shown on the height axis: a fixed range (values beyond are drawn at the limit), or the data's own. */
export type ZRange = { kind: 'fixed'; min: number; max: number } | { kind: 'auto' };

/** The original template's `set zrange [-1000:1000]`: the meaningful FMFI scale (1000 is fully fragmented). */
export const DEFAULT_Z_RANGE: ZRange = Object.freeze({ kind: 'fixed', min: -1000, max: 1000 });

/**
 * The height of a chart: a linear range (ZRange), or `split`: 0 to 1,000 on a linear scale
 * above the zero plane, and below it every negative value down to the lowest, on a log
 * scale (see SplitScale). FMFI of the small block sizes sits near −10⁶ on real machines:
 * a linear range either clips it into walls or squeezes everything else flat.
 */
export type HeightRange = ZRange | { kind: 'split' };

/** The chart's default: every value shown, every order's trend readable. */
export const DEFAULT_HEIGHT_RANGE: HeightRange = Object.freeze({ kind: 'split' });

/** Parses the chart's `--z-range`: `split`, `auto` or `MIN:MAX`. Throws OptionError. */
export function parseHeightRange(text: string): HeightRange {
  if (text.trim().toLowerCase() === 'split') return { kind: 'split' };
  try {
    return parseZRange(text);
  } catch (e) {
    // The shape message names what the chart takes.
    if (e instanceof OptionError && e.code === 'Z_RANGE_SHAPE') throw optionError('HEIGHT_RANGE_SHAPE', text);
    throw e;
  }
}

/** Formats a HeightRange the way `--z-range` takes it. */
export function formatHeightRange(range: HeightRange): string {
  return range.kind === 'split' ? 'split' : formatZRange(range);
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

/** Parses `--z-range`: `MIN:MAX` (integers or decimals, negatives allowed, MIN < MAX) or `auto`. Throws OptionError. */
export function parseZRange(text: string): ZRange {
  const value = text.trim();
  if (value.toLowerCase() === 'auto') return { kind: 'auto' };
  // Split at the colon that follows a number, so "-1000:-10" splits in the right place.
  const m = /^([^:]+):([^:]+)$/.exec(value);
  if (m === null || !NUMBER.test(m[1]!.trim()) || !NUMBER.test(m[2]!.trim())) throw optionError('Z_RANGE_SHAPE', text);
  const min = Number(m[1]);
  const max = Number(m[2]);
  if (!Number.isFinite(min) || !Number.isFinite(max)) throw optionError('Z_RANGE_FINITE', text);
  if (!(min < max)) throw optionError('Z_RANGE_ORDER', text);
  return { kind: 'fixed', min, max };
}

/** Formats a ZRange the way `--z-range` takes it (for messages and up-to-date checks). */
export function formatZRange(range: ZRange): string {
  return range.kind === 'auto' ? 'auto' : `${range.min}:${range.max}`;
}

/** The limits of the height axis, the same for every panel. */
export interface HeightLimits {
  readonly min: number;
  readonly max: number;
  /** True when the limits come from the data (`auto`): nothing is clipped. */
  readonly auto: boolean;
}

/** Every drawn value (the worst of each bin), over all domains and orders. */
function* drawnValues(bins: TimeBins): Generator<number> {
  for (const bin of bins.bins) for (const byOrder of bin.cells) for (const cell of byOrder) if (cell !== null) yield cell.worst;
}

/** The lowest and highest value a bar shows (each bin's worst), over every domain and order. */
export function dataExtent(bins: TimeBins): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of drawnValues(bins)) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : null;
}

/**
 * The limits of the height axis. `auto` spans exactly the data and zero (bars stand on
 * zero): rounding out to whole ticks would add 500,000 of empty height above a maximum
 * of 1,000 when 4K rows reach −3,000,000.
 */
export function heightLimits(range: ZRange, bins: TimeBins): HeightLimits {
  if (range.kind === 'fixed') return { min: range.min, max: range.max, auto: false };
  const [lo, hi] = dataExtent(bins) ?? [0, 0];
  const min = Math.min(0, lo);
  const max = Math.max(0, hi);
  return { min, max: min === max ? min + 1 : max, auto: true };
}

/** 1, 2 or 5 times a power of ten: the step of at most `count` ticks over `span`. */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

/** Tick values at a nice step, about `count` of them, from the first multiple of the step at or above `min`. */
export function heightTicks(limits: Pick<HeightLimits, 'min' | 'max'>, count: number): number[] {
  const step = niceStep(limits.max - limits.min, count);
  const ticks: number[] = [];
  for (let v = Math.ceil(limits.min / step) * step; v <= limits.max + step * 1e-9; v += step) {
    // Rounding keeps 0.1 + 0.2-style sums from printing as 0.30000000000000004.
    ticks.push(Number(v.toPrecision(12)));
  }
  return ticks;
}

/** Ticks labelled in SI units (`−3M`) from this magnitude on: plain digits would not fit the axis. */
export const SI_FROM = 100_000;

export interface Clipping {
  readonly above: number;
  readonly below: number;
  /** Every bar drawn (bins × orders × domains with a value). */
  readonly bars: number;
}

/** How many drawn values (bars) the limits cut: each is drawn at the limit instead. */
export function countClipped(bins: TimeBins, limits: Pick<HeightLimits, 'min' | 'max'>): Clipping {
  let below = 0;
  let above = 0;
  let bars = 0;
  for (const v of drawnValues(bins)) {
    bars++;
    if (v < limits.min) below++;
    else if (v > limits.max) above++;
  }
  return { below, above, bars };
}

/**
 * The split height scale: where a value stands, as a share of the height from the bottom (0)
 * to the top (1). From 0 to UPPER it is linear and takes the top UPPER_SHARE; below 0 the
 * depth is log10(1 + |v|/1000), down to the lowest value, in the rest. For FMFI that depth
 * is log10(A / 2^order) (A the average free block in pages): how many times over the
 * average free block holds a block of that size, so each decade down is ten times more room.
 */
export interface SplitScale {
  readonly kind: 'split';
  /** The lowest value shown, at the bottom (at most −1,000, so the band always has its first tick). */
  readonly min: number;
  /** The top: 1,000, fully fragmented. */
  readonly max: number;
}

/** The value at the top of the linear part: FMFI's worst. */
export const SPLIT_UPPER = 1000;
/** The share of the height above the zero plane: the fragmented orders, which matter most, get most of it. */
export const UPPER_SHARE = 0.6;

/** The lowest value of any bin: its best sample, which the chart shows below the plane too. */
export function lowestValue(bins: TimeBins): number | null {
  let lo = Infinity;
  for (const bin of bins.bins) for (const byOrder of bin.cells) for (const cell of byOrder) if (cell !== null && cell.best < lo) lo = cell.best;
  return lo === Infinity ? null : lo;
}

/** The split scale for these bins: down to their lowest value. */
export function splitScale(bins: TimeBins): SplitScale {
  return { kind: 'split', min: Math.min(-SPLIT_UPPER, lowestValue(bins) ?? 0), max: SPLIT_UPPER };
}

/** Depth below the zero plane in decades: log10(1 + |v|/1000). */
function depth(v: number): number {
  return Math.log10(1 + -v / SPLIT_UPPER);
}

/** Where `v` stands on the split scale, from 0 (bottom) to 1 (top); held to the scale's ends. */
export function splitPosition(scale: SplitScale, v: number): number {
  const plane = 1 - UPPER_SHARE;
  if (v >= 0) return plane + UPPER_SHARE * Math.min(1, v / scale.max);
  return plane * (1 - Math.min(1, depth(v) / depth(scale.min)));
}

/**
 * Ticks of the split scale: 0 to 1,000 at a nice step (about `upperCount` of them), then
 * −1,000, −10,000, −100,000 … down to the lowest value, every other decade when they
 * would stand closer than `minGapShare` of the height.
 */
export function splitTicks(scale: SplitScale, upperCount: number, minGapShare: number): number[] {
  const upper = heightTicks({ min: 0, max: scale.max }, upperCount);
  const gap = (a: number, b: number): number => splitPosition(scale, a) - splitPosition(scale, b);
  // Decades far enough below the plane's label, then every n-th of them where they crowd.
  const decades: number[] = [];
  for (let v = -SPLIT_UPPER; v >= scale.min; v *= 10) if (gap(0, v) >= minGapShare) decades.push(v);
  let every = 1;
  while (decades.length > every && gap(decades[0]!, decades[every]!) < minGapShare) every++;
  const lower = decades.filter((_, i) => i % every === 0);
  return [...lower.reverse(), ...upper];
}

/** FMFI as people write it: the minus sign of typography, thousands grouped (`−1,000,000`, never `−1M`, which reads as a block size). */
export function formatHeight(v: number): string {
  const digits = (n: number): string => {
    const [whole, fraction] = String(Number(Math.abs(n).toPrecision(12))).split('.');
    return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction === undefined ? '' : `.${fraction}`}`;
  };
  return v < 0 ? `−${digits(v)}` : digits(v);
}
