// The chart's height axis: the shared range and ticks (summary/height.ts), their label format, and value → pixel.
import type { TimeBins } from '../../summary/bins.js';
import { heightLimits, heightTicks, SI_FROM, type ZRange } from '../../summary/height.js';

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

/** `pixels` is the height of the range on screen: it decides how many ticks fit (one per 40 px or more). */
export function heightScale(range: ZRange, bins: TimeBins, pixels: number): HeightScale {
  const { min, max, auto } = heightLimits(range, bins);
  const ticks = heightTicks({ min, max }, Math.max(2, Math.floor(pixels / 40)));
  // Large ranges (`--z-range auto` on 4K rows) in SI units: −3M, not −3000000.
  const format = Math.max(Math.abs(min), Math.abs(max)) >= SI_FROM ? '~s' : '~r';
  return { min, max, base: Math.min(max, Math.max(min, 0)), ticks, format, auto };
}

/** Pixel y of a value in the front face: 0 at the top of the range, `pixels` at its bottom; clamped. */
export function heightY(scale: HeightScale, pixels: number, value: number): number {
  const v = Math.min(scale.max, Math.max(scale.min, value));
  return ((scale.max - v) / (scale.max - scale.min)) * pixels;
}
