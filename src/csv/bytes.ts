// A growing byte buffer for ASCII output: numbers and short strings go in without allocating strings.
//
// `fmfi-plot csv` writes one line per row, over a million lines for a long log; building
// them as JS strings made the garbage collector the largest cost (`npm run bench`).

export class ByteBuilder {
  private buf: Buffer;
  length = 0;

  constructor(capacity = 1 << 16) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + n));
    this.buf.copy(bigger, 0, 0, this.length);
    this.buf = bigger;
  }

  /** Appends an ASCII (or latin1) string. */
  ascii(s: string): void {
    this.reserve(s.length);
    this.length += this.buf.write(s, this.length, 'latin1');
  }

  /** Appends bytes, copied one by one: for a few bytes that beats a native call. */
  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    for (let i = 0; i < b.length; i++) this.buf[this.length++] = b[i]!;
  }

  byte(c: number): void {
    this.reserve(1);
    this.buf[this.length++] = c;
  }

  /** Appends a safe integer in decimal, as printf's %d. */
  int(n: number): void {
    this.reserve(17);
    const buf = this.buf;
    let p = this.length;
    let v = n;
    if (v < 0) {
      buf[p++] = 45; // -
      v = -v;
    }
    // Count the digits, then write them from the last; int32 arithmetic where it fits,
    // since nearly every FMFI does and V8 divides int32 by a constant without a division.
    let digits = 1;
    for (let t = v; t >= 10; t = Math.floor(t / 10)) digits++;
    p += digits;
    this.length = p;
    if (v <= 0x7fffffff) {
      let x = v | 0;
      do {
        const q = (x / 10) | 0;
        buf[--p] = 48 + x - q * 10;
        x = q;
      } while (x > 0);
    } else {
      do {
        const q = Math.floor(v / 10);
        buf[--p] = 48 + (v - q * 10);
        v = q;
      } while (v > 0);
    }
  }

  /** A copy of the content, and the builder emptied for reuse. */
  take(): Buffer {
    const out = Buffer.from(this.buf.subarray(0, this.length));
    this.length = 0;
    return out;
  }

  toString(): string {
    return this.buf.toString('latin1', 0, this.length);
  }
}
