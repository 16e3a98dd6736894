// The typed column behind the statistics: int16, then int32, then float64, sorted numerically.
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
});
