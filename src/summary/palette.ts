// One colour per order from viridis, a colour-blind-safe sequential scheme, and the chart's other colours.

/** Viridis sampled at 0, 0.1, … 1 (matplotlib's, as in d3-scale-chromatic). */
const VIRIDIS = [
  '#440154', '#482475', '#414487', '#355f8d', '#2a788e', '#21918c',
  '#22a884', '#44bf70', '#7ad151', '#bddf26', '#fde725',
] as const;

/**
 * The pale yellow end of viridis nearly vanishes on white and in print;
 * stopping short of it keeps the back rows visible while staying ordered in lightness.
 */
const EXTENT_END = 0.9;

type Rgb = readonly [number, number, number];

function parseHex(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: Rgb): string {
  const h = (v: number) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0');
  return `#${h(r)}${h(g)}${h(b)}`;
}

/** Viridis at t in [0, 1], interpolated between the samples. */
export function viridis(t: number): string {
  const x = Math.min(1, Math.max(0, t)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const a = parseHex(VIRIDIS[i]!);
  const b = parseHex(VIRIDIS[i + 1]!);
  const f = x - i;
  return toHex([a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f]);
}

/** The same hue, darker: the outline that separates a row from the rows around it. */
export function darker(hex: string, factor = 0.62): string {
  const [r, g, b] = parseHex(hex);
  return toHex([r * factor, g * factor, b * factor]);
}

export interface OrderColours {
  readonly fill: string;
  readonly stroke: string;
}

/**
 * Colours for `count` orders: order 0 (the smallest block, the front row) lightest, the
 * largest darkest, so the front rows, often pinned far below zero, do not outweigh the
 * rows behind them.
 */
export function orderColours(count: number): OrderColours[] {
  return Array.from({ length: count }, (_, i) => {
    const fill = viridis(count === 1 ? EXTENT_END : (1 - i / (count - 1)) * EXTENT_END);
    return { fill, stroke: darker(fill) };
  });
}

/** Marks values drawn at the limit of the height range: vermilion stands out against every viridis hue. */
export const CLIP_COLOUR = '#e6194b';
export const INK = '#222222';
export const MUTED_INK = '#555555';
export const GRID = '#d9d9d9';
export const AXIS_GREY = '#888888';
export const PLANE_FILL = '#8c8c8c';

/**
 * One colour per boot window: Okabe & Ito's colour-blind-safe categorical palette (2008),
 * its yellow left out (it vanishes on white), black last. A ninth window and on reuse
 * the colours with a dashed line (see windowDashes).
 */
export const WINDOW_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'] as const;

/** The colour of window i. */
export function windowColour(i: number): string {
  return WINDOW_COLOURS[i % WINDOW_COLOURS.length]!;
}

/** The stroke dash of window i: solid for the first round of colours, then dashed, dotted, dash-dot. */
export function windowDash(i: number): number[] {
  const dashes = [[1, 0], [8, 4], [2, 3], [8, 3, 2, 3]] as const;
  return [...dashes[Math.floor(i / WINDOW_COLOURS.length) % dashes.length]!];
}
