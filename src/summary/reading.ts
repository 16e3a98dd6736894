// What reading a log met, for the chart to carry: the warnings by kind, and the stretch of time kept.
import { WarnKind, type DiagnosticCode } from '../errors.js';
import type { Diagnostic } from '../model.js';
import { formatCount } from './caption.js';
import { describeRange, isWholeLog, type TimeRange } from './time-range.js';

/** Counts a log's warnings by kind, every one of them, shown or not. */
export class WarningTally {
  readonly byCode = new Map<DiagnosticCode, number>();
  total = 0;

  readonly add = (d: Diagnostic): void => {
    if (d.severity !== 'warning') return;
    this.total++;
    this.byCode.set(d.code, (this.byCode.get(d.code) ?? 0) + 1);
  };
}

/** The kinds named in a note; more are counted as `2 more kinds`. */
const KINDS_NAMED = 4;

/** `14 warnings: malformed FMFI row (12), clock set back (1) …`, or null without warnings. */
export function warningsNote(tally: Pick<WarningTally, 'byCode' | 'total'>): string | null {
  if (tally.total === 0) return null;
  const kinds = [...tally.byCode].sort((a, b) => b[1] - a[1] || WarnKind[a[0]].localeCompare(WarnKind[b[0]]));
  const named = kinds.slice(0, KINDS_NAMED).map(([code, n]) => `${WarnKind[code]} (${formatCount(n)})`);
  if (kinds.length > KINDS_NAMED) named.push(`${kinds.length - KINDS_NAMED} more kinds`);
  const count = tally.total === 1 ? 'a warning' : `${formatCount(tally.total)} warnings`;
  return `Reading the log gave ${count}: ${named.join(', ')}; fmfi-plot csv LOG > /dev/null lists them.`;
}

/** `Only the samples from … to … (--since, --until).`, or null for the whole log. */
export function rangeNote(range: TimeRange | undefined): string | null {
  if (range === undefined || isWholeLog(range)) return null;
  return `Only the samples ${describeRange(range)}.`;
}

/** The notes a chart gives on how its log was read. */
export function readingNotes(reading: { readonly range?: TimeRange; readonly warnings?: WarningTally }): string[] {
  return [rangeNote(reading.range), reading.warnings === undefined ? null : warningsNote(reading.warnings)].filter((n) => n !== null);
}
