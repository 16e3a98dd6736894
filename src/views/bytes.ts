// A growing byte buffer for ASCII output: numbers and short strings go in without allocating strings.
//
// `fmfi-plot csv` and `fmfi-plot metrics` write one line per row, millions of lines for a long
// log; building them as JS strings made the garbage collector the largest cost (`npm run bench`).
// Hot writers reserve room once, then write into `buf` at `length` themselves.

/** The most bytes `writeInt` writes: a sign and the 16 digits of the largest safe integer. */
export const MAX_INT_BYTES = 17;

/** Buffers kept for reuse; a writer waiting on output holds two or three at a time. */
const MAX_SPARE = 4;

const DASH = 45;
const ZERO = 48;

/** "00" "01" … "99": two digits per division by 100 halves the divisions of a number. */
const PAIRS = new Uint8Array(200);
for (let i = 0; i < 100; i++) {
  PAIRS[2 * i] = ZERO + Math.floor(i / 10);
  PAIRS[2 * i + 1] = ZERO + (i % 10);
}

/** How many decimal digits `v` (0 ≤ v < 2^31) has. */
function digitsOf(v: number): number {
  if (v < 10) return 1;
  if (v < 100) return 2;
  if (v < 1000) return 3;
  if (v < 10000) return 4;
  if (v < 100000) return 5;
  if (v < 1000000) return 6;
  if (v < 10000000) return 7;
  if (v < 100000000) return 8;
  if (v < 1000000000) return 9;
  return 10;
}

/**
 * Writes a safe integer in decimal at buf[p], as printf's %d; returns the index after it.
 * The caller has made room for MAX_INT_BYTES.
 */
export function writeInt(buf: Uint8Array, p: number, n: number): number {
  let v = n;
  if (v < 0) {
    buf[p++] = DASH;
    v = -v;
  }
  if (v < 10) {
    buf[p] = ZERO + v; // every order below 10, and many FMFIs
    return p + 1;
  }
  if (v > 0x7fffffff) return writeLarge(buf, p, v);
  // int32 arithmetic: V8 divides an int32 by a constant with a multiplication.
  let x = v | 0;
  const end = p + digitsOf(x);
  let q = end;
  while (x >= 100) {
    const hi = (x / 100) | 0;
    const pair = (x - hi * 100) * 2;
    buf[--q] = PAIRS[pair + 1]!;
    buf[--q] = PAIRS[pair]!;
    x = hi;
  }
  if (x >= 10) {
    buf[--q] = PAIRS[x * 2 + 1]!;
    buf[--q] = PAIRS[x * 2]!;
  } else {
    buf[--q] = ZERO + x;
  }
  return end;
}

/** Numbers beyond int32 (a block size of terabytes, a wild FMFI): rare, so plain. */
function writeLarge(buf: Uint8Array, p: number, n: number): number {
  let digits = 1;
  for (let t = n; t >= 10; t = Math.floor(t / 10)) digits++;
  const end = p + digits;
  let q = end;
  let v = n;
  do {
    const hi = Math.floor(v / 10);
    buf[--q] = ZERO + (v - hi * 10);
    v = hi;
  } while (v > 0);
  return end;
}

function viewOf(buf: Buffer): DataView {
  return new DataView(buf.buffer, buf.byteOffset, buf.length);
}

export class ByteBuilder {
  /** The bytes so far are buf[0, length); writers that reserved room write here directly. */
  buf: Buffer;
  /** `buf` again, for writers that store several bytes at once. */
  view: DataView;
  length = 0;
  private readonly spare: Buffer[] = [];

  constructor(capacity = 1 << 16) {
    this.buf = Buffer.allocUnsafe(capacity);
    this.view = viewOf(this.buf);
  }

  /** Makes room for `n` more bytes (this may replace `buf`). */
  reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + n));
    this.buf.copy(bigger, 0, 0, this.length);
    this.use(bigger);
  }

  private use(buf: Buffer): void {
    this.buf = buf;
    this.view = viewOf(buf);
  }

  /** Appends an ASCII (or latin1) string. */
  ascii(s: string): void {
    this.reserve(s.length);
    this.length += this.buf.write(s, this.length, 'latin1');
  }

  /** Appends bytes made once (a series' name and labels, UTF-8). */
  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  byte(c: number): void {
    this.reserve(1);
    this.buf[this.length++] = c;
  }

  /** Appends a safe integer in decimal, as printf's %d. */
  int(n: number): void {
    this.reserve(MAX_INT_BYTES);
    this.length = writeInt(this.buf, this.length, n);
  }

  /**
   * The content, and the builder emptied. The bytes are handed over, not copied: the
   * builder carries on in another buffer, one given back with `recycle` if there is
   * one, since fresh memory costs a page fault every few kilobytes it is written to.
   */
  take(): Buffer {
    const out = this.buf.subarray(0, this.length);
    this.use(this.spare.pop() ?? Buffer.allocUnsafe(this.buf.length));
    this.length = 0;
    return out;
  }

  /**
   * Gives back bytes from `take` once they have been written: the builder may write over
   * them. Only a buffer of its own is kept (a small one may share Node's buffer pool).
   */
  recycle(taken: Uint8Array): void {
    const whole = taken.buffer;
    if (taken.byteOffset === 0 && whole.byteLength === this.buf.length && this.spare.length < MAX_SPARE) {
      this.spare.push(Buffer.from(whole, 0, whole.byteLength));
    }
  }

  toString(): string {
    return this.buf.toString('latin1', 0, this.length);
  }
}
