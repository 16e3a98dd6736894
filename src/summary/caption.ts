// The words around a chart, shared by the SVG and the gnuplot script so both say the same.
import { basename } from 'node:path';
import type { LocalTime } from '../model.js';
import { formatHuman, formatSpan } from '../time.js';
import type { TimeBins } from './bins.js';

/** Durations are formatted once, for every output (the parser's messages too). */
export { formatSpan };

export interface Caption {
  /** The log's file name, as the original template titled it. */
  readonly title: string;
  /** Boot time, time span and sample count. */
  readonly subtitle: string;
  /** What reading the log met, for the chart's notes (see reading.ts): warnings, the time range kept. */
  readonly notes?: readonly string[];
}

/**
 * `100,000`: thousands separated as en-US does, without asking ICU (its first use
 * costs more than the rest of the caption, on every run).
 */
export function formatCount(n: number): string {
  const digits = String(Math.trunc(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${digits}` : digits;
}

/** `1 sample`, `2,000 samples`. */
export function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** Title and subtitle of the chart of one log. `source` is the path as given (`-` for stdin). */
export function chartCaption(source: string, bootTime: LocalTime | null, bins: TimeBins): Caption {
  const title = source === '-' ? 'standard input' : basename(source);
  const parts: string[] = [bootTime === null ? 'boot time unknown' : `booted ${formatHuman(bootTime)}`];
  if (bins.first !== null && bins.first === bins.last) {
    // One instant, not a span of 0 s.
    parts.push(`at ${formatHuman(bins.first, true)} only`);
  } else if (bins.first !== null && bins.last !== null) {
    parts.push(`${formatHuman(bins.first)} – ${formatHuman(bins.last)} (${formatSpan(bins.last - bins.first)})`);
  }
  parts.push(plural(bins.samples, 'sample'));
  // Parts with labels are Linux nodes and zones, not NUMA domains.
  const all = bins.domains.length + (bins.leftOut?.count ?? 0);
  const drawn = bins.leftOut === undefined ? '' : ` (${formatCount(bins.domains.length)} drawn)`;
  if (all > 1) parts.push(`${plural(all, bins.labels === undefined ? 'NUMA domain' : 'zone')}${drawn}`);
  return { title, subtitle: parts.join(' · ') };
}
