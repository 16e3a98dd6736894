// The awk dialect: `ORDER DATE FMFI`, space-separated, exactly as parse_vm_frag.awk prints it.
import { Warn } from '../../errors.js';
import type { Diagnostic, LocalTime, OrderReading, Sample } from '../../model.js';
import { formatLogTime } from '../../time.js';
import { ByteBuilder, MAX_INT_BYTES, writeInt } from '../bytes.js';

/** Which domain to keep; null keeps all. */
export type DomainFilter = number | null;

const NEWLINE = 10;
const ZERO = 48;
const DAY_MS = 86_400_000;
/** ` YYYY-MM-DD_HH:MM:SS `, as every line has it whose year has four digits. */
const USUAL_WIDTH = 21;
/** Where HH:MM:SS starts in it. */
const CLOCK = 12;

/**
 * ` 2024-04-08_10:05:00 `, the middle of every line of a sample, as bytes. Samples come
 * in time order, so the day is formatted only when it changes and the time of day is
 * written as six digits: no string per sample.
 */
export class DateField {
  /** The field, blanks included. */
  bytes: Uint8Array = new Uint8Array(0);
  /**
   * Its first 20 bytes as two little-endian doubles and a 32-bit word, when it has the
   * usual width: three stores a line instead of five words. Eight bytes of printable ASCII
   * are always a finite double (its exponent comes from two such bytes, never all ones),
   * so they go through a double unchanged.
   */
  d0 = 0;
  d1 = 0;
  w4 = 0;
  private readonly store = new Uint8Array(32);
  private readonly words = new DataView(this.store.buffer);
  private day = NaN;
  private time = NaN;

  /** Makes the field that of time `t`. */
  set(t: LocalTime): void {
    if (t === this.time) return;
    this.time = t;
    const day = Math.floor(t / DAY_MS);
    if (day !== this.day || this.bytes.length !== USUAL_WIDTH) {
      this.newDay(t, day);
    } else {
      const s = Math.floor((t - day * DAY_MS) / 1000);
      const b = this.store;
      twoDigits(b, CLOCK, Math.floor(s / 3600));
      twoDigits(b, CLOCK + 3, Math.floor(s / 60) % 60);
      twoDigits(b, CLOCK + 6, s % 60);
    }
    // Only bytes 12 to 19 hold the time of day; the first eight change once a day.
    this.d1 = this.words.getFloat64(8, true);
    this.w4 = this.words.getUint32(16, true);
  }

  /** The slow and obviously right way, once a day (and for years of other than four digits). */
  private newDay(t: LocalTime, day: number): void {
    const text = ` ${formatLogTime(t)} `;
    this.day = day;
    this.bytes = this.store.subarray(0, text.length);
    this.bytes.set(Buffer.from(text, 'latin1'));
    this.d0 = this.words.getFloat64(0, true);
  }
}

function twoDigits(b: Uint8Array, p: number, v: number): void {
  b[p] = ZERO + Math.floor(v / 10);
  b[p + 1] = ZERO + (v % 10);
}

/** The most bytes one line takes. */
function lineBytes(date: DateField): number {
  return MAX_INT_BYTES + date.bytes.length + MAX_INT_BYTES + 1;
}

/**
 * Whether parse_vm_frag.awk drops the row: its pattern `  .. \( .....K\) ` wants a
 * two-character order and a five-digit size.
 */
function awkDrops(r: OrderReading): boolean {
  return r.sizeKiB >= 100000 || r.order >= 100;
}

/**
 * Appends the lines of one domain's rows; returns the first row the awk script would
 * have dropped, or null. (Checked as the rows are written: a pass of its own over every
 * row cost a third as much as writing them.)
 */
function writeRows(orders: readonly OrderReading[], date: DateField, out: ByteBuilder): OrderReading | null {
  out.reserve(orders.length * lineBytes(date));
  const buf = out.buf;
  let p = out.length;
  let dropped: OrderReading | null = null;
  if (date.bytes.length === USUAL_WIDTH) {
    // The date as two 8-byte stores, a 4-byte one and a byte: its 21 bytes stored one by
    // one cost more than the rest of the line, and a native copy per line more still.
    const view = out.view;
    const { d0, d1, w4 } = date;
    const last = date.bytes[20]!;
    for (let i = 0; i < orders.length; i++) {
      const r = orders[i]!;
      if (dropped === null && awkDrops(r)) dropped = r;
      p = writeInt(buf, p, r.order);
      view.setFloat64(p, d0, true);
      view.setFloat64(p + 8, d1, true);
      view.setUint32(p + 16, w4, true);
      buf[p + 20] = last;
      p = writeInt(buf, p + USUAL_WIDTH, r.fmfi);
      buf[p++] = NEWLINE;
    }
  } else {
    const field = date.bytes;
    for (let i = 0; i < orders.length; i++) {
      const r = orders[i]!;
      if (dropped === null && awkDrops(r)) dropped = r;
      p = writeInt(buf, p, r.order);
      buf.set(field, p);
      p = writeInt(buf, p + field.length, r.fmfi);
      buf[p++] = NEWLINE;
    }
  }
  out.length = p;
  return dropped;
}

/**
 * Appends the awk script's lines for one sample: every row of every domain in log order.
 * Returns the first row written that the awk script would have dropped, or null.
 */
export function writeAwkLines(sample: Sample, domain: DomainFilter, out: ByteBuilder, date: DateField = new DateField()): OrderReading | null {
  const domains = sample.domains;
  let dropped: OrderReading | null = null;
  for (let i = 0; i < domains.length; i++) {
    const d = domains[i]!;
    if (domain !== null && d.domain !== domain) continue;
    date.set(sample.time);
    const first = writeRows(d.orders, date, out);
    if (dropped === null) dropped = first;
  }
  return dropped;
}

/** The awk script's lines for one sample, as a string. */
export function awkLines(sample: Sample, domain: DomainFilter = null): string {
  const out = new ByteBuilder(256);
  writeAwkLines(sample, domain, out);
  return out.toString();
}

/**
 * Writes the samples of one log in the awk dialect; says once if the awk script would have
 * dropped rows it wrote, and once if the rows of several domains come out mixed.
 */
export class AwkWriter {
  private noted = false;
  /** Whether mixed domains are still to be said: only when all domains are written. */
  private mixed: boolean;
  private readonly date = new DateField();

  constructor(
    private readonly domain: DomainFilter,
    private readonly file: string,
    private readonly onDiagnostic: (d: Diagnostic) => void,
  ) {
    this.mixed = domain === null;
  }

  sample(sample: Sample, out: ByteBuilder): void {
    const dropped = writeAwkLines(sample, this.domain, out, this.date);
    if (dropped !== null && !this.noted) this.noteDrops(sample, dropped);
    if (sample.domains.length > 1 && this.mixed) this.noteMixed(sample);
  }

  private noteMixed(sample: Sample): void {
    this.mixed = false;
    const message = Warn.AWK_DOMAINS_MIXED(sample.domains.length);
    this.onDiagnostic({ code: 'AWK_DOMAINS_MIXED', severity: 'note', file: this.file, line: sample.line, message });
  }

  private noteDrops(sample: Sample, dropped: OrderReading): void {
    this.noted = true;
    const message = Warn.AWK_WOULD_DROP(dropped.sizeKiB, dropped.order);
    this.onDiagnostic({ code: 'AWK_WOULD_DROP', severity: 'note', file: this.file, line: sample.line, message });
  }
}
