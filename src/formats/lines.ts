// Chunks of a log → numbered text lines, for the formats whose logs are small enough to read line by line as strings.
//
// The vm.phys_frag_idx scanner has its own byte-level loop (it is benchmarked on logs of
// millions of lines); the count formats print a dozen lines per domain and zone, so a
// plain splitter does. Lines longer than the limit are skipped as they stream by, CRLF
// is said once, and a last line without its newline is marked as possibly cut off.
import { CR, LF } from './bytes.js';

const DEFAULT_MAX_LINE = 64 * 1024;
const EMPTY = Buffer.alloc(0);

export interface LineHandler {
  /** One line without its newline (and without a CR before it); `complete` is false for a last line without a newline. */
  line(text: string, lineNo: number, complete: boolean): void;
  /** The first CRLF line end, at `lineNo`. */
  crlf(lineNo: number): void;
  /** A line longer than `limit` bytes at `lineNo`, skipped. */
  longLine(lineNo: number, limit: number): void;
}

export class LineSplitter {
  private carry: Buffer = EMPTY;
  private skipping = false;
  private sawCrlf = false;
  private lineNo = 0;
  private readonly maxLine: number;

  constructor(
    private readonly handler: LineHandler,
    maxLineLength: number = DEFAULT_MAX_LINE,
  ) {
    this.maxLine = maxLineLength;
  }

  get lines(): number {
    return this.lineNo;
  }

  write(chunk: Buffer | string): void {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    let start = 0;
    for (;;) {
      const nl = buf.indexOf(LF, start);
      if (nl < 0) break;
      this.lineNo++;
      if (this.skipping) {
        this.skipping = false;
      } else if (this.carry.length > 0) {
        const line = Buffer.concat([this.carry, buf.subarray(start, nl)]);
        this.carry = EMPTY;
        this.emit(line, 0, line.length, true);
      } else {
        this.emit(buf, start, nl, true);
      }
      start = nl + 1;
    }
    if (start < buf.length && !this.skipping) {
      const rest = Buffer.concat([this.carry, buf.subarray(start)]);
      if (rest.length > this.maxLine) {
        this.handler.longLine(this.lineNo + 1, this.maxLine);
        this.skipping = true;
        this.carry = EMPTY;
      } else {
        this.carry = rest;
      }
    }
  }

  /** The last line, if it has no newline. */
  end(): void {
    if (this.skipping) {
      this.lineNo++;
      this.skipping = false;
    } else if (this.carry.length > 0) {
      this.lineNo++;
      const text = this.carry;
      this.carry = EMPTY;
      this.emit(text, 0, text.length, false);
    }
  }

  private emit(s: Buffer, start: number, end: number, complete: boolean): void {
    if (end - start > this.maxLine) {
      this.handler.longLine(this.lineNo, this.maxLine);
      return;
    }
    if (end > start && s[end - 1] === CR) {
      end--;
      if (!this.sawCrlf) {
        this.sawCrlf = true;
        this.handler.crlf(this.lineNo);
      }
    }
    this.handler.line(s.toString('latin1', start, end), this.lineNo, complete);
  }
}
