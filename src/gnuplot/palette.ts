// One colour per order, from the colour-blind-safe sequential viridis scheme.

type Rgb = readonly [number, number, number];

/** viridis at 0, 0.1, …, 1 (matplotlib's table). */
const VIRIDIS: readonly Rgb[] = [
  [0x44, 0x01, 0x54], [0x48, 0x24, 0x75], [0x41, 0x44, 0x87], [0x35, 0x5f, 0x8d],
  [0x2a, 0x78, 0x8e], [0x21, 0x91, 0x8c], [0x22, 0xa8, 0x84], [0x44, 0xbf, 0x70],
  [0x7a, 0xd1, 0x51], [0xbd, 0xdf, 0x26], [0xfd, 0xe7, 0x25],
];

/** The lightest end of viridis is nearly invisible on white: stop short of it. */
const LIGHTEST = 0.9;

function hex([r, g, b]: Rgb): string {
  const two = (v: number): string => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0');
  return `#${two(r)}${two(g)}${two(b)}`;
}

function viridis(t: number): Rgb {
  const x = Math.min(1, Math.max(0, t)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const f = x - i;
  const a = VIRIDIS[i]!;
  const b = VIRIDIS[i + 1]!;
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
}

export interface WallColours {
  /** The wall's fill. */
  readonly fill: string;
  /** Its top edge, darker, so neighbouring walls of similar colour stay apart. */
  readonly edge: string;
}

/** Colours for `count` orders, index 0 (the smallest block) first. */
export function wallColours(count: number): WallColours[] {
  return Array.from({ length: count }, (_, i) => {
    const rgb = viridis(count === 1 ? 0.5 : (i / (count - 1)) * LIGHTEST);
    return { fill: hex(rgb), edge: hex([rgb[0] * 0.55, rgb[1] * 0.55, rgb[2] * 0.55]) };
  });
}
