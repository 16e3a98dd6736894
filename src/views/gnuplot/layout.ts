// Where things go on the picture: the title lines, one panel per NUMA domain, the note.
//
//   +--------------------------------------------+
//   |                 title                      |  HEADER
//   |                subtitle                    |
//   | domain 0                                   |
//   |   [3D panel]                               |  one panel per domain,
//   | domain 1                                   |  stacked, same scales
//   |   [3D panel]                               |
//   | note (values drawn at the limit)           |  FOOTER
//   +--------------------------------------------+
//
// gnuplot places things in screen fractions (0…1, y upwards); this works in pixels
// and converts, so the title keeps its size whatever the height.

export interface Point {
  /** Screen fractions, y from the bottom, as gnuplot's `at screen x,y`. */
  readonly x: number;
  readonly y: number;
}

export interface Panel {
  /** `set origin` and `set size` of the panel, in screen fractions. */
  readonly origin: Point;
  readonly size: { readonly w: number; readonly h: number };
  /** Where its `domain N` label starts. */
  readonly label: Point;
}

export interface Layout {
  /** The picture's width in pixels. */
  readonly width: number;
  readonly title: Point;
  readonly subtitle: Point;
  readonly note: Point;
  readonly panels: readonly Panel[];
  /** About how many pixels the time axis takes: the most bins worth drawing, and room for tick labels. */
  readonly timeAxisPixels: number;
  /** About how many pixels (across) the depth axis takes: room for block size labels. */
  readonly depthAxisPixels: number;
  /** About how many pixels the FMFI axis of a panel is tall: room for its tick labels. */
  readonly zAxisPixels: number;
  /** `set view`'s scale: larger where a wide panel leaves room for the axis labels around the box. */
  readonly viewScale: number;
}

const HEADER_PX = 62;
const FOOTER_PX = 22;
const TITLE_PX = 24;
const SUBTITLE_PX = 46;
const LABEL_INSET_PX = 14;
/** Panels narrower than this (width to height) are drawn at view scale 1: at 1.1 their axis labels fall off the sides. */
const WIDE_PANEL = 1.6;
/** The shares of a panel's width the projected time and depth axes take at our `set view` (measured). */
const TIME_AXIS_SHARE = 0.48;
const DEPTH_AXIS_SHARE = 0.36;
/** The share of a panel's height the FMFI axis takes (measured). */
const Z_AXIS_SHARE = 0.47;

/** About how many pixels the time axis of a picture this wide takes. */
export function timeAxisPixels(width: number): number {
  return Math.round(width * TIME_AXIS_SHARE);
}

function round(n: number): number {
  return Math.round(n * 10000) / 10000;
}

/** The whole picture's height when `height` is that of a picture with one panel: header, panels, footer. */
export function pictureHeight(height: number, panels: number): number {
  return HEADER_PX + Math.max(1, panels) * (height - HEADER_PX - FOOTER_PX) + FOOTER_PX;
}

/** Places everything on a picture `width` × `height` (the whole picture) with `panels` panels. */
export function layout(width: number, height: number, panels: number): Layout {
  const at = (xPx: number, yFromTopPx: number): Point => ({ x: round(xPx / width), y: round(1 - yFromTopPx / height) });
  const count = Math.max(1, panels);
  const panelPx = (height - HEADER_PX - FOOTER_PX) / count;
  const list: Panel[] = Array.from({ length: count }, (_, i) => {
    const topPx = HEADER_PX + i * panelPx;
    return {
      origin: at(0, topPx + panelPx),
      size: { w: 1, h: round(panelPx / height) },
      label: at(LABEL_INSET_PX, topPx + LABEL_INSET_PX),
    };
  });
  return {
    width,
    title: at(width / 2, TITLE_PX),
    subtitle: at(width / 2, SUBTITLE_PX),
    note: at(LABEL_INSET_PX, height - FOOTER_PX / 2),
    panels: list,
    timeAxisPixels: timeAxisPixels(width),
    depthAxisPixels: Math.round(width * DEPTH_AXIS_SHARE),
    zAxisPixels: Math.round(panelPx * Z_AXIS_SHARE),
    viewScale: width / panelPx >= WIDE_PANEL ? 1.1 : 1,
  };
}

/** Average advance of a character per point of font size, as pngcairo draws DejaVu Sans (wider than SVG text). */
const CHAR_EM = 0.75;

/** The preferred font size, or a smaller one so that a one-line text fits the width. */
export function fittingFontSize(text: string, preferred: number, width: number): number {
  const room = width - 2 * LABEL_INSET_PX;
  const fits = room / Math.max(1, [...text].length * CHAR_EM);
  return Math.max(6, Math.min(preferred, Math.floor(fits)));
}
