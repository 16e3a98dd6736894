// A growable column of numbers in a typed array: 2 bytes a value while they fit an int16, 4 for int32, 8 after.

const FIRST_CAPACITY = 64;

type Column = Int16Array | Int32Array | Float64Array;

/** What each kind of column holds: its range, and whether a fraction fits. */
const KINDS = [
  { make: (n: number): Column => new Int16Array(n), low: -(2 ** 15), high: 2 ** 15 - 1 },
  { make: (n: number): Column => new Int32Array(n), low: -(2 ** 31), high: 2 ** 31 - 1 },
  { make: (n: number): Column => new Float64Array(n), low: -Infinity, high: Infinity },
] as const;

/**
 * Values appended one at a time, sorted once at the end. A million samples × 13 orders
 * as plain arrays of numbers would cost 8 bytes a value and more; FMFI of the higher
 * orders fits in 2 bytes (it is at most 1000, and rarely below -32768 from order 5 on),
 * and sorting a typed array compares numbers natively instead of calling back into
 * JavaScript. A value that does not fit moves the column to the next kind for good.
 */
export class Values {
  private data: Column = new Int16Array(FIRST_CAPACITY);
  private kind = 0;
  private low: number = KINDS[0].low;
  private high: number = KINDS[0].high;
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(value: number): void {
    if (value < this.low || value > this.high || (this.kind < 2 && Math.floor(value) !== value)) this.widen(value);
    if (this.count === this.data.length) this.resize(this.kind, this.data.length * 2);
    this.data[this.count++] = value;
  }

  /** The values in ascending order, sorted in place: push() after it appends to a sorted prefix. */
  sorted(): Column {
    return this.data.subarray(0, this.count).sort();
  }

  /** Bytes per value now: 2, 4 or 8 (for tests and memory accounting). */
  get bytesPerValue(): number {
    return this.data.BYTES_PER_ELEMENT;
  }

  private widen(value: number): void {
    let kind = this.kind + 1;
    // NaN and fractions go straight to float64; an int32 skips int16's step.
    while (kind < 2 && !(value >= KINDS[kind]!.low && value <= KINDS[kind]!.high && Math.floor(value) === value)) kind++;
    this.resize(kind, this.data.length);
  }

  private resize(kind: number, capacity: number): void {
    const k = KINDS[kind]!;
    const next = k.make(capacity);
    next.set(this.data.subarray(0, this.count));
    this.data = next;
    this.kind = kind;
    this.low = k.low;
    this.high = k.high;
  }
}
