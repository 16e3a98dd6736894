// Notes every picture of a window gives under it: pauses in sampling, samples without output; and how they wrap.
import type { TimeBins } from './bins.js';
import { plural } from './caption.js';

export function gapNote(bins: TimeBins): string | null {
  return bins.bins.some((b) => b.afterGap) ? 'Gaps: no samples (machine off, cron job stopped).' : null;
}

export function withoutOutputNote(bins: TimeBins): string | null {
  const n = bins.samplesWithoutOutput;
  return n === 0 ? null : `${plural(n, 'sample')} without vm.phys_frag_idx output not shown.`;
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

