// FMFI rows as bytes: the kernel's exact format read at fixed positions, and the general scanner behind it.
//
// A log is nearly all FMFI rows, and the kernel prints every one with the same
// sbuf_printf formats, `"  %2d (%6dK) "` then `"|  %ld \n"`: for orders below 100
// and blocks below 1,000,000K every field but the FMFI sits at a fixed column. Orders
// run to 63 and block sizes to 2^53 KiB at most (MAX_ORDER, MAX_SIZE_KIB). The
// fast path reads such a row without searching for its end first and checks its fixed
// bytes a word at a time; anything else (other widths, tabs, CRLF, damage) is left to
// `scanRow`, which alone decides what a row is. Every row the fast path accepts,
// `scanRow` accepts with the same values (test/formats/frag-idx/row-scan.test.ts checks it).
import { MAX_ORDER, MAX_SIZE_KIB } from '../limits.js';

const SPACE = 32;
const TAB = 9;
const LF = 10;
const DASH = 45;
const ZERO = 48;
const NINE = 57;
const OPEN = 40; // (
const CLOSE = 41; // )
const K = 75;
const BAR = 124; // |

/** 2^53 as digits (16 of them): a size of as many digits is compared with it digit by digit, as the sum is no longer exact there. */
const MAX_SIZE_TEXT = Buffer.from(String(MAX_SIZE_KIB), 'latin1');
const MAX_SIZE_DIGITS = MAX_SIZE_TEXT.length;

/** Whether the digits at s[start, start + MAX_SIZE_DIGITS) name a number above MAX_SIZE_KIB. */
function aboveMaxSize(s: Uint8Array, start: number): boolean {
  for (let i = 0; i < MAX_SIZE_DIGITS; i++) {
    const d = s[start + i]! - MAX_SIZE_TEXT[i]!;
    if (d !== 0) return d > 0;
  }
  return false;
}

/** What a scanner read from a row. One object is reused for every line: scanning allocates nothing. */
export class RowScan {
  order = 0;
  sizeKiB = 0;
  fmfi = 0;
  /** Whether blanks followed the number: the kernel always writes one, so without it the row may be cut off. */
  trailingBlank = false;
}

/**
 * Scans the line `s[start, end)` (without its line end) as `  %2d (%6dK) |  %ld `,
 * leniently about blanks and field widths, strictly about everything else.
 */
export function scanRow(s: Uint8Array, start: number, end: number, out: RowScan): boolean {
  // Where a field ends the line early, s[p] is its line end (or past the buffer),
  // which no test below accepts.
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
  if (p - orderStart > 6 || order > MAX_ORDER || s[p]! !== SPACE || s[p + 1]! !== OPEN) return false;
  p += 2;
  while (p < end && s[p]! === SPACE) p++;
  let size = 0;
  const sizeStart = p;
  while (p < end && (c = s[p]!) >= ZERO && c <= NINE) {
    size = size * 10 + (c - ZERO);
    p++;
  }
  const sizeDigits = p - sizeStart;
  if (sizeDigits === 0 || sizeDigits > MAX_SIZE_DIGITS || (sizeDigits === MAX_SIZE_DIGITS && aboveMaxSize(s, sizeStart))) return false;
  if (s[p]! !== K || s[p + 1]! !== CLOSE || s[p + 2]! !== SPACE || s[p + 3]! !== BAR) return false;
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
  while (p < end && (s[p]! === SPACE || s[p]! === TAB)) p++;
  if (p !== end) return false;
  out.order = order;
  out.sizeKiB = size;
  out.fmfi = negative ? -fmfi : fmfi;
  out.trailingBlank = end > valueEnd;
  return true;
}

/** The shortest row the kernel writes: 18 fixed bytes, one digit, its blank and the newline. */
const SHORTEST_ROW = 21;
/** Up to 15 digits every value is a safe integer; longer ones go to `scanRow`, which checks. */
const MAX_FAST_DIGITS = 15;
/** The longest row `scanKernelRow` accepts, newline excluded: 18 fixed bytes, a sign, the digits and the blank. */
export const LONGEST_KERNEL_ROW = 18 + 1 + MAX_FAST_DIGITS + 1;
// The fixed bytes of a row read as little-endian words: one bounds check for several bytes.
const BLANK_BLANK = 0x2020; // "  "
const BLANK_OPEN = 0x2820; // " ("
const K_CLOSE_BLANK_BAR = 0x7c20294b; // "K) |"

/**
 * Per order, the six bytes of the size field of the last kernel row of that order read
 * (the first four as an int32, the last two as a uint16), and their value. Parsing the
 * field took a quarter of the time of reading a log: its count of blanks changes from row
 * to row, and the processor mispredicted the loops. The bytes alone decide the value, so
 * the memo is shared by every log; a tail of -1 matches no bytes (nothing read yet).
 */
const sizeHeadOf = new Int32Array(MAX_ORDER + 1);
const sizeTailOf = new Int32Array(MAX_ORDER + 1).fill(-1);
const sizeOf = new Int32Array(MAX_ORDER + 1);

/** The %6d block size at s[q, q + 6): blanks, then at least one digit; or -1. */
function readSize(s: Uint8Array, q: number): number {
  const end = q + 6;
  while (q < end - 1 && s[q]! === SPACE) q++;
  let size = 0;
  for (; q < end; q++) {
    const d = s[q]! - ZERO;
    if (d < 0 || d > 9) return -1;
    size = size * 10 + d;
  }
  return size;
}

/**
 * Reads the row at `s[p]` if it is exactly what the kernel writes, LF included:
 *
 *     0         1         2
 *     0123456789012345678901234
 *       12 ( 16384K) |  -9512 ⏎
 *
 * `view` is a DataView of the same bytes; `n` where they end. Returns the index just
 * past the LF, or -1: then `scanRow` decides what the line is.
 */
export function scanKernelRow(s: Uint8Array, view: DataView, p: number, n: number, out: RowScan): number {
  if (p + SHORTEST_ROW > n) return -1;
  if (
    view.getUint16(p + 4, true) !== BLANK_OPEN || // first: "  ORDER (SIZE)" and other lines leave here
    view.getUint32(p + 12, true) !== K_CLOSE_BLANK_BAR ||
    view.getUint16(p, true) !== BLANK_BLANK ||
    view.getUint16(p + 16, true) !== BLANK_BLANK
  ) {
    return -1;
  }
  // %2d: a blank or a digit, then a digit.
  let d = s[p + 3]! - ZERO;
  if (d < 0 || d > 9) return -1;
  let order = d;
  const tens = s[p + 2]!;
  if (tens !== SPACE) {
    d = tens - ZERO;
    if (d < 0 || d > 9) return -1;
    order += d * 10;
    if (order > MAX_ORDER) return -1;
  }
  // %6d: blanks, then at least one digit, up to the K. An order has the same block size
  // in every sample, so its six bytes are nearly always those read last for that order.
  const head = view.getInt32(p + 6, true);
  const tail = view.getUint16(p + 10, true);
  let size: number;
  if (tail === sizeTailOf[order] && head === sizeHeadOf[order]) {
    size = sizeOf[order]!;
  } else {
    size = readSize(s, p + 6);
    if (size < 0) return -1;
    sizeHeadOf[order] = head;
    sizeTailOf[order] = tail;
    sizeOf[order] = size;
  }
  // %ld, its blank and the newline.
  let q = p + 18;
  const negative = s[q]! === DASH;
  if (negative) q++;
  const digits = q;
  let fmfi = 0;
  while (q < n) {
    d = s[q]! - ZERO;
    if (d < 0 || d > 9) break;
    fmfi = fmfi * 10 + d;
    q++;
  }
  if (q === digits || q - digits > MAX_FAST_DIGITS || q + 1 >= n || s[q]! !== SPACE || s[q + 1]! !== LF) return -1;
  out.order = order;
  out.sizeKiB = size;
  out.fmfi = negative ? -fmfi : fmfi;
  out.trailingBlank = true;
  return q + 2;
}
