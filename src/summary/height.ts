// The FMFI (height) axis every view shares: the range shown, its ticks, and how many values lie beyond it.
import { optionError } from '../errors.js';
import type { TimeBins } from './bins.js';

/** The FMFI shown on the height axis: a fixed range (values beyond are drawn at the limit), or the data's own. */
export type ZRange = { kind: 'fixed'; min: number; max: number } | { kind: 'auto' };

/** The original template's `set zrange [-1000:1000]`: the meaningful FMFI scale (1000 is fully fragmented). */
export const DEFAULT_Z_RANGE: ZRange = Object.freeze({ kind: 'fixed', min: -1000, max: 1000 });

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
