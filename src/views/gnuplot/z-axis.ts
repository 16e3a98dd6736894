// The FMFI axis: its limits, and how many drawn values lie beyond them (drawn at the limit).
import type { TimeBins } from '../../summary/bins.js';
import { niceStep } from '../chart/height-scale.js';
import type { ZRange } from './options.js';

export interface ZLimits {
  readonly min: number;
  readonly max: number;
  /** True when the limits come from the data (`auto`): nothing is clamped. */
  readonly auto: boolean;
}

/** Every drawn value (the worst of each bin), over all domains and orders. */
function* drawnValues(bins: TimeBins): Generator<number> {
  for (const bin of bins.bins) for (const byOrder of bin.cells) for (const cell of byOrder) if (cell !== null) yield cell.worst;
}


/**
 * The limits of the FMFI axis, the same for every panel. `auto` spans exactly the data
 * and zero (walls stand on zero), as our chart does: rounding out to whole ticks would
 * add 500,000 of empty height above a maximum of 1,000 when 4K rows reach -3,000,000.
 */
export function zLimits(bins: TimeBins, range: ZRange): ZLimits {
  if (range.kind === 'fixed') return { min: range.min, max: range.max, auto: false };
  let min = 0;
  let max = 0;
  for (const v of drawnValues(bins)) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max: min === max ? min + 1 : max, auto: true };
}

/** `-1.4M`, `-200k`, `500`: short enough for the axis when the range runs into the millions. */
function tickLabel(v: number, si: boolean): string {
  const short = (x: number): string => String(Number(x.toPrecision(3)));
  if (si && Math.abs(v) >= 1e6) return `${short(v / 1e6)}M`;
  if (si && Math.abs(v) >= 1e3) return `${short(v / 1e3)}k`;
  return String(Number(v.toPrecision(12)));
}

export interface ZTic {
  readonly value: number;
  readonly label: string;
}

/** At most about `count` ticks at a nice step; SI labels when the range reaches 100,000. */
export function zTics(limits: ZLimits, count: number): ZTic[] {
  const step = niceStep(limits.max - limits.min, count);
  const si = Math.max(Math.abs(limits.min), Math.abs(limits.max)) >= 100_000;
  const tics: ZTic[] = [];
  for (let v = Math.ceil(limits.min / step) * step; v <= limits.max + step * 1e-9; v += step) {
    const value = Number(v.toPrecision(12));
    tics.push({ value, label: tickLabel(value, si) });
  }
  return tics;
}

export interface Beyond {
  readonly below: number;
  readonly above: number;
  /** All drawn values, for the note's "of N". */
  readonly total: number;
}

/** How many drawn values the limits cut (each is drawn at the limit instead). */
export function countBeyond(bins: TimeBins, limits: ZLimits): Beyond {
  let below = 0;
  let above = 0;
  let total = 0;
  for (const v of drawnValues(bins)) {
    total++;
    if (v < limits.min) below++;
    else if (v > limits.max) above++;
  }
  return { below, above, total };
}
