// What every format's sample state machine keeps about the log as a whole: its summary, its warnings, the rows it could not place.
import { Warn, type DiagnosticCode } from '../errors.js';
import type { LocalTime } from '../model.js';
import type { ReaderSink, ReadSummary } from './format.js';

/** Rows that cannot be placed: before any date line, or after a date line that is no real date. */
interface SkipBlock {
  readonly line: number;
  /** The bad date line, or null for rows before the first date line. */
  readonly dateText: string | null;
  rows: number;
}

export abstract class LogState {
  readonly summary: ReadSummary = { samples: 0, samplesWithData: 0, rows: 0, warnings: 0, first: null, last: null };
  private skip: SkipBlock | null = null;

  protected constructor(
    protected readonly file: string,
    protected readonly sink: ReaderSink,
  ) {}

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

  /** A finished sample of `time` with `rows` rows, in the summary. */
  protected countSample(time: LocalTime, rows: number): void {
    const summary = this.summary;
    summary.samples++;
    summary.rows += rows;
    if (rows > 0) summary.samplesWithData++;
    if (summary.first === null || time < summary.first) summary.first = time;
    if (summary.last === null || time > summary.last) summary.last = time;
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
