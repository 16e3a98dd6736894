// The chart's height axis: a linear range or the split scale (summary/height.ts), its ticks and labels, and value → pixel.
import type { TimeBins } from '../../summary/bins.js';
import { formatHeight, heightLimits, heightTicks, lowestValue, splitPosition, splitScale, splitTicks, UPPER_SHARE, type HeightRange } from '../../summary/height.js';

export interface HeightScale {
  /** `linear`: a range of FMFI; `split`: 0 to 1,000 linear above the plane, a log scale below. */
  readonly kind: 'linear' | 'split';
  readonly min: number;
  readonly max: number;
  /** Where bars start: 0, or the nearer limit when 0 is outside the range. */
  readonly base: number;
  /** Tick values, ascending. */
  readonly ticks: number[];
  /** Their labels, as people write FMFI (`−1,000,000`). */
  readonly labels: string[];
  /** True when nothing is clipped below: the range reaches the data (`auto`, `split`). */
  readonly auto: boolean;
  /** Where a value stands, from 0 (the bottom of the range) to 1 (its top); held to the range. */
  position(value: number): number;
}

/** Ticks stand at least this many pixels apart (one per 40 px on a linear range). */
const TICK_PX = 40;
/** The log band's decades stand at least this far apart: a label's height and some air. */
const DECADE_PX = 16;

/** `pixels` is the height of the range on screen: it decides how many ticks fit. */
export function heightScale(range: HeightRange, bins: TimeBins, pixels: number): HeightScale {
  if (range.kind === 'split') {
    const split = splitScale(bins);
    const ticks = splitTicks(split, Math.max(2, Math.floor((pixels * UPPER_SHARE) / TICK_PX)), DECADE_PX / Math.max(1, pixels));
    return { kind: 'split', min: split.min, max: split.max, base: 0, ticks, labels: ticks.map(formatHeight), auto: true, position: (v) => splitPosition(split, v) };
  }
  const limits = heightLimits(range, bins);
  // `auto` reaches the lowest sample of any bin, which the chart shows below the plane.
  const { max, auto } = limits;
  const min = auto ? Math.min(limits.min, lowestValue(bins) ?? 0) : limits.min;
  const ticks = heightTicks({ min, max }, Math.max(2, Math.floor(pixels / TICK_PX)));
  const position = (value: number): number => (Math.min(max, Math.max(min, value)) - min) / (max - min);
  return { kind: 'linear', min, max, base: Math.min(max, Math.max(min, 0)), ticks, labels: ticks.map(formatHeight), auto, position };
}

/** Pixel y of a value in the front face: 0 at the top of the range, `pixels` at its bottom; clamped. */
export function heightY(scale: HeightScale, pixels: number, value: number): number {
  return (1 - scale.position(value)) * pixels;
}
