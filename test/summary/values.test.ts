// The typed column behind the statistics: int32 while values fit, float64 after, sorted numerically.
import { describe, expect, it } from 'vitest';
import { Values } from '../../src/summary/values.js';

describe('Values', () => {
  it('grows past its first capacity and sorts numerically (not as text)', () => {
    const v = new Values();
    const input = Array.from({ length: 1000 }, (_, i) => ((i * 7919) % 1000) - 500);
    for (const x of input) v.push(x);
    expect(v.length).toBe(1000);
    expect(v.wide).toBe(false);
    expect([...v.sorted()]).toEqual([...input].sort((a, b) => a - b));
  });

  it('moves to float64 for a value beyond int32, keeping the values before it', () => {
    const v = new Values();
    v.push(-951_229);
    v.push(2 ** 31);
    v.push(-(2 ** 40));
    v.push(7);
    expect(v.wide).toBe(true);
    expect([...v.sorted()]).toEqual([-(2 ** 40), -951_229, 7, 2 ** 31]);
  });

  it('moves to float64 for a fraction', () => {
    const v = new Values();
    v.push(1);
    v.push(0.5);
    expect(v.wide).toBe(true);
    expect([...v.sorted()]).toEqual([0.5, 1]);
  });

  it('stays int32 at the int32 limits', () => {
    const v = new Values();
    v.push(2 ** 31 - 1);
    v.push(-(2 ** 31));
    expect(v.wide).toBe(false);
    expect([...v.sorted()]).toEqual([-(2 ** 31), 2 ** 31 - 1]);
  });
});
