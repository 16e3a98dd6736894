// `--since` and `--until`: the samples of a stretch of time, compared with the log's own zone-less times.
//
// The cron job logs the machine's wall-clock time without a zone, so a bound is read the
// same way: as the clock on that machine showed it, never shifted by the zone of the
// machine that reads the log. Both bounds are inclusive; a date alone is its midnight.
import { optionError, Warn } from '../errors.js';
import type { Diagnostic, LocalTime, Sample } from '../model.js';
import { formatHuman, localTime } from '../time.js';

export interface TimeRange {
  /** Keep samples at or after this time; null: from the first. */
  readonly since: LocalTime | null;
  /** Keep samples at or before this time; null: to the last. */
  readonly until: LocalTime | null;
}

export const WHOLE_LOG: TimeRange = Object.freeze({ since: null, until: null });

/** `2024-04-08_10:05:00` (the log's own), ISO 8601 `2024-04-08T10:05:00` or with a blank, minutes or a date alone. */
const BOUND = /^(\d{4})-(\d\d)-(\d\d)(?:[_T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,3})\d*)?)?)?$/;
/** A zone at the end of an ISO 8601 time: the log's times have none to compare it with. */
const ZONE = /(?:Z|[+-]\d\d(?::?\d\d)?)$/i;

/** Parses a bound of `--since` or `--until`. Throws OptionError. */
export function parseTimeBound(text: string): LocalTime {
  const value = text.trim();
  const m = BOUND.exec(value);
  if (m === null) {
    if (/\d\d:\d\d/.test(value) && ZONE.test(value)) throw optionError('TIME_ZONED', text);
    throw optionError('TIME_SHAPE', text);
  }
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((v) => (v === undefined ? 0 : Number(v))) as [number, number, number, number, number, number];
  const t = localTime(y, mo, d, h, mi, s);
  if (t === null) throw optionError('TIME_NOT_REAL', text);
  return t + (m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0')));
}

/** Checks that a range is not empty by construction. Throws OptionError. */
export function timeRange(since: LocalTime | null, until: LocalTime | null): TimeRange {
  if (since !== null && until !== null && until < since) throw optionError('TIME_RANGE_ORDER', formatHuman(since, true), formatHuman(until, true));
  return { since, until };
}

export function isWholeLog(range: TimeRange): boolean {
  return range.since === null && range.until === null;
}

/** `between 2024-04-09 00:00:00 and … (--since, --until)`: the range in words, with the options that set it. */
export function describeRange(range: TimeRange): string {
  const { since, until } = range;
  if (since !== null && until !== null) return `between ${formatHuman(since, true)} and ${formatHuman(until, true)} (--since, --until)`;
  if (since !== null) return `at or after ${formatHuman(since, true)} (--since)`;
  if (until !== null) return `at or before ${formatHuman(until, true)} (--until)`;
  return 'in the log';
}

/**
 * Passes on the samples of one log that lie in the range, and says so when none does
 * (naming where the log's samples lie), so an empty output never comes without a word.
 */
export class TimeFilter {
  private kept = 0;
  private first: LocalTime | null = null;
  private last: LocalTime | null = null;

  constructor(
    private readonly range: TimeRange,
    private readonly file: string,
    private readonly onDiagnostic: (d: Diagnostic) => void,
  ) {}

  /** `onSample`, called only for the samples in the range. */
  wrap(onSample: (sample: Sample) => void): (sample: Sample) => void {
    const since = this.range.since ?? -Infinity;
    const until = this.range.until ?? Infinity;
    return (sample) => {
      const t = sample.time;
      if (this.first === null || t < this.first) this.first = t;
      if (this.last === null || t > this.last) this.last = t;
      if (t < since || t > until) return;
      this.kept++;
      onSample(sample);
    };
  }

  /** After the log: the warning when it has samples but none in the range. */
  finish(): void {
    if (this.kept > 0 || this.first === null || this.last === null) return;
    const message = Warn.RANGE_EMPTY(describeRange(this.range), formatHuman(this.first, true), formatHuman(this.last, true));
    this.onDiagnostic({ code: 'RANGE_EMPTY', severity: 'warning', file: this.file, line: 0, message });
  }
}
