// What a generated gnuplot script can be asked for: terminal, size, height range; checked and defaulted once.

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

/** Where the FMFI axis stops: fixed limits (values beyond are drawn at the limit), or the data's full range. */
export type ZRange = { readonly kind: 'fixed'; readonly min: number; readonly max: number } | { readonly kind: 'auto' };

/** The original template's `set zrange [-1000:1000]`, and our chart's default. */
export const DEFAULT_Z_RANGE = { kind: 'fixed', min: -1000, max: 1000 } as const satisfies ZRange;

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

const NUMBER = '-?\\d{1,9}(?:\\.\\d{1,6})?';
const Z_RANGE = new RegExp(`^(${NUMBER}):(${NUMBER})$`);

/** `MIN:MAX` (for example `-1000:1000` or `-5000:1000`), or `auto` for the full range of the data. */
export function parseZRange(value: string): ZRange {
  if (value === 'auto') return { kind: 'auto' };
  const m = Z_RANGE.exec(value);
  const min = Number(m?.[1]);
  const max = Number(m?.[2]);
  if (m === null || !(min < max)) {
    throw new GnuplotOptionError(`expected MIN:MAX with MIN below MAX (such as -1000:1000), or auto; got "${value}".`);
  }
  return { kind: 'fixed', min, max };
}
