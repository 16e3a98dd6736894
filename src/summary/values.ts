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

  /**
   * The values that stand at these places (0-based, ascending) of the values in ascending
   * order: what sorted() would give at them, found without sorting all. Reorders the values
   * in place (push() after it appends as before).
   */
  atRanks(ranks: readonly number[]): number[] {
    const a = this.data.subarray(0, this.count);
    for (const r of ranks) if (!(Number.isInteger(r) && r >= 0 && r < a.length)) throw new RangeError(`atRanks: no value at ${r} of ${a.length}`);
    // Doubles may hold NaN, which compares with nothing: sorted as sort() orders them, last.
    if (this.kind === 2) {
      const sorted = this.sorted();
      return ranks.map((r) => sorted[r]!);
    }
    const order = ranks.map((r, i) => [r, i] as const).sort((x, y) => x[0] - y[0]);
    const out = new Array<number>(ranks.length);
    // After select(r), everything from r on is at least a[r]: the next rank is looked for there.
    let from = 0;
    for (const [r, i] of order) {
      select(a, from, a.length - 1, r);
      from = r;
      out[i] = a[r]!;
    }
    return out;
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

/**
 * Puts the value of rank k (in ascending order) of a[lo..hi] at a[k], the smaller ones
 * before it and the others after it: quickselect, on the median of three, partitioned as
 * Hoare did (runs of equal values, common in FMFI columns, split evenly). After more rounds
 * than a fair split takes, the rest is sorted instead, so no order of values makes it slow.
 */
function select(a: Column, lo: number, hi: number, k: number): void {
  let rounds = 2 * Math.ceil(Math.log2(hi - lo + 2)) + 8;
  while (hi > lo) {
    if (hi - lo < 16 || rounds-- === 0) {
      a.subarray(lo, hi + 1).sort();
      return;
    }
    const mid = lo + ((hi - lo) >> 1);
    // The median of a[lo], a[mid], a[hi] as the pivot.
    if (a[mid]! < a[lo]!) swap(a, mid, lo);
    if (a[hi]! < a[lo]!) swap(a, hi, lo);
    if (a[hi]! < a[mid]!) swap(a, hi, mid);
    const pivot = a[mid]!;
    let i = lo - 1;
    let j = hi + 1;
    for (;;) {
      do i++;
      while (a[i]! < pivot);
      do j--;
      while (a[j]! > pivot);
      if (i >= j) break;
      swap(a, i, j);
    }
    // a[lo..j] ≤ pivot ≤ a[j+1..hi]
    if (k <= j) hi = j;
    else lo = j + 1;
  }
}

function swap(a: Column, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
