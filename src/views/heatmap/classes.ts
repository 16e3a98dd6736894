// The heatmap's colours: FMFI in classes, diverging at 0, red for fragmented and blue for easy to allocate.
import { formatHeight } from '../../summary/height.js';

/** A class of values and its colour; `below` and `from` bound it (null: open). */
export interface ColourClass {
  readonly label: string;
  readonly colour: string;
}

/**
 * ColorBrewer's RdBu (Cynthia Brewer, colour-blind safe), one colour per class: 0 to 1,000
 * in steps of 250 and 1,000 itself (fully fragmented) in reds; below 0 a class per decade,
 * as on the chart's log scale, in blues. The pale ends meet at 0.
 */
const POSITIVE = [
  { from: 0, label: '0 to 250', colour: '#fddbc7' },
  { from: 250, label: '250 to 500', colour: '#f4a582' },
  { from: 500, label: '500 to 750', colour: '#d6604d' },
  { from: 750, label: '750 to 1,000', colour: '#b2182b' },
  { from: 1000, label: '1,000: fully fragmented', colour: '#67001f' },
] as const;
const NEGATIVE_COLOURS = ['#d1e5f0', '#92c5de', '#4393c3', '#2166ac', '#053061'] as const;

/** Class index of a value: 0 … 4 for 0 and above, −1 … −5 below 0 (−1: down to −1,000, −2: to −10,000 …). */
export function classOf(v: number): number {
  if (v >= 0) {
    let i = 0;
    while (i + 1 < POSITIVE.length && v >= POSITIVE[i + 1]!.from) i++;
    return i;
  }
  // −1,000 and above is the first decade: |v| ≤ 1,000 · 10^(n−1).
  let n = 1;
  while (n < NEGATIVE_COLOURS.length && -v > 1000 * 10 ** (n - 1)) n++;
  return -n;
}

/** The class of index `i` (as classOf gives it). */
export function colourClass(i: number): ColourClass {
  if (i >= 0) return POSITIVE[i]!;
  const n = -i;
  const last = n === NEGATIVE_COLOURS.length;
  const upper = n === 1 ? 0 : -1000 * 10 ** (n - 2);
  const label = last ? `below ${formatHeight(upper)}` : `${formatHeight(upper)} to ${formatHeight(-1000 * 10 ** (n - 1))}`;
  return { label, colour: NEGATIVE_COLOURS[n - 1]! };
}

/** The classes a legend lists, top (fully fragmented) to bottom: every positive one, and the negative ones down to `lowest`. */
export function legendClasses(lowest: number): number[] {
  const deepest = Math.min(-1, classOf(Math.min(-1, lowest)));
  const classes: number[] = [];
  for (let i = POSITIVE.length - 1; i >= deepest; i--) classes.push(i);
  return classes;
}
