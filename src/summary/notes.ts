// Notes every picture of a window gives under it: pauses in sampling, samples without output, domains left out; and how they wrap.
import { Warn } from '../errors.js';
import type { TimeBins } from './bins.js';
import { plural } from './caption.js';

export function gapNote(bins: TimeBins): string | null {
  return bins.bins.some((b) => b.afterGap) ? 'Gaps: no samples (machine off, cron job stopped).' : null;
}

export function withoutOutputNote(bins: TimeBins): string | null {
  const n = bins.samplesWithoutOutput;
  return n === 0 ? null : `${plural(n, 'sample')} without vm.phys_frag_idx output not shown.`;
}

/** Domains beyond the panels a picture draws (see MAX_PANELS): how many, which, and how to see one. */
export function leftOutNote(bins: TimeBins): string | null {
  const left = bins.leftOut;
  return left === undefined ? null : `${Warn.DOMAINS_LEFT_OUT(bins.domains.length, left.count, left.lowest, left.highest)}.`;
}

/** Words of `text` in lines of at most `perLine` characters (a longer word gets a line of its own). */
export function wrap(text: string, perLine: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > perLine) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

