// What a generated gnuplot script can be asked for: terminal, size, height range; checked and defaulted once.
// The height range and the default size mean the same for the script as for our chart (summary/).
import type { IndexName } from '../../indices.js';
import { optionError } from '../../errors.js';
import { DEFAULT_Z_RANGE, type ZRange } from '../../summary/height.js';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH } from '../../summary/picture.js';

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

/** gnuplot draws nothing sensible below this (the largest sizes are our chart's: summary/picture.ts). */
export const MIN_SIZE = 200;

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
  /** What the height shows (default FMFI): its axis title. */
  readonly index?: IndexName;
}

export const DEFAULT_OPTIONS: GnuplotOptions = {
  terminal: 'svg',
  width: DEFAULT_WIDTH,
  height: DEFAULT_HEIGHT,
  zRange: DEFAULT_Z_RANGE,
};

/** Throws OptionError. */
export function parseTerminal(value: string): Terminal {
  if (isTerminal(value)) return value;
  throw optionError('TERMINAL', Object.keys(Terminal), value);
}
