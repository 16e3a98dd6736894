// The instant of each sample of one log: its time read in a zone, DST changes said, and (for a history) time kept going forward.
import { Warn, type DiagnosticCode } from '../../errors.js';
import type { Diagnostic, LocalTime, Sample } from '../../model.js';
import { formatIsoLocal, formatLogTime } from '../../time.js';
import { formatOffset, type TimeZone } from '../../zone.js';

export interface ClockOptions {
  /**
   * A history needs each series' samples in time order (Prometheus drops the others
   * without a word): a sample not later than the one before it is then skipped, and said.
   */
  readonly increasing: boolean;
}

/** `2024-03-10T03:30:00-04:00`: an instant as the wall-clock time of the offset it was read with. */
function readAs(instant: number, offset: number): string {
  return `${formatIsoLocal(instant + offset)}${formatOffset(offset)}`;
}

/** Reads the times of one log's samples, in log order. */
export class LogClock {
  /** The last sample given an instant. */
  private last: { readonly instant: number; readonly time: LocalTime; readonly line: number } | null = null;

  constructor(
    private readonly zone: TimeZone,
    private readonly file: string,
    private readonly onDiagnostic: (d: Diagnostic) => void,
    private readonly options: ClockOptions,
  ) {}

  /**
   * The sample's instant (Unix milliseconds), or null when it is skipped. A time the zone
   * skips is read with the offset before the jump; a time it repeats is read as the first
   * of the two unless that would put it before the sample before it (the second hour of a
   * night the clocks go back comes after the first in the log too).
   */
  instantOf(sample: Sample): number | null {
    const resolved = this.zone.resolve(sample.time);
    let instant: number;
    switch (resolved.kind) {
      case 'unique':
        instant = resolved.instant;
        break;
      case 'gap':
        instant = resolved.instant;
        this.warn(sample.line, 'TIME_IN_GAP', Warn.TIME_IN_GAP(
          formatLogTime(sample.time), this.zone.name, formatOffset(resolved.before), formatOffset(resolved.after), readAs(instant, resolved.after),
        ));
        break;
      case 'overlap': {
        const first = this.last === null || resolved.earlier > this.last.instant;
        instant = first ? resolved.earlier : resolved.later;
        const offset = first ? resolved.offsets[0] : resolved.offsets[1];
        this.warn(sample.line, 'TIME_TWICE', Warn.TIME_TWICE(formatLogTime(sample.time), this.zone.name, first ? 'first' : 'second', readAs(instant, offset)));
        break;
      }
    }
    const last = this.last;
    if (this.options.increasing && last !== null && instant <= last.instant) {
      this.warn(sample.line, 'TIME_NOT_LATER', Warn.TIME_NOT_LATER(formatLogTime(sample.time), formatLogTime(last.time), last.line));
      return null;
    }
    this.last = { instant, time: sample.time, line: sample.line };
    return instant;
  }

  private warn(line: number, code: DiagnosticCode, message: string): void {
    this.onDiagnostic({ code, severity: 'warning', file: this.file, line, message });
  }
}
