// The typed column behind the statistics: int16, then int32, then float64, sorted numerically.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Values } from '../../src/summary/values.js';

function column(values: readonly number[]): Values {
  const v = new Values();
  for (const x of values) v.push(x);
  return v;
}

describe('Values', () => {
  it('grows past its first capacity and sorts numerically (not as text)', () => {
    const input = Array.from({ length: 1000 }, (_, i) => ((i * 7919) % 1000) - 500);
    const v = column(input);
    expect(v.length).toBe(1000);
    expect(v.bytesPerValue).toBe(2);
    expect([...v.sorted()]).toEqual([...input].sort((a, b) => a - b));
  });

  it('stays at 2 bytes a value at the int16 limits', () => {
    const v = column([32767, -32768]);
    expect(v.bytesPerValue).toBe(2);
    expect([...v.sorted()]).toEqual([-32768, 32767]);
  });

  it('moves to 4 bytes for a value beyond int16, keeping the values before it', () => {
    const input = [...Array.from({ length: 100 }, (_, i) => i - 50), -951_229, 2 ** 31 - 1, -(2 ** 31)];
    const v = column(input);
    expect(v.bytesPerValue).toBe(4);
    expect([...v.sorted()]).toEqual([...input].sort((a, b) => a - b));
  });

  it('moves to 8 bytes for a value beyond int32, from int16 or int32', () => {
    expect(column([1, 2 ** 31]).bytesPerValue).toBe(8);
    const v = column([-951_229, 7, -(2 ** 40), 2 ** 31]);
    expect(v.bytesPerValue).toBe(8);
    expect([...v.sorted()]).toEqual([-(2 ** 40), -951_229, 7, 2 ** 31]);
  });

  it('moves to 8 bytes for a fraction', () => {
    const v = column([1, 0.5]);
    expect(v.bytesPerValue).toBe(8);
    expect([...v.sorted()]).toEqual([0.5, 1]);
  });

  it('finds at any ranks the values sorted() has there', () => {
    // Few distinct values (as FMFI columns have: runs of -1000, 0, 1000) and many; every kind of column.
    const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -40_000, max: 40_000 }), fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.double({ noNaN: false }));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 3000 }), fc.array(fc.nat(), { maxLength: 6 }), (values, picks) => {
        const ranks = [0, values.length - 1, ...picks.map((p) => p % values.length)];
        const sorted = column(values).sorted();
        const found = column(values).atRanks(ranks);
        return found.every((x, i) => Object.is(x, sorted[ranks[i]!]));
      }),
    );
  });

  it('stays fast and right on orders that are hard for quickselect', () => {
    const n = 200_000;
    const shapes = [
      Array.from({ length: n }, (_, i) => i), // ascending
      Array.from({ length: n }, (_, i) => n - i), // descending
      Array.from({ length: n }, (_, i) => (i % 2 === 0 ? i : n - i)), // organ pipe
      Array.from({ length: n }, () => 7), // all equal
      Array.from({ length: n }, (_, i) => i % 3), // three values
    ];
    for (const values of shapes) {
      const ranks = [0, n >> 1, Math.floor(n * 0.9), n - 1];
      const sorted = column(values).sorted();
      expect(column(values).atRanks(ranks)).toEqual(ranks.map((r) => sorted[r]));
    }
  });

  it('refuses a rank it has no value at', () => {
    expect(() => column([1, 2]).atRanks([2])).toThrow(RangeError);
    expect(() => column([]).atRanks([0])).toThrow(RangeError);
    expect(() => column([1]).atRanks([0.5])).toThrow(RangeError);
  });
});
