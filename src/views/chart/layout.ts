// Where everything goes on the picture: margins, panels, and the oblique projection of each order's row.
//
//        back-left ┌──────────────── time ────────────────┐ back row (highest order)
//                 /                                      /
//   front face  ┌──────────────── time ────────────────┐ / depth: each order shifted
//   (order 0)   │                                      │/  right by dx and up by dy
//               └──────────────────────────────────────┘
//
// All row geometry is expressed in the front face's frame: x from 0 (first bin) to
// timeWidth, y from 0 (the top of the height range) to zPx (its bottom); row k is
// the front face moved by (k·dx, −k·dy).
import { MIN_HEIGHT, MIN_WIDTH, type ChartOptions } from './options.js';

/** Title and a one-line subtitle; a longer subtitle wraps and adds SUBTITLE_LINE per line. */
export const HEADER = 64;
export const SUBTITLE_LINE = 18;
/** Room for the notes under the last panel: two lines, more when they need it. */
export const NOTE_LINE = 18;
const FOOTER_LINES = 2;
const FOOTER_PAD = 10;
/** Height-axis labels (`−1,000,000`) and title. */
export const MARGIN_LEFT = 104;
/** Block-size labels along the right edge of the floor. */
export const MARGIN_RIGHT = 100;
/** Above the back wall: the panel's `domain N` label. */
export const PANEL_TOP = 28;
/** Under the front face: two rows of time labels. */
export const PANEL_BOTTOM = 44;
/**
 * Up to this many panels each get the height of a one-domain chart; more share that
 * height (eight panels are half as tall each), so a PNG of many domains stays within the
 * memory a render may take (test/e2e/memory.test.ts).
 */
export const FULL_HEIGHT_PANELS = 4;
/** How far the back row sits from the front one, as fractions of the plot: enough to see every row. */
const DEPTH_X_FRACTION = 0.14;
const DEPTH_Y_FRACTION = 0.42;

export const FONT_SIZE = { title: 18, subtitle: 13, panel: 13, label: 11, axisTitle: 11, note: 12 } as const;

/** From the back corner of the floor up to the baseline of the block sizes' title, which stands there. */
export const DEPTH_TITLE_RISE = 14;

export interface Layout {
  /** The whole picture. */
  readonly width: number;
  /** The header, the panels, then the notes: taller than asked with several domains or many notes. */
  readonly height: number;
  /** Title and subtitle; the panels start below. */
  readonly header: number;
  readonly panels: number;
  /** Height of one panel (one NUMA domain); panel i starts at header + i·panelHeight. */
  readonly panelHeight: number;
  /** The front face inside a panel: its top-left corner and size. */
  readonly frontX: number;
  readonly frontY: number;
  readonly timeWidth: number;
  readonly zPx: number;
  /** Total shift from the front row to the back row. */
  readonly depthX: number;
  readonly depthY: number;
  /** Shift between neighbouring rows. */
  readonly dx: number;
  readonly dy: number;
  /** Top of the notes. */
  readonly footerY: number;
}

function clampSize(options: ChartOptions): { width: number; height: number } {
  return { width: Math.max(MIN_WIDTH, Math.round(options.width)), height: Math.max(MIN_HEIGHT, Math.round(options.height)) };
}

/** The width of the time axis in pixels: the same for every panel and every number of orders. */
function timeWidthFor(width: number): number {
  const plotWidth = width - MARGIN_LEFT - MARGIN_RIGHT;
  return plotWidth - Math.round(plotWidth * DEPTH_X_FRACTION);
}

function footerHeight(lines: number): number {
  return FOOTER_PAD + NOTE_LINE * Math.max(FOOTER_LINES, lines);
}

/** Lines of text whose count changes the picture's height, not its geometry. */
export interface TextLines {
  readonly subtitle: number;
  readonly notes: number;
}

export function chartLayout(options: ChartOptions, panels: number, orders: number, lines: TextLines = { subtitle: 1, notes: 0 }): Layout {
  const { width, height } = clampSize(options);
  const plotWidth = width - MARGIN_LEFT - MARGIN_RIGHT;
  const timeWidth = timeWidthFor(width);
  const depthX = plotWidth - timeWidth;
  const n = Math.max(1, panels);
  const fullPanel = height - HEADER - footerHeight(0);
  const panelHeight = n <= FULL_HEIGHT_PANELS ? fullPanel : Math.round((fullPanel * FULL_HEIGHT_PANELS) / n);
  const plotHeight = panelHeight - PANEL_TOP - PANEL_BOTTOM;
  const depthY = Math.round(plotHeight * DEPTH_Y_FRACTION);
  const zPx = plotHeight - depthY;
  const steps = Math.max(1, orders - 1);
  const header = HEADER + SUBTITLE_LINE * Math.max(0, lines.subtitle - 1);
  return {
    width,
    height: header + n * panelHeight + footerHeight(lines.notes),
    header,
    panels: n,
    panelHeight,
    frontX: MARGIN_LEFT,
    frontY: PANEL_TOP + depthY,
    timeWidth,
    zPx,
    depthX,
    depthY,
    dx: depthX / steps,
    dy: depthY / steps,
    footerY: header + n * panelHeight + FOOTER_PAD / 2,
  };
}

/**
 * How many time bins the chart can show: one per pixel column of the time axis.
 * Panels are stacked one under the other, so every panel has the full width and
 * the panel count does not change the answer; it is taken so callers need not know that.
 */
export function maxBinsFor(options: ChartOptions, _panels = 1): number {
  return timeWidthFor(clampSize(options).width);
}
