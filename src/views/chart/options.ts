// Chart options: the picture size and the height range, with their defaults and limits.
import { DEFAULT_HEIGHT, DEFAULT_WIDTH } from '../../summary/picture.js';
export { MAX_HEIGHT, MAX_WIDTH } from '../../summary/picture.js';
import { DEFAULT_HEIGHT_RANGE, type HeightRange } from '../../summary/height.js';
import type { IndexName } from '../../indices.js';

export interface ChartOptions {
  /** Picture width in pixels. */
  width: number;
  /** Picture height in pixels with one NUMA domain; each further domain adds a panel of the same height below. */
  height: number;
  /** The height: the split scale (default), a linear MIN:MAX (the original template's -1000:1000), or auto. */
  zRange: HeightRange;
  /** What the height shows (default FMFI); only its axis title changes here, the values are chosen before binning. */
  index?: IndexName;
  /** Title the panel with its domain even when it is the only one: the one asked for (`--domain N`). */
  nameDomain?: boolean;
}

export const DEFAULT_CHART_OPTIONS: Readonly<ChartOptions> = Object.freeze({
  width: DEFAULT_WIDTH,
  height: DEFAULT_HEIGHT,
  zRange: DEFAULT_HEIGHT_RANGE,
});

/** Smaller pictures cannot hold the axes and notes legibly. */
export const MIN_WIDTH = 480;
export const MIN_HEIGHT = 320;
