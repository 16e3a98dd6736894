// What every format's sample state machine keeps about the log as a whole: its summary, its warnings, the rows it could not place.
import { Warn, type DiagnosticCode } from '../errors.js';
import type { LocalTime } from '../model.js';
import { formatHuman, formatLogTime, formatSpan } from '../time.js';
import { bootTimeFromName } from './boot-time.js';
import type { ReaderSink, ReadSummary } from './format.js';

/** Rows that cannot be placed: before any date line, or after a date line that is no real date. */
interface SkipBlock {
  readonly line: number;
  /** The bad date line, or null for rows before the first date line. */
  readonly dateText: string | null;
  rows: number;
}

/** A sample's time and the line of its date line. */
interface Stamp {
  readonly time: LocalTime;
  readonly line: number;
}

/** A clock set back by at most this much may be the end of daylight saving time (date prints local time). */
const DST_SHIFT_MS = 3_600_000;

export abstract class LogState {
  readonly summary: ReadSummary = { samples: 0, samplesWithData: 0, rows: 0, warnings: 0, first: null, last: null };
  private skip: SkipBlock | null = null;
  /** The log's first and latest sample, for the checks of time order. */
  private firstSample: Stamp | null = null;
  private previous: Stamp | null = null;
  /** From the file name; samples before it are said once. */
  private readonly bootTime: LocalTime | null;
  /** Which of the time-order warnings were given: each is said once per log. */
  private readonly said = new Set<DiagnosticCode>();

  protected constructor(
    protected readonly file: string,
    protected readonly sink: ReaderSink,
  ) {
    const boot = bootTimeFromName(file);
    this.bootTime = boot.kind === 'known' ? boot.time : null;
  }

  warn<K extends DiagnosticCode>(line: number, code: K, ...args: Parameters<(typeof Warn)[K]>): void {
    this.summary.warnings++;
    const message = (Warn[code] as (...a: typeof args) => string)(...args);
    this.sink.diagnostic({ code, severity: 'warning', file: this.file, line, message });
  }

  /** Rows before the first date line: said once for the whole run of them, when it ends. */
  protected abstract rowsBeforeDate(line: number, rows: number): void;
  /** A log whose samples all lack the format's output. */
  protected abstract noData(samples: number): void;

  /** A row at `line` that belongs to no sample: counted in the run of skipped rows it starts or continues. */
  protected skipRow(line: number): void {
    if (this.skip === null) this.skip = { line, dateText: null, rows: 0 };
    this.skip.rows++;
  }

  /** A date line that is no real time, at `line`: the rows after it are skipped. */
  protected skipAfter(dateText: string, line: number): void {
    this.closeSkip();
    this.skip = { line, dateText, rows: 0 };
  }

  /** Says what the run of skipped rows was, if one was open. */
  protected closeSkip(): void {
    const skip = this.skip;
    if (skip === null) return;
    this.skip = null;
    if (skip.dateText === null) this.rowsBeforeDate(skip.line, skip.rows);
    else this.warn(skip.line, 'DATE_INVALID', skip.dateText, skip.rows);
  }

  /** A finished sample of `time` (date line at `line`) with `rows` rows, in the summary. */
  protected countSample(time: LocalTime, line: number, rows: number): void {
    this.checkTime(time, line);
    const summary = this.summary;
    summary.samples++;
    summary.rows += rows;
    if (rows > 0) summary.samplesWithData++;
    if (summary.first === null || time < summary.first) summary.first = time;
    if (summary.last === null || time > summary.last) summary.last = time;
  }

  /**
   * A sample's time against the one before it, the log's first and the boot time in the
   * file name: a clock set back, a sample logged twice, or two logs joined into one
   * (`cat a b`) would otherwise pass unseen. Each is said once per log, at its first sample.
   */
  private checkTime(time: LocalTime, line: number): void {
    const previous = this.previous;
    const first = this.firstSample;
    this.previous = { time, line };
    if (first === null) this.firstSample = this.previous;
    if (this.bootTime !== null && time < this.bootTime) this.once(line, 'BEFORE_BOOT', formatLogTime(time), formatHuman(this.bootTime));
    if (previous === null || first === null || time > previous.time) return;
    const date = formatLogTime(time);
    const by = previous.time - time;
    if (by === 0) {
      this.once(line, 'TIME_REPEATED', date, previous.line);
    } else if (time === first.time || (time < first.time && by > DST_SHIFT_MS)) {
      // Back to the first sample's time, or further back than a clock change goes: the log starts over.
      this.once(line, 'TIME_RESTART', date, formatLogTime(first.time), first.line);
    } else {
      this.once(line, 'TIME_BACKWARDS', date, formatSpan(by), formatLogTime(previous.time), previous.line, by <= DST_SHIFT_MS);
    }
  }

  private once<K extends DiagnosticCode>(line: number, code: K, ...args: Parameters<(typeof Warn)[K]>): void {
    if (this.said.has(code)) return;
    this.said.add(code);
    this.warn(line, code, ...args);
  }

  /** The end of the log, once its last sample is closed: a log with nothing to show says so. */
  protected endOfLog(): ReadSummary {
    this.closeSkip();
    const summary = this.summary;
    if (summary.samples === 0) this.warn(0, 'NO_SAMPLES');
    else if (summary.samplesWithData === 0) this.noData(summary.samples);
    return summary;
  }
}
