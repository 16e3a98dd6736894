// The sentences on and behind the chart: the notes under the panels and the description for screen readers.
import type { TimeBins } from '../../summary/bins.js';
import { formatCount as count, formatSpan, plural } from '../../summary/caption.js';
import { formatHeight, type Clipping } from '../../summary/height.js';
import { gapNote, leftOutNote, withoutOutputNote, wrap } from '../../summary/notes.js';
import { formatKiB } from '../../summary/sizes.js';
import type { HeightScale } from './height-scale.js';

export { gapNote, leftOutNote, withoutOutputNote, wrap };

/** FMFI as people write it: the minus sign of typography, thousands grouped (one formatter: summary/height.ts). */
export const formatFmfi = formatHeight;


/** What a bar stands for, or null when every bar is one sample. */
export function binNote(bins: TimeBins): string | null {
  if (bins.maxSamplesPerBin <= 1) return null;
  return (
    `Each bar: the worst (highest) FMFI of up to ${count(bins.maxSamplesPerBin)} samples (${formatSpan(bins.binMs)}); ` +
    'below the plane, paler, how low the best of them reached.'
  );
}

export function clipNote(clipping: Clipping, scale: HeightScale): string | null {
  const total = clipping.above + clipping.below;
  if (total === 0) return null;
  const where = [
    clipping.above > 0 ? `${count(clipping.above)} above ${formatFmfi(scale.max)}` : null,
    clipping.below > 0 ? `${count(clipping.below)} below ${formatFmfi(scale.min)}` : null,
  ].filter((s) => s !== null);
  return `${count(total)} of ${plural(clipping.bars, 'bar')} lie beyond the height range (${where.join(', ')}): drawn at the limit and marked red.`;
}

export interface NoteLine {
  readonly text: string;
  /** The line starts with the mark of clipped bars. */
  readonly swatch: boolean;
}

/**
 * DejaVu Sans averages under 0.6 em a character in prose; 0.62 keeps a line inside
 * `width` with a little to spare. (Vega's own 0.8 em guess would cut lines that fit.)
 */
const NOTE_CHAR_EM = 0.62;

function charsPerLine(width: number, fontSize: number): number {
  return Math.max(20, Math.floor(width / (fontSize * NOTE_CHAR_EM)));
}

/** Bold DejaVu Sans is wider; file names have many wide characters (`_`, digits, capitals). */
const TITLE_CHAR_EM = 0.72;

/** The title as shown: shortened in the middle when it would not fit (the SVG's `<title>` keeps it whole). */
export function fitTitle(title: string, width: number, fontSize: number): string {
  const max = Math.max(10, Math.floor(width / (fontSize * TITLE_CHAR_EM)));
  const chars = [...title];
  if (chars.length <= max) return title;
  const keep = max - 1;
  const head = Math.ceil(keep / 2);
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (keep - head)).join('')}`;
}

/** The subtitle in lines that fit `width`, broken between its parts (` · `) where it can be. */
export function subtitleLines(subtitle: string, width: number, fontSize: number): string[] {
  const perLine = charsPerLine(width, fontSize);
  const lines: string[] = [];
  let line = '';
  for (const part of subtitle.split(' · ')) {
    const joined = line === '' ? part : `${line} · ${part}`;
    if (line !== '' && joined.length > perLine) {
      lines.push(line);
      line = part;
    } else {
      line = joined;
    }
  }
  if (line !== '') lines.push(line);
  return lines.flatMap((l) => wrap(l, perLine));
}

/**
 * The notes in lines of at most `width` pixels: what the bars stand for, then what reading
 * the log met (`reading`, each on lines of its own), then the clip note after its mark.
 */
export function noteLines(
  bins: TimeBins,
  clipping: Clipping,
  scale: HeightScale,
  width: number,
  fontSize: number,
  reading: readonly string[] = [],
  heightTitle = 'FMFI',
): NoteLine[] {
  const perLine = charsPerLine(width, fontSize);
  // The notes on the bars speak of what the height shows (FMFI, or the index --index chose).
  const shown = (note: string): string => (heightTitle === 'FMFI' ? note : note.replaceAll('FMFI', heightTitle));
  const general = [shown([binNote(bins), gapNote(bins), withoutOutputNote(bins)].filter((n) => n !== null).join(' ')), leftOutNote(bins)]
    .filter((n) => n !== null && n !== '')
    .join(' ');
  const clip = clipNote(clipping, scale);
  return [
    ...wrap(general, perLine).map((text) => ({ text, swatch: false })),
    ...reading.flatMap((note) => wrap(note, perLine).map((text) => ({ text, swatch: false }))),
    ...(clip === null ? [] : wrap(shown(clip), perLine).map((text, i) => ({ text, swatch: i === 0 }))),
  ];
}

/**
 * The text alternative: what the picture shows, with each order's lowest and
 * highest FMFI per domain, so a reader who cannot see it gets its substance.
 */
export function describe(bins: TimeBins, subtitle: string, scale: HeightScale, notes: readonly string[]): string {
  const orders = bins.orders;
  const first = orders[0];
  const last = orders[orders.length - 1];
  const sizes = first !== undefined && last !== undefined ? `${formatKiB(first.sizeKiB)} to ${formatKiB(last.sizeKiB)}` : '';
  const parts = [
    `3D chart of the memory fragmentation index (FMFI) over time for ${plural(orders.length, 'block size')} (${sizes}), ` +
      `one row per block size, height from ${formatFmfi(scale.min)} to ${formatFmfi(scale.max)}; ` +
      'high is fragmented, below zero an allocation of that size is easy.',
    `${subtitle}.`,
  ];
  bins.domains.forEach((domain, d) => {
    const ranges = orders.map((o, k) => {
      let lo = Infinity;
      let hi = -Infinity;
      for (const bin of bins.bins) {
        const cell = bin.cells[d]?.[k] ?? null;
        if (cell === null) continue;
        lo = Math.min(lo, cell.best);
        hi = Math.max(hi, cell.worst);
      }
      return lo <= hi ? `${formatKiB(o.sizeKiB)} ${formatFmfi(lo)} to ${formatFmfi(hi)}` : `${formatKiB(o.sizeKiB)} no data`;
    });
    const name = bins.labels?.[d] ?? `domain ${domain}`;
    parts.push(`${bins.domains.length > 1 ? name.charAt(0).toUpperCase() + name.slice(1) : 'FMFI'}, lowest to highest per block size: ${ranges.join('; ')}.`);
  });
  parts.push(...notes.map((n) => (n.endsWith('.') ? n : `${n}.`)));
  return parts.join(' ');
}
