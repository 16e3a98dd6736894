// Options of the comparison chart, with their defaults, and the grid the panels are laid out in.
import { optionError } from '../../errors.js';
import { DEFAULT_Z_RANGE, type ZRange } from '../../summary/height.js';
import { DEFAULT_WIDTH } from '../../summary/picture.js';

export interface CompareOptions {
  /** Picture width in pixels (the panels share it). */
  readonly width: number;
  readonly zRange: ZRange;
  /** The orders that get a panel; null: every order seen. */
  readonly orders: readonly number[] | null;
  /** The NUMA domain shown; null: every domain, one band of panels each. */
  readonly domain: number | null;
}

export const DEFAULT_COMPARE_OPTIONS: Readonly<CompareOptions> = Object.freeze({
  width: DEFAULT_WIDTH,
  zRange: DEFAULT_Z_RANGE,
  orders: null,
  domain: null,
});

/**
 * The most bands of domains a comparison draws, and panels (domains × orders) in all:
 * every panel holds a line per window, and a comparison of more takes more memory than a
 * render may (under 200 MB with a few windows). The domains left out are named, and
 * `--domain N` shows any of them.
 */
export const COMPARE_MAX_BANDS = 4;
export const COMPARE_MAX_PANELS = COMPARE_MAX_BANDS * 13;

/** Narrower panels leave too little room for a week of uptime labels. */
const MIN_PANEL_WIDTH = 200;
/** Room for the FMFI axis left of the grid and the gaps between panels (vega-lite's default spacing). */
const LEFT = 100;
const SPACING = 20;
export const PANEL_HEIGHT = 130;
export const AVERAGE_HEIGHT = 150;

export interface Grid {
  readonly columns: number;
  readonly rows: number;
  /** Plot width of one panel, and of the average-block panel above the grid. */
  readonly panelWidth: number;
  readonly gridWidth: number;
}

/**
 * As many columns as panels of at least MIN_PANEL_WIDTH fit, then balanced so the last row
 * is not a lone panel: 13 orders in 5 + 5 + 3 at 1200 pixels, 11 in 4 + 4 + 3, 17 in 5 × 3 + 2.
 */
export function gridFor(panels: number, width: number): Grid {
  const fit = Math.max(1, Math.floor((width - LEFT + SPACING) / (MIN_PANEL_WIDTH + SPACING)));
  const rows = Math.max(1, Math.ceil(panels / fit));
  const columns = Math.max(1, Math.ceil(panels / rows));
  const panelWidth = Math.floor((width - LEFT - (columns - 1) * SPACING) / columns);
  return { columns, rows, panelWidth, gridWidth: columns * panelWidth + (columns - 1) * SPACING };
}

/** Bins per window: about one per two pixel columns of a panel, the line's resolution. */
export function maxBinsFor(options: Pick<CompareOptions, 'width' | 'orders'>): number {
  return Math.max(50, Math.floor(gridFor(options.orders?.length ?? 13, options.width).panelWidth / 2));
}

/** Parses `--orders`: `0,5,9,12` (whole numbers, any order, repeats ignored), ascending. Throws OptionError. */
export function parseOrders(text: string): number[] {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.some((p) => !/^\d{1,2}$/.test(p))) throw optionError('ORDERS', text);
  return [...new Set(parts.map(Number))].sort((a, b) => a - b);
}
