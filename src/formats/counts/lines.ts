// What the count formats share about lines: the cron job's date lines, and what to say about a line no format reads.
import { localTime } from '../../time.js';
import { display } from '../bytes.js';
import type { CountSamples } from './samples.js';

const DATE = /^(\d{4})-(\d\d)-(\d\d)_(\d\d):(\d\d):(\d\d)$/;
const DATE_INSIDE = /....-..-.._..:..:../;

/** Whether a line (blanks trimmed) has the shape of a date line, real time or not. */
export function isDateLine(trimmed: string): boolean {
  return DATE.test(trimmed);
}

/**
 * Reads a line (blanks trimmed) as the cron job's `date "+%Y-%m-%d_%H:%M:%S"`: true when it
 * was one and has been handed on (a real time starts a sample, any other a skipped block).
 */
export function dateLine(samples: CountSamples, trimmed: string, raw: string, lineNo: number): boolean {
  const m = DATE.exec(trimmed);
  if (m === null) return false;
  const time = localTime(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  if (time === null) {
    samples.badDate(display(raw), lineNo);
    return true;
  }
  if (trimmed !== raw) samples.warn(lineNo, 'DATE_PADDED', display(raw));
  samples.startSample(time, lineNo);
  return true;
}

/** A line that is nothing the format prints: said as precisely as its shape allows, and skipped. */
export function unreadLine(samples: CountSamples, title: string, raw: string, lineNo: number, complete: boolean, looksLikeRow: boolean): void {
  const text = display(raw);
  if (!complete) samples.warn(lineNo, 'LINE_CUT_OFF', text);
  else if (looksLikeRow) samples.warn(lineNo, 'COUNT_ROW_MALFORMED', title, text);
  else if (DATE_INSIDE.test(raw)) samples.warn(lineNo, 'DATE_EMBEDDED', text);
  else samples.warn(lineNo, 'STRAY_LINE', text);
}

/** A count as the kernel printed it (`%6d`, `%6lu`, maybe zero-padded), or null beyond what a double holds exactly. */
export function countValue(digits: string): number | null {
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}
