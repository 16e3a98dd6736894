// The line scanner of the vm.phys_frag_idx format: chunks of a log in, classified lines out to the sample state machine.
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
// What each line means for the sample being built is decided in samples.ts. The file
// is a little over 300 lines because the shortcuts and the general path must be read
// side by side: each shortcut has to do exactly what the general path does.
//
// A shortcut only ever accepts a line that line() would accept too, and does with it
// what line() would do: values, diagnostics and line numbers never depend on the path
// a line took (test/formats/frag-idx/shortcuts.test.ts checks it on damaged logs).
import { localTime } from '../../time.js';
import type { LogReader, ReaderOptions, ReaderSink, ReadSummary } from '../format.js';
import { LONGEST_KERNEL_ROW, RowScan, scanKernelRow, scanRow } from './row-scan.js';
import { SampleAssembler } from './samples.js';
import { ascii, COLON, CR, D, DASH, display, isBlank, LF, matches, NINE, SPACE, startsWith, twoDigits, UNDERSCORE, ZERO } from '../bytes.js';

export interface ScannerOptions extends ReaderOptions {
  /** False reads every line through the general path: slower, and the reference the shortcuts are tested against. */
  readonly shortcuts?: boolean;
}

const DEFAULT_MAX_LINE = 64 * 1024;
const EMPTY = Buffer.alloc(0);

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

// Loose shapes, only used to say *what* a line that failed the exact scanners looks like.
const ROW_SHAPE = /^\s*-?\d+\s*\(|K\)\s*\|/;
const DATE_SHAPE = /^\d{4}-\d\d-\d\d_\d\d:\d\d:\d\d$/;
const DATE_INSIDE = /....-..-.._..:..:../;
const DOMAIN_LINE = /^DOMAIN (\d{1,9})$/;
/**
 * The start of a line the kernel or the cron job writes, cut off by a crash: what a log
 * that ended so leaves before the first date line of the next, when two are joined (`cat a b`).
 */
const CUT_LINE = [
  /^ *\d{1,2}(?: \( *\d*(?:K(?:\) ?(?:\|(?: +-?\d*)?)?)?)?)?$/, // a row
  /^\d{1,4}(?:-(?:\d\d?(?:-(?:\d\d?(?:_(?:\d\d?(?::(?:\d\d?(?::\d?)?)?)?)?)?)?)?)?)?$/, // a date line
  /^DOMAIN \d{0,9}$/,
];
const CUT_LITERALS = ['vm.phys_frag_idx: ', 'DOMAIN ', '  ORDER (SIZE) |  FMFI', '--'];

/** Whether `text` is the start of one of the log's own lines, cut short. */
function isCutLine(text: string): boolean {
  return CUT_LINE.some((shape) => shape.test(text)) || CUT_LITERALS.some((literal) => literal.startsWith(text));
}

export class FragIdxScanner implements LogReader {
  readonly file: string;
  private readonly samples: SampleAssembler;
  private readonly maxLine: number;
  private readonly shortcuts: boolean;
  private carry: Buffer = EMPTY;
  private skippingLongLine = false;
  private lineNo = 0;
  private sawCrlf = false;
  private ended = false;

  /** The last row scanned, one object reused for every line. */
  private readonly scan = new RowScan();
  /** The day of the last date line (year, month and day as one number) and its midnight. */
  private dayKey = -1;
  private dayStart = 0;

  constructor(file: string, sink: ReaderSink, options: ScannerOptions = {}) {
    this.file = file;
    this.maxLine = options.maxLineLength ?? DEFAULT_MAX_LINE;
    this.shortcuts = (options.shortcuts ?? true) && this.maxLine >= LONGEST_SHORTCUT_LINE;
    this.samples = new SampleAssembler(file, sink, this.scan, options.reuseSamples === true);
  }

  /** What has been read so far. */
  get summary(): ReadSummary {
    return this.samples.summary;
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
          this.samples.row(this.lineNo);
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
    this.samples.enterDomain(domain, this.lineNo);
    return q + 1;
  }

  /** Keeps the start of a line until its end arrives, unless it is longer than any line of a log. */
  private hold(partial: Buffer): void {
    if (partial.length > this.maxLine) {
      this.samples.warn(this.lineNo + 1, 'LONG_LINE', this.maxLine);
      this.skippingLongLine = true;
      this.carry = EMPTY;
    } else {
      this.carry = partial;
    }
  }

  /** Ends the log: a last line without a newline is checked for having been cut off. */
  end(): ReadSummary {
    if (this.ended) return this.summary;
    if (this.skippingLongLine) {
      this.lineNo++;
    } else if (this.carry.length > 0) {
      this.lineNo++;
      const text = this.carry;
      this.carry = EMPTY;
      this.line(text, 0, text.length, false);
    }
    this.ended = true;
    return this.samples.finish();
  }

  /**
   * The general path: one line of any kind, `s[start, end)` without its newline;
   * `complete` is false for a last line without one.
   */
  private line(s: Buffer, start: number, end: number, complete: boolean): void {
    if (end - start > this.maxLine) {
      this.samples.warn(this.lineNo, 'LONG_LINE', this.maxLine);
      return;
    }
    if (end > start && s[end - 1]! === CR) {
      end--;
      if (!this.sawCrlf) {
        this.sawCrlf = true;
        this.samples.warn(this.lineNo, 'CRLF');
      }
    }
    if (scanRow(s, start, end, this.scan)) {
      if (!complete && !this.scan.trailingBlank) {
        // The kernel ends every row with a blank: without it the number may be cut short.
        this.samples.warn(this.lineNo, 'ROW_CUT_OFF', display(s.toString('latin1', start, end)));
        return;
      }
      this.samples.row(this.lineNo);
      return;
    }
    let first = start;
    while (first < end && isBlank(s[first]!)) first++;
    let last = end;
    while (last > first && isBlank(s[last - 1]!)) last--;
    if (first === last) return; // blank line: the cron job's echo, sysctl's own newline
    if (last - first === DATE_LENGTH && this.scanDate(s, first, this.lineNo)) {
      if (first !== start || last !== end) {
        this.samples.warn(this.lineNo, 'DATE_PADDED', display(s.toString('latin1', start, end)));
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
      this.samples.warn(this.lineNo, 'LINE_CUT_OFF', raw);
    } else if (last - start > DATE_LENGTH && isCutLine(s.toString('latin1', start, last - DATE_LENGTH)) && this.scanDate(s, last - DATE_LENGTH, this.lineNo)) {
      // A log cut off by a crash, then another appended to it: the date starts the next sample.
      this.samples.warn(this.lineNo, 'LINE_JOINED', display(s.toString('latin1', start, last - DATE_LENGTH)));
    } else if (DATE_SHAPE.test(text)) {
      this.samples.badDate(raw, this.lineNo);
    } else if (ROW_SHAPE.test(text)) {
      this.samples.warn(this.lineNo, 'ROW_MALFORMED', raw);
    } else if (DATE_INSIDE.test(text)) {
      this.samples.warn(this.lineNo, 'DATE_EMBEDDED', raw);
    } else {
      this.samples.warn(this.lineNo, 'STRAY_LINE', raw);
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
    this.samples.startSample(this.dayStart + ((hour * 60 + minute) * 60 + second) * 1000, line);
    return true;
  }

  private domainLine(text: string): void {
    const m = DOMAIN_LINE.exec(text);
    if (m === null) {
      this.samples.warn(this.lineNo, 'DOMAIN_MALFORMED', text);
      return;
    }
    this.samples.enterDomain(Number(m[1]), this.lineNo);
  }
}
