// Heatmap options: the picture size, with the chart's defaults and limits.
import type { IndexName } from '../../indices.js';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH } from '../../summary/picture.js';

export interface HeatmapOptions {
  /** Picture width in pixels. */
  readonly width: number;
  /** Picture height in pixels with one NUMA domain; each further domain adds a panel. */
  readonly height: number;
  /** What the colour shows (default FMFI); only the words change here, the values are chosen before binning. */
  readonly index?: IndexName;
  /** Title the panel with its domain even when it is the only one: the one asked for (`--domain N`). */
  readonly nameDomain?: boolean;
}

export const DEFAULT_HEATMAP_OPTIONS: Readonly<HeatmapOptions> = Object.freeze({ width: DEFAULT_WIDTH, height: DEFAULT_HEIGHT });
