// The FMFI axis: its limits, and how many drawn values lie beyond them (drawn at the limit).
import type { TimeBins } from '../chart/bins.js';
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
 * The limits of the FMFI axis, the same for every panel. `auto` spans the data and zero
 * (walls stand on zero); a flat range is widened so gnuplot has an axis to draw.
 */
export function zLimits(bins: TimeBins, range: ZRange): ZLimits {
  if (range.kind === 'fixed') return { min: range.min, max: range.max, auto: false };
  let min = 0;
  let max = 0;
  for (const v of drawnValues(bins)) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === max) return { min: min - 1, max: max + 1, auto: true };
  return { min, max, auto: true };
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
