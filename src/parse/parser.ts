// Streaming parser: chunks of a vm.phys_frag_idx log in, typed samples and diagnostics out.
//
// The log is decoded as latin1 so that every byte is one character: binary junk and
// invalid UTF-8 can never make decoding fail, and positions stay byte positions.
// Lines are classified by hand-written scanners instead of regular expressions because
// this loop runs for every line of logs of millions of lines (see `npm run bench`).
import { Warn } from '../errors.js';
import type { Diagnostic, DomainReading, LocalTime, OrderReading, Sample } from '../model.js';
import { formatLogTime, localTime } from '../time.js';

export interface ParserSink {
  sample(sample: Sample): void;
  diagnostic(diagnostic: Diagnostic): void;
}

export interface ParserOptions {
  /** Longer lines are skipped as they stream by, so one huge line is never held whole. */
  readonly maxLineLength?: number;
}

/** What the parser saw in one log, for summaries and chart notes. */
export interface ParseSummary {
  samples: number;
  /** Samples with at least one FMFI row. */
  samplesWithData: number;
  rows: number;
  warnings: number;
  first: LocalTime | null;
  last: LocalTime | null;
}

const DEFAULT_MAX_LINE = 64 * 1024;
const EMPTY = Buffer.alloc(0);

const SPACE = 32;
const TAB = 9;
const CR = 13;
const LF = 10;
const DASH = 45;
const ZERO = 48;
const NINE = 57;

interface DomainBuild {
  readonly domain: number;
  /** Line of its DOMAIN header (or first row), for messages about the whole block. */
  readonly line: number;
  readonly orders: OrderReading[];
  /** Created only when rows come out of the kernel's descending order (damage). */
  seen: Set<number> | null;
}

interface SampleBuild {
  readonly time: LocalTime;
  readonly line: number;
  readonly date: string;
  readonly domains: DomainBuild[];
  current: DomainBuild | null;
}

/** Rows that cannot be placed: before any date line, or after a date line that is no real date. */
interface SkipBlock {
  readonly line: number;
  /** The bad date line, or null for rows before the first date line. */
  readonly dateText: string | null;
  rows: number;
}

const ascii = (text: string): Buffer => Buffer.from(text, 'latin1');
const SEPARATOR = ascii('--');
const HEADER = ascii('ORDER (SIZE) |  FMFI');
const SYSCTL_NAME = ascii('vm.phys_frag_idx:');
const DOMAIN = ascii('DOMAIN ');

/** Whether s[start, end) is exactly `literal`. */
function matches(s: Buffer, start: number, end: number, literal: Buffer): boolean {
  if (end - start !== literal.length) return false;
  for (let i = 0; i < literal.length; i++) if (s[start + i] !== literal[i]) return false;
  return true;
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** Shows raw latin1 text in a message as the UTF-8 a terminal would have shown. */
function display(raw: string): string {
  return Buffer.from(raw, 'latin1').toString('utf8');
}

// Loose shapes, only used to say *what* a line that failed the exact scanners looks like.
const ROW_SHAPE = /^\s*-?\d+\s*\(|K\)\s*\|/;
const DATE_SHAPE = /^\d{4}-\d\d-\d\d_\d\d:\d\d:\d\d$/;
const DATE_INSIDE = /....-..-.._..:..:../;
const DOMAIN_LINE = /^DOMAIN (\d{1,9})$/;

/** What is said of a whole log once it has been read: that it had nothing to show. */
export function endOfLogDiagnostics(file: string, summary: ParseSummary): Diagnostic[] {
  const warning = (code: string, message: string): Diagnostic => ({ code, severity: 'warning', file, line: 0, message });
  if (summary.samples === 0) return [warning('NO_SAMPLES', Warn.NO_SAMPLES())];
  if (summary.samplesWithData === 0) return [warning('NO_FMFI', Warn.NO_FMFI(summary.samples))];
  return [];
}

export class LogParser {
  readonly file: string;
  readonly summary: ParseSummary = {
    samples: 0,
    samplesWithData: 0,
    rows: 0,
    warnings: 0,
    first: null,
    last: null,
  };

  private readonly sink: ParserSink;
  private readonly maxLine: number;
  private carry: Buffer = EMPTY;
  private skippingLongLine = false;
  private lineNo = 0;
  private sawCrlf = false;
  private sample: SampleBuild | null = null;
  private skip: SkipBlock | null = null;
  private ended = false;

  // The last row scanned by scanRow (kept in fields to avoid an allocation per line).
  private rowOrder = 0;
  private rowSize = 0;
  private rowFmfi = 0;
  private rowTrailingBlank = false;

  constructor(file: string, sink: ParserSink, options: ParserOptions = {}) {
    this.file = file;
    this.sink = sink;
    this.maxLine = options.maxLineLength ?? DEFAULT_MAX_LINE;
  }

  /** Lines read so far. */
  get lines(): number {
    return this.lineNo;
  }

  /** Feeds the next piece of the log; pieces may split lines anywhere. */
  write(chunk: Buffer | string): void {
    if (this.ended) throw new Error('LogParser.write after end');
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    let start = 0;
    if (this.skippingLongLine || this.carry.length > 0) {
      const nl = buf.indexOf(LF);
      if (nl < 0) {
        if (!this.skippingLongLine) this.hold(Buffer.concat([this.carry, buf]));
        return;
      }
      this.lineNo++;
      if (this.skippingLongLine) {
        this.skippingLongLine = false;
      } else {
        const line = Buffer.concat([this.carry, buf.subarray(0, nl)]);
        this.carry = EMPTY;
        this.line(line, 0, line.length, true);
      }
      start = nl + 1;
    }
    for (;;) {
      const nl = buf.indexOf(LF, start);
      if (nl < 0) break;
      this.lineNo++;
      this.line(buf, start, nl, true);
      start = nl + 1;
    }
    if (start < buf.length) this.hold(Buffer.from(buf.subarray(start)));
  }

  /** Keeps the start of a line until its end arrives, unless it is longer than any line of a log. */
  private hold(partial: Buffer): void {
    if (partial.length > this.maxLine) {
      this.warn(this.lineNo + 1, 'LONG_LINE', Warn.LONG_LINE(this.maxLine));
      this.skippingLongLine = true;
      this.carry = EMPTY;
    } else {
      this.carry = partial;
    }
  }

  /** Ends the log: a last line without a newline is checked for having been cut off. */
  end(): ParseSummary {
    if (this.ended) return this.summary;
    if (this.skippingLongLine) {
      this.lineNo++;
    } else if (this.carry.length > 0) {
      this.lineNo++;
      const text = this.carry;
      this.carry = EMPTY;
      this.line(text, 0, text.length, false);
    }
    this.closeSkip();
    this.closeSample();
    this.ended = true;
    for (const d of endOfLogDiagnostics(this.file, this.summary)) {
      this.summary.warnings++;
      this.sink.diagnostic(d);
    }
    return this.summary;
  }

  private warn(line: number, code: string, message: string): void {
    this.summary.warnings++;
    this.sink.diagnostic({ code, severity: 'warning', file: this.file, line, message });
  }

  /** One line, `s[start, end)` without its newline; `complete` is false for a last line without one. */
  private line(s: Buffer, start: number, end: number, complete: boolean): void {
    if (end - start > this.maxLine) {
      this.warn(this.lineNo, 'LONG_LINE', Warn.LONG_LINE(this.maxLine));
      return;
    }
    if (end > start && s[end - 1]! === CR) {
      end--;
      if (!this.sawCrlf) {
        this.sawCrlf = true;
        this.warn(this.lineNo, 'CRLF', Warn.CRLF());
      }
    }
    // Fast path: the FMFI rows are nearly every line of a log.
    if (this.scanRow(s, start, end)) {
      if (!complete && !this.rowTrailingBlank) {
        // The kernel ends every row with a blank: without it the number may be cut short.
        this.warn(this.lineNo, 'ROW_CUT_OFF', Warn.ROW_CUT_OFF(display(s.toString('latin1', start, end))));
        return;
      }
      this.row();
      return;
    }
    let first = start;
    while (first < end && isBlank(s[first]!)) first++;
    let last = end;
    while (last > first && isBlank(s[last - 1]!)) last--;
    if (first === last) return; // blank line: the cron job's echo, sysctl's own newline
    if (last - first === 19 && this.scanDate(s, first)) {
      if (first !== start || last !== end) {
        this.warn(this.lineNo, 'DATE_PADDED', Warn.DATE_PADDED(display(s.toString('latin1', start, end))));
      }
      return;
    }
    // The sysctl's fixed lines, compared as bytes: making strings of them cost more than the rows.
    if (matches(s, first, last, SEPARATOR) || matches(s, first, last, HEADER) || matches(s, first, last, SYSCTL_NAME)) return;
    if (last - first > DOMAIN.length && matches(s, first, first + DOMAIN.length, DOMAIN)) {
      this.domainLine(s.toString('latin1', first, last));
      return;
    }
    const text = s.toString('latin1', first, last);
    const raw = display(s.toString('latin1', start, end));
    if (!complete) {
      this.warn(this.lineNo, 'LINE_CUT_OFF', Warn.LINE_CUT_OFF(raw));
    } else if (DATE_SHAPE.test(text)) {
      this.badDate(raw);
    } else if (ROW_SHAPE.test(text)) {
      this.warn(this.lineNo, 'ROW_MALFORMED', Warn.ROW_MALFORMED(raw));
    } else if (DATE_INSIDE.test(text)) {
      this.warn(this.lineNo, 'DATE_EMBEDDED', Warn.DATE_EMBEDDED(raw));
    } else {
      this.warn(this.lineNo, 'STRAY_LINE', Warn.STRAY_LINE(raw));
    }
  }

  /**
   * Scans `  %2d (%6dK) |  %ld ` (the kernel's sbuf_printf) leniently about blanks,
   * strictly about everything else. Sets rowOrder, rowSize, rowFmfi, rowTrailingBlank.
   */
  private scanRow(s: Buffer, start: number, end: number): boolean {
    let p = start;
    while (p < end && s[p]! === SPACE) p++;
    let c = s[p]!;
    if (c < ZERO || c > NINE) return false; // not a row: most other lines leave here
    let order = 0;
    const orderStart = p;
    while (p < end && (c = s[p]!) >= ZERO && c <= NINE) {
      order = order * 10 + (c - ZERO);
      p++;
    }
    if (p - orderStart > 6 || s[p]! !== SPACE || s[p + 1]! !== 40 /* ( */) return false;
    p += 2;
    while (p < end && s[p]! === SPACE) p++;
    let size = 0;
    const sizeStart = p;
    while (p < end && (c = s[p]!) >= ZERO && c <= NINE) {
      size = size * 10 + (c - ZERO);
      p++;
    }
    const sizeDigits = p - sizeStart;
    if (sizeDigits === 0 || sizeDigits > 15) return false;
    if (
      s[p]! !== 75 /* K */ ||
      s[p + 1]! !== 41 /* ) */ ||
      s[p + 2]! !== SPACE ||
      s[p + 3]! !== 124 /* | */
    ) {
      return false;
    }
    p += 4;
    const blanks = p;
    while (p < end && s[p]! === SPACE) p++;
    if (p === blanks) return false;
    const negative = s[p]! === DASH;
    if (negative) p++;
    let fmfi = 0;
    const fmfiStart = p;
    while (p < end && (c = s[p]!) >= ZERO && c <= NINE) {
      fmfi = fmfi * 10 + (c - ZERO);
      p++;
    }
    const fmfiDigits = p - fmfiStart;
    if (fmfiDigits === 0 || fmfiDigits > 16 || !Number.isSafeInteger(fmfi)) return false;
    const valueEnd = p;
    while (p < end && isBlank(s[p]!)) p++;
    if (p !== end) return false;
    this.rowOrder = order;
    this.rowSize = size;
    this.rowFmfi = negative ? -fmfi : fmfi;
    this.rowTrailingBlank = end > valueEnd;
    return true;
  }

  /** A date line `YYYY-MM-DD_HH:MM:SS` at s[p, p+19): starts a sample when it is a real time. */
  private scanDate(s: Buffer, p: number): boolean {
    const d = (i: number): number => {
      const c = s[p + i]!;
      return c >= ZERO && c <= NINE ? c - ZERO : NaN;
    };
    const two = (i: number): number => d(i) * 10 + d(i + 1);
    if (
      s[p + 4]! !== DASH ||
      s[p + 7]! !== DASH ||
      s[p + 10]! !== 95 /* _ */ ||
      s[p + 13]! !== 58 /* : */ ||
      s[p + 16]! !== 58
    ) {
      return false;
    }
    const year = two(0) * 100 + two(2);
    const fields = [year, two(5), two(8), two(11), two(14), two(17)];
    if (fields.some(Number.isNaN)) return false;
    const [y, mo, da, h, mi, se] = fields as [number, number, number, number, number, number];
    const time = localTime(y, mo, da, h, mi, se);
    if (time === null) return false; // reported as a bad date by the caller's shape check
    this.closeSkip();
    this.closeSample();
    this.sample = { time, line: this.lineNo, date: formatLogTime(time), domains: [], current: null };
    return true;
  }

  private badDate(raw: string): void {
    this.closeSkip();
    this.closeSample();
    this.skip = { line: this.lineNo, dateText: raw, rows: 0 };
  }

  private domainLine(text: string): void {
    const m = DOMAIN_LINE.exec(text);
    if (m === null) {
      this.warn(this.lineNo, 'DOMAIN_MALFORMED', Warn.DOMAIN_MALFORMED(text));
      return;
    }
    const sample = this.sample;
    if (sample === null) return; // rows that follow are counted in the skip block
    this.closeDomain(sample);
    const domain = Number(m[1]);
    let build = sample.domains.find((b) => b.domain === domain);
    if (build === undefined) {
      build = { domain, line: this.lineNo, orders: [], seen: null };
      sample.domains.push(build);
    }
    sample.current = build;
  }

  private row(): void {
    const sample = this.sample;
    if (sample === null) {
      if (this.skip === null) this.skip = { line: this.lineNo, dateText: null, rows: 0 };
      this.skip.rows++;
      return;
    }
    let domain = sample.current;
    if (domain === null) {
      // Rows without a DOMAIN line: a kernel that prints one domain without a header.
      domain = sample.domains.find((b) => b.domain === 0) ?? null;
      if (domain === null) {
        domain = { domain: 0, line: this.lineNo, orders: [], seen: null };
        sample.domains.push(domain);
      }
      sample.current = domain;
    }
    const order = this.rowOrder;
    const orders = domain.orders;
    const previous = orders.length > 0 ? orders[orders.length - 1] : undefined;
    if (previous !== undefined && order >= previous.order) {
      // Out of the kernel's descending order: only now is a duplicate possible.
      if (domain.seen === null) domain.seen = new Set(orders.map((r) => r.order));
      if (domain.seen.has(order)) {
        this.warn(this.lineNo, 'ORDER_REPEATED', Warn.ORDER_REPEATED(order, domain.domain, sample.date));
        return;
      }
    }
    domain.seen?.add(order);
    orders.push({ order, sizeKiB: this.rowSize, fmfi: this.rowFmfi });
  }

  private closeSkip(): void {
    const skip = this.skip;
    if (skip === null) return;
    this.skip = null;
    if (skip.dateText === null) {
      this.warn(skip.line, 'ROWS_BEFORE_DATE', Warn.ROWS_BEFORE_DATE(skip.rows));
    } else {
      this.warn(skip.line, 'DATE_INVALID', Warn.DATE_INVALID(skip.dateText, skip.rows));
    }
  }

  private closeDomain(sample: SampleBuild): void {
    const domain = sample.current;
    if (domain === null) return;
    sample.current = null;
    const last = domain.orders[domain.orders.length - 1];
    if (last === undefined) {
      this.warn(domain.line, 'DOMAIN_EMPTY', Warn.DOMAIN_EMPTY(domain.domain, sample.date));
    } else if (last.order !== 0 && domain.seen === null) {
      this.warn(domain.line, 'DOMAIN_INCOMPLETE', Warn.DOMAIN_INCOMPLETE(domain.domain, sample.date, last.order));
    }
  }

  private closeSample(): void {
    const sample = this.sample;
    if (sample === null) return;
    this.sample = null;
    this.closeDomain(sample);
    const domains: DomainReading[] = [];
    let rows = 0;
    for (const d of sample.domains) {
      if (d.orders.length === 0) continue;
      domains.push({ domain: d.domain, orders: d.orders });
      rows += d.orders.length;
    }
    const summary = this.summary;
    summary.samples++;
    summary.rows += rows;
    if (rows > 0) summary.samplesWithData++;
    if (summary.first === null || sample.time < summary.first) summary.first = sample.time;
    if (summary.last === null || sample.time > summary.last) summary.last = sample.time;
    this.sink.sample({ time: sample.time, line: sample.line, domains });
  }
}
