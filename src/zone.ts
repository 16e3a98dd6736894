// Zone-less log times as instants: read in an IANA time zone, with the times a DST change skips or repeats told apart.
//
// A log's date lines carry no zone (`date "+%Y-%m-%d_%H:%M:%S"` prints the machine's wall
// clock). Prometheus wants instants, so a zone says how to read them. Around a change of
// the zone's offset a wall-clock time can name no instant (the clocks jumped over it) or
// two (the clocks went back over it): `resolve` says which, and never picks silently.
//
// The offsets come from Intl (the zone data Node.js ships). Asking Intl costs some 10 µs,
// so `resolve` asks twice per day of wall-clock time met, not per sample: a day whose
// offset is the same 16 hours before it and 16 hours after it has that one offset
// throughout (no zone changes its offset twice within three days).
import type { LocalTime } from './model.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Further from UTC than any offset a zone ever had (local mean times went to ±15:57). */
const MARGIN = 16 * HOUR;

/** How a wall-clock time reads in a zone. Instants are Unix milliseconds. */
export type Resolved =
  /** One instant: the usual case. */
  | { readonly kind: 'unique'; readonly instant: number; readonly offset: number }
  /**
   * No instant: the clocks jumped over this time (spring forward). `instant` reads it with
   * the offset from before the jump, which lands as far after the jump as the time lies
   * after its start (02:30 in a jump from 02:00 to 03:00 is 03:30), as `date` and
   * JavaScript's Date read it.
   */
  | { readonly kind: 'gap'; readonly instant: number; readonly before: number; readonly after: number }
  /** Two instants: the clocks went back over this time (fall back); `earlier` < `later`. */
  | { readonly kind: 'overlap'; readonly earlier: number; readonly later: number; readonly offsets: readonly [number, number] };

/**
 * The zone of the machine running this, by its IANA name: TZ as set (Intl would give its
 * own spelling, Asia/Calcutta for Asia/Kolkata), else the system's; null if unknown.
 */
export function machineZoneName(): string | null {
  const tz = process.env.TZ?.replace(/^:/, '');
  if (tz !== undefined && tz !== '' && TimeZone.of(tz) !== null) return tz;
  const name = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  return name === undefined || name === '' || name === 'Etc/Unknown' ? null : name;
}

/** An IANA time zone: `UTC`, `Europe/Berlin`, `America/New_York`. */
export class TimeZone {
  private readonly format: Intl.DateTimeFormat | null;
  /** The wall-clock day last asked about, and its one offset (null: the offset changes that day). */
  private day = NaN;
  private dayOffset: number | null = null;

  private constructor(
    /** The zone's name, as given (in Intl's case). */
    readonly name: string,
    format: Intl.DateTimeFormat | null,
  ) {
    this.format = format;
  }

  /** UTC: every time names exactly one instant. */
  static readonly UTC = new TimeZone('UTC', null);

  /**
   * The zone of this IANA name, or null when there is none. Offsets such as `+01:00` are
   * refused: Node.js 20 knows no such zone while later versions do, and `Etc/GMT-1` says it.
   */
  static of(name: string): TimeZone | null {
    if (!/^[A-Za-z]/.test(name)) return null;
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone: name,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      return null;
    }
    // Intl's spelling where it only differs in case (europe/berlin), else the name as given:
    // Intl calls some zones by older names (Asia/Calcutta for Asia/Kolkata).
    const canonical = format.resolvedOptions().timeZone;
    const shown = canonical.toLowerCase() === name.toLowerCase() ? canonical : name;
    return canonical === 'UTC' || canonical === 'Etc/UTC' ? new TimeZone(shown, null) : new TimeZone(shown, format);
  }

  /** The zone's offset from UTC at an instant, in milliseconds (east positive). */
  offsetAt(instant: number): number {
    if (this.format === null) return 0;
    let year = 0;
    let month = 1;
    let day = 1;
    let hour = 0;
    let minute = 0;
    let second = 0;
    let bc = false;
    for (const part of this.format.formatToParts(instant)) {
      switch (part.type) {
        case 'year': year = Number(part.value); break;
        case 'month': month = Number(part.value); break;
        case 'day': day = Number(part.value); break;
        case 'hour': hour = Number(part.value); break;
        case 'minute': minute = Number(part.value); break;
        case 'second': second = Number(part.value); break;
        case 'era': bc = part.value === 'BC' || part.value === 'B'; break;
        default: break;
      }
    }
    // Date.UTC reads years 0 to 99 as 1900 to 1999; setUTCFullYear takes them as they are.
    const wall = new Date(0);
    wall.setUTCFullYear(bc ? 1 - year : year, month - 1, day);
    wall.setUTCHours(hour, minute, second, 0);
    // Intl drops the milliseconds of the instant; the offset is whole seconds.
    return wall.getTime() - (instant - (((instant % 1000) + 1000) % 1000));
  }

  /** How the wall-clock time `local` reads in this zone. */
  resolve(local: LocalTime): Resolved {
    const offset = this.offsetOfDay(local);
    if (offset !== null) return { kind: 'unique', instant: local - offset, offset };
    // The offset changes near this day: try the offsets from both sides.
    const before = this.offsetAt(local - MARGIN);
    const after = this.offsetAt(local + MARGIN);
    const fits = (o: number): boolean => this.offsetAt(local - o) === o;
    const fitsBefore = fits(before);
    const fitsAfter = before !== after && fits(after);
    if (fitsBefore && fitsAfter) {
      const [early, late] = before > after ? [before, after] : [after, before];
      return { kind: 'overlap', earlier: local - early, later: local - late, offsets: [early, late] };
    }
    if (fitsBefore) return { kind: 'unique', instant: local - before, offset: before };
    if (fitsAfter) return { kind: 'unique', instant: local - after, offset: after };
    return { kind: 'gap', instant: local - before, before, after };
  }

  /** The one offset of the wall-clock day of `local`, or null when it changes near that day. */
  private offsetOfDay(local: LocalTime): number | null {
    if (this.format === null) return 0;
    const day = Math.floor(local / DAY);
    if (day !== this.day) {
      const start = this.offsetAt(day * DAY - MARGIN);
      const end = this.offsetAt((day + 1) * DAY + MARGIN);
      this.day = day;
      this.dayOffset = start === end ? start : null;
    }
    return this.dayOffset;
  }
}

/** `+02:00`, `-04:00`, `+05:30`, `+00:19:32`: an offset as ISO 8601 writes it. */
export function formatOffset(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const s = Math.round(Math.abs(offset) / 1000);
  const two = (n: number): string => String(n).padStart(2, '0');
  const hm = `${sign}${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}`;
  return s % 60 === 0 ? hm : `${hm}:${two(s % 60)}`;
}
