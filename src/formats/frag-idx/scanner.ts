// Streaming parser: chunks of a vm.phys_frag_idx log in, typed samples and diagnostics out.
//
// The log is decoded as latin1 so that every byte is one character: binary junk and
// invalid UTF-8 can never make decoding fail, and positions stay byte positions.
// Lines are classified by hand-written scanners instead of regular expressions because
// this loop runs for every line of logs of millions of lines (see `npm run bench`).
//
//   write(chunk)
//     1. the line held back from the previous chunk, now whole   → line()
//     2. the whole lines of the chunk, each by its first byte:
//        the kernel's and the cron job's own lines, recognised
//        at fixed bytes (the shortcuts)                          → row(), scanDate(), enterDomain()
//        anything else                                           → line(), the general path
//     3. the start of a line the chunk cut off, held back
//
// A shortcut only ever accepts a line that line() would accept too, and does with it
// what line() would do: values, diagnostics and line numbers never depend on the path
// a line took (test/parse/shortcuts.test.ts checks it on damaged logs).
import { Warn } from '../../errors.js';
import type { Diagnostic, LocalTime, Sample } from '../../model.js';
import { formatLogTime, localTime } from '../../time.js';
import { FreshBuilds, ReusedBuilds, type Builds, type DomainBuild, type SampleBuild } from '../builds.js';
import { LONGEST_KERNEL_ROW, RowScan, scanKernelRow, scanRow } from './row-scan.js';

export interface ParserSink {
  /** With `reuseSamples`, `sample` is valid only during the call. */
  sample(sample: Sample): void;
  diagnostic(diagnostic: Diagnostic): void;
}

export interface ParserOptions {
  /** Longer lines are skipped as they stream by, so one huge line is never held whole. */
  readonly maxLineLength?: number;
  /** False reads every line through the general path: slower, and the reference the shortcuts are tested against. */
  readonly shortcuts?: boolean;
  /**
   * True hands the sink the same sample objects every time, rewritten: the sink must
   * not keep a sample, or anything in it, after `sample()` returns. Streaming sinks
   * then cost no allocation per row (see builds.ts).
   */
  readonly reuseSamples?: boolean;
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
const COLON = 58;
const UNDERSCORE = 95;
const D = 68;

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
// The same lines exactly as sysctl prints them, newline included, for the shortcuts.
const SEPARATOR_LINE = ascii('--\n');
const HEADER_LINE = ascii('  ORDER (SIZE) |  FMFI\n');
const SYSCTL_LINE = ascii('vm.phys_frag_idx: \n');
/** `DOMAIN ` and at most this many digits: what DOMAIN_LINE accepts. */
const MAX_DOMAIN_DIGITS = 9;
/** A date line: `YYYY-MM-DD_HH:MM:SS`. */
const DATE_LENGTH = 19;
/**
 * The longest line a shortcut accepts, newline excluded. With a smaller line limit the
 * general path would call some of them too long, so the shortcuts are not used at all.
 */
const LONGEST_SHORTCUT_LINE = Math.max(LONGEST_KERNEL_ROW, HEADER_LINE.length, DATE_LENGTH, DOMAIN.length + MAX_DOMAIN_DIGITS);

/** Whether s[start, end) is exactly `literal`. */
function matches(s: Uint8Array, start: number, end: number, literal: Uint8Array): boolean {
  if (end - start !== literal.length) return false;
  for (let i = 0; i < literal.length; i++) if (s[start + i] !== literal[i]) return false;
  return true;
}

/** Whether `literal` is at s[p], before s[end]. */
function startsWith(s: Uint8Array, p: number, end: number, literal: Uint8Array): boolean {
  if (p + literal.length > end) return false;
  for (let i = 0; i < literal.length; i++) if (s[p + i] !== literal[i]) return false;
  return true;
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** The two decimal digits at s[i], or -1. */
function twoDigits(s: Uint8Array, i: number): number {
  const a = s[i]! - ZERO;
  const b = s[i + 1]! - ZERO;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Shows raw latin1 text in a message as the UTF-8 a terminal would have shown. */
function display(raw: string): string {
  return Buffer.from(raw, 'latin1').toString('utf8');
}

function findDomain(domains: readonly DomainBuild[], domain: number): DomainBuild | null {
  for (const d of domains) if (d.domain === domain) return d;
  return null;
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
  private readonly shortcuts: boolean;
  private readonly builds: Builds;
  private carry: Buffer = EMPTY;
  private skippingLongLine = false;
  private lineNo = 0;
  private sawCrlf = false;
  private sample: SampleBuild | null = null;
  private skip: SkipBlock | null = null;
  private ended = false;

  /** The last row scanned, one object reused for every line. */
  private readonly scan = new RowScan();
  /** The day of the last date line (year, month and day as one number) and its midnight. */
  private dayKey = -1;
  private dayStart = 0;

  constructor(file: string, sink: ParserSink, options: ParserOptions = {}) {
    this.file = file;
    this.sink = sink;
    this.maxLine = options.maxLineLength ?? DEFAULT_MAX_LINE;
    this.shortcuts = (options.shortcuts ?? true) && this.maxLine >= LONGEST_SHORTCUT_LINE;
    this.builds = options.reuseSamples === true ? new ReusedBuilds() : new FreshBuilds();
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
    // 1.
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
    // 2. Up to the last newline: the shortcuts never meet the end of the chunk.
    const end = buf.lastIndexOf(LF) + 1;
    if (end > start) start = this.shortcuts ? this.wholeLines(buf, start, end) : this.generalLines(buf, start, end);
    // 3.
    if (start < buf.length) this.hold(Buffer.from(buf.subarray(start)));
  }

  /** Reads the whole lines s[start, end), the kernel's own by the shortcuts; returns `end`. */
  private wholeLines(s: Buffer, start: number, end: number): number {
    const view = new DataView(s.buffer, s.byteOffset, end);
    const scan = this.scan;
    let p = start;
    while (p < end) {
      // Each shortcut `continue`s past a line it read; a line none reads goes down to the general path.
      const c = s[p]!;
      if (c === SPACE) {
        const next = scanKernelRow(s, view, p, end, scan);
        if (next > 0) {
          this.lineNo++;
          this.row();
          p = next;
          continue;
        }
        if (startsWith(s, p, end, HEADER_LINE)) {
          this.lineNo++;
          p += HEADER_LINE.length;
          continue;
        }
      } else if (c === LF) {
        this.lineNo++; // a blank line: the cron job's echo, sysctl's own newline
        p++;
        continue;
      } else if (c >= ZERO && c <= NINE) {
        // Only a real date proves these 19 bytes one line: anything else goes the general way.
        if (p + DATE_LENGTH < end && s[p + DATE_LENGTH] === LF && this.scanDate(s, p, this.lineNo + 1)) {
          this.lineNo++;
          p += DATE_LENGTH + 1;
          continue;
        }
      } else if (c === DASH) {
        if (startsWith(s, p, end, SEPARATOR_LINE)) {
          this.lineNo++;
          p += SEPARATOR_LINE.length;
          continue;
        }
      } else if (c === D) {
        const next = this.domainShortcut(s, p, end);
        if (next > 0) {
          p = next;
          continue;
        }
      } else if (startsWith(s, p, end, SYSCTL_LINE)) {
        this.lineNo++;
        p += SYSCTL_LINE.length;
        continue;
      }
      p = this.generalLine(s, p);
    }
    return end;
  }

  /** Reads the whole lines s[start, end) through the general path only; returns `end`. */
  private generalLines(s: Buffer, start: number, end: number): number {
    let p = start;
    while (p < end) p = this.generalLine(s, p);
    return end;
  }

  /** The line at s[p], which has its newline in s; returns the index past it. */
  private generalLine(s: Buffer, p: number): number {
    const nl = s.indexOf(LF, p);
    this.lineNo++;
    this.line(s, p, nl, true);
    return nl + 1;
  }

  /** `DOMAIN n\n` at s[p], as DOMAIN_LINE reads it: returns the index past it, or -1. */
  private domainShortcut(s: Buffer, p: number, end: number): number {
    if (!startsWith(s, p, end, DOMAIN)) return -1;
    let q = p + DOMAIN.length;
    let domain = 0;
    let c = 0;
    while (q < end && (c = s[q]!) >= ZERO && c <= NINE) {
      domain = domain * 10 + (c - ZERO);
      q++;
    }
    const digits = q - p - DOMAIN.length;
    if (digits === 0 || digits > MAX_DOMAIN_DIGITS || q >= end || s[q] !== LF) return -1;
    this.lineNo++;
    this.enterDomain(domain);
    return q + 1;
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

  /**
   * The general path: one line of any kind, `s[start, end)` without its newline;
   * `complete` is false for a last line without one.
   */
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
    if (scanRow(s, start, end, this.scan)) {
      if (!complete && !this.scan.trailingBlank) {
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
    if (last - first === DATE_LENGTH && this.scanDate(s, first, this.lineNo)) {
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

  /** A date line `YYYY-MM-DD_HH:MM:SS` at s[p, p+19), line `line`: starts a sample when it is a real time. */
  private scanDate(s: Uint8Array, p: number, line: number): boolean {
    if (s[p + 4] !== DASH || s[p + 7] !== DASH || s[p + 10] !== UNDERSCORE || s[p + 13] !== COLON || s[p + 16] !== COLON) {
      return false;
    }
    const century = twoDigits(s, p);
    const yy = twoDigits(s, p + 2);
    const month = twoDigits(s, p + 5);
    const day = twoDigits(s, p + 8);
    const hour = twoDigits(s, p + 11);
    const minute = twoDigits(s, p + 14);
    const second = twoDigits(s, p + 17);
    if ((century | yy | month | day | hour | minute | second) < 0) return false;
    // Consecutive samples share their day: it is checked and converted once.
    const key = ((century * 100 + yy) * 100 + month) * 100 + day;
    if (key !== this.dayKey) {
      const midnight = localTime(century * 100 + yy, month, day);
      if (midnight === null) return false; // reported as a bad date by the caller's shape check
      this.dayKey = key;
      this.dayStart = midnight;
    }
    // The rest of what localTime checks.
    if (hour > 23 || minute > 59 || second > 59) return false;
    const time = this.dayStart + ((hour * 60 + minute) * 60 + second) * 1000;
    this.closeSkip();
    this.closeSample();
    this.sample = this.builds.sample(time, line);
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
    this.enterDomain(Number(m[1]));
  }

  /** A DOMAIN line: the rows that follow are that domain's. */
  private enterDomain(domain: number): void {
    const sample = this.sample;
    if (sample === null) return; // rows that follow are counted in the skip block
    this.closeDomain(sample);
    sample.current = findDomain(sample.domains, domain) ?? this.builds.domain(sample, domain, this.lineNo);
  }

  /** The row just scanned into `this.scan`; nearly always the next of a domain's rows in the kernel's descending order. */
  private row(): void {
    const domain = this.sample === null ? null : this.sample.current;
    if (domain === null || domain.seen !== null) return this.unusualRow();
    const orders = domain.orders;
    const scan = this.scan;
    if (orders.length > 0 && scan.order >= orders[orders.length - 1]!.order) return this.unusualRow();
    this.builds.row(domain, scan.order, scan.sizeKiB, scan.fmfi);
  }

  /** Any other row: before a date line, without a DOMAIN line, or out of order. */
  private unusualRow(): void {
    const sample = this.sample;
    if (sample === null) {
      if (this.skip === null) this.skip = { line: this.lineNo, dateText: null, rows: 0 };
      this.skip.rows++;
      return;
    }
    let domain = sample.current;
    if (domain === null) {
      // Rows without a DOMAIN line: a kernel that prints one domain without a header.
      domain = findDomain(sample.domains, 0) ?? this.builds.domain(sample, 0, this.lineNo);
      sample.current = domain;
    }
    const scan = this.scan;
    const order = scan.order;
    const orders = domain.orders;
    const previous = orders.length > 0 ? orders[orders.length - 1] : undefined;
    // While rows descend, as the kernel prints them, no order can repeat; from the first
    // row out of that order on (a repeated DOMAIN block, a duplicated line), every row is checked.
    if (domain.seen !== null || (previous !== undefined && order >= previous.order)) {
      if (domain.seen === null) domain.seen = new Set(orders.map((r) => r.order));
      if (domain.seen.has(order)) {
        this.warn(this.lineNo, 'ORDER_REPEATED', Warn.ORDER_REPEATED(order, domain.domain, formatLogTime(sample.time)));
        return;
      }
    }
    domain.seen?.add(order);
    this.builds.row(domain, order, scan.sizeKiB, scan.fmfi);
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
      this.warn(domain.line, 'DOMAIN_EMPTY', Warn.DOMAIN_EMPTY(domain.domain, formatLogTime(sample.time)));
    } else if (last.order !== 0 && domain.seen === null) {
      this.warn(domain.line, 'DOMAIN_INCOMPLETE', Warn.DOMAIN_INCOMPLETE(domain.domain, formatLogTime(sample.time), last.order));
    }
  }

  private closeSample(): void {
    const sample = this.sample;
    if (sample === null) return;
    this.sample = null;
    this.closeDomain(sample);
    let rows = 0;
    for (const d of sample.domains) rows += d.orders.length;
    const summary = this.summary;
    summary.samples++;
    summary.rows += rows;
    if (rows > 0) summary.samplesWithData++;
    if (summary.first === null || sample.time < summary.first) summary.first = sample.time;
    if (summary.last === null || sample.time > summary.last) summary.last = sample.time;
    this.sink.sample(this.builds.finish(sample));
  }
}
