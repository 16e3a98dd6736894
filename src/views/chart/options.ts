// Chart options: the height range, the picture size, their defaults and their command-line parsing.
import { InvalidArgumentError } from 'commander';

/** The FMFI shown on the height axis: a fixed range (values beyond are drawn at the limit), or the data's own. */
export type ZRange = { kind: 'fixed'; min: number; max: number } | { kind: 'auto' };

export interface ChartOptions {
  /** Picture width in pixels. */
  width: number;
  /** Picture height in pixels with one NUMA domain; each further domain adds a panel of the same height below. */
  height: number;
  zRange: ZRange;
}

/** The original template's `set zrange [-1000:1000]`: the meaningful FMFI scale (1000 is fully fragmented). */
export const DEFAULT_Z_RANGE: ZRange = Object.freeze({ kind: 'fixed', min: -1000, max: 1000 });

export const DEFAULT_CHART_OPTIONS: Readonly<ChartOptions> = Object.freeze({
  width: 1200,
  height: 700,
  zRange: DEFAULT_Z_RANGE,
});

/** Smaller pictures cannot hold the axes and notes legibly. */
export const MIN_WIDTH = 480;
export const MIN_HEIGHT = 320;

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

/** Parses `--z-range`: `MIN:MAX` (integers or decimals, negatives allowed, MIN < MAX) or `auto`. */
export function parseZRange(text: string): ZRange {
  const value = text.trim();
  if (value.toLowerCase() === 'auto') return { kind: 'auto' };
  // Split at the colon that follows a number, so "-1000:-10" splits in the right place.
  const m = /^([^:]+):([^:]+)$/.exec(value);
  if (m === null || !NUMBER.test(m[1]!.trim()) || !NUMBER.test(m[2]!.trim())) {
    throw new InvalidArgumentError(`expected MIN:MAX (for example -1000:1000) or auto, got "${text}".`);
  }
  const min = Number(m[1]);
  const max = Number(m[2]);
  if (!Number.isFinite(min) || !Number.isFinite(max)) {
    throw new InvalidArgumentError(`expected finite numbers in MIN:MAX, got "${text}".`);
  }
  if (!(min < max)) throw new InvalidArgumentError(`MIN must be less than MAX, got "${text}".`);
  return { kind: 'fixed', min, max };
}

/** Formats a ZRange the way `--z-range` takes it (for messages and up-to-date checks). */
export function formatZRange(range: ZRange): string {
  return range.kind === 'auto' ? 'auto' : `${range.min}:${range.max}`;
}
