// What a generated gnuplot script can be asked for: terminal, size, height range; checked and defaulted once.
// The height range means the same for the script as for our chart: one parser, one default.
import { DEFAULT_Z_RANGE, type ZRange } from '../chart/options.js';

export { DEFAULT_Z_RANGE, parseZRange, type ZRange } from '../chart/options.js';

/** gnuplot terminals the script can select, and how each one measures its size. */
export const Terminal = {
  svg: 'px',
  pngcairo: 'px',
  png: 'px',
  jpeg: 'px',
  gif: 'px',
  canvas: 'px',
  pdfcairo: 'in',
  epscairo: 'in',
} as const;
export type Terminal = keyof typeof Terminal;
export function isTerminal(s: string): s is Terminal {
  return Object.hasOwn(Terminal, s);
}


/** The size of our SVG chart, so both pictures of a log have the same shape. */
export const DEFAULT_WIDTH = 1200;
export const DEFAULT_HEIGHT = 700;
/** gnuplot draws nothing sensible below this. */
export const MIN_SIZE = 200;
export const MAX_SIZE = 20_000;

export interface GnuplotOptions {
  readonly terminal: Terminal;
  /** Picture size in pixels (inch terminals get 100 pixels to the inch). */
  readonly width: number;
  /**
   * The picture's height with one NUMA domain; each further domain adds a panel as tall
   * below (as our chart does), so four domains are not squeezed into one picture's height.
   */
  readonly height: number;
  readonly zRange: ZRange;
}

export const DEFAULT_OPTIONS: GnuplotOptions = {
  terminal: 'svg',
  width: DEFAULT_WIDTH,
  height: DEFAULT_HEIGHT,
  zRange: DEFAULT_Z_RANGE,
};

/** Thrown for an option value that cannot be used; the CLI turns it into a usage error. */
export class GnuplotOptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GnuplotOptionError';
  }
}

export function parseTerminal(value: string): Terminal {
  if (isTerminal(value)) return value;
  throw new GnuplotOptionError(
    `expected a gnuplot terminal, one of ${Object.keys(Terminal).join(', ')}; got "${value}".`,
  );
}

export function parseSize(value: string): number {
  const n = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!(n >= MIN_SIZE && n <= MAX_SIZE)) {
    throw new GnuplotOptionError(`expected a size in pixels from ${MIN_SIZE} to ${MAX_SIZE}, got "${value}".`);
  }
  return n;
}
