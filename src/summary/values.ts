// A growable column of numbers in a typed array: 4 bytes a value while they fit an int32, 8 after.

const FIRST_CAPACITY = 64;

/**
 * Values appended one at a time, sorted once at the end. A million samples × 13 orders
 * as plain arrays of numbers would cost about twice as much memory, and sorting a typed
 * array compares numbers natively instead of calling back into JavaScript.
 */
export class Values {
  private data: Int32Array | Float64Array = new Int32Array(FIRST_CAPACITY);
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(value: number): void {
    let data = this.data;
    if (this.count === data.length) data = this.resize(data instanceof Int32Array, data.length * 2);
    // A value beyond int32 (or a fraction): the column moves to Float64Array for good.
    if (data instanceof Int32Array && (value | 0) !== value) data = this.resize(false, data.length);
    data[this.count++] = value;
  }

  /** The values in ascending order, sorted in place: push() after it appends to a sorted prefix. */
  sorted(): Int32Array | Float64Array {
    return this.data.subarray(0, this.count).sort();
  }

  /** True once a value did not fit an int32 (for tests and memory accounting). */
  get wide(): boolean {
    return this.data instanceof Float64Array;
  }

  private resize(int32: boolean, capacity: number): Int32Array | Float64Array {
    const next = int32 ? new Int32Array(capacity) : new Float64Array(capacity);
    next.set(this.data.subarray(0, this.count));
    this.data = next;
    return next;
  }
}
