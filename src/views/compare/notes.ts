// The words of the comparison chart: title, legend labels, and the note on alignment, binning and clipping.
import { basename } from 'node:path';
import type { LocalTime } from '../../model.js';
import { formatCount, formatSpan, plural } from '../../summary/caption.js';
import type { UptimeWindow } from '../../summary/uptime.js';
import { formatHuman } from '../../time.js';

/** The legend's name of a window when none is given: its file name and boot time. */
export function defaultLabel(source: string, bootTime: LocalTime | null): string {
  const name = source === '-' ? 'standard input' : basename(source);
  return bootTime === null ? name : `${name} (booted ${formatHuman(bootTime)})`;
}

/** Where one window's uptime 0 is, and what of it is shown (after the line "Uptime 0 of each window:"). */
export function alignmentNote(w: UptimeWindow): string {
  const origin =
    w.alignment === 'bootTime'
      ? 'the boot time in its file name'
      : w.origin === null
        ? 'none (no samples)'
        : `its first sample, ${formatHuman(w.origin)} (no boot time in its file name)`;
  const parts = [`${w.label}: ${origin}`];
  const { first, last, samples } = w.bins;
  if (first !== null && last !== null) parts.push(`${plural(samples, 'sample')}, ${formatSpan(first)} to ${formatSpan(last)}`);
  if (w.beyondCut > 0) parts.push(`${plural(w.beyondCut, 'later sample')} cut off`);
  const left = w.bins.leftOut;
  if (left !== undefined) {
    const which = left.lowest === left.highest ? `domain ${left.lowest}` : `${plural(left.count, 'domain')} (${left.lowest} to ${left.highest})`;
    parts.push(`${which} left out, beyond the first ${w.bins.domains.length} (--domain N shows one)`);
  }
  return parts.join('; ');
}

export const ALIGNMENT_HEAD = 'Uptime 0 of each window:';

export interface Clipped {
  readonly below: number;
  readonly above: number;
  readonly values: number;
}

/** The note under the panels: how lines were binned, and what was drawn at the limits. */
export function binningNote(binMs: number, clipped: Clipped | null, limits: { min: number; max: number }): string[] {
  const lines = [
    `Each line: the worst (highest) FMFI of each ${formatSpan(binMs)} of uptime, the same bins for every window; ` +
      'A: the smallest average free block of each bin. A pause in sampling breaks the line.',
  ];
  if (clipped !== null && clipped.below + clipped.above > 0) {
    const parts: string[] = [];
    if (clipped.above > 0) parts.push(`${formatCount(clipped.above)} above ${limits.max}`);
    if (clipped.below > 0) parts.push(`${formatCount(clipped.below)} below ${limits.min}`);
    lines.push(
      `Of ${plural(clipped.values, 'point')}, ${parts.join(' and ')} are drawn at the limit of the FMFI axis (--z-range auto shows all).`,
    );
  }
  return lines;
}

/** How wrapNote indents the lines after the first. */
const INDENT = '    ';

/**
 * Note lines of at most `max` characters, broken at spaces (later lines indented): Vega
 * sizes the picture by its own estimate of text width, well above what DejaVu Sans takes.
 */
export function wrapNote(line: string, max: number): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > max) {
    const cut = rest.lastIndexOf(' ', max);
    // A space of the indent is no place to break: a word longer than a line stays whole.
    if (cut <= (out.length === 0 ? 0 : INDENT.length - 1)) break;
    out.push(rest.slice(0, cut));
    rest = `${INDENT}${rest.slice(cut + 1)}`;
  }
  out.push(rest);
  return out;
}
