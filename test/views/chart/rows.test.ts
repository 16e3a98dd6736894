import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { px } from '../../../src/views/chart/rows.js';

/** What px writes: the tenths of a pixel as String() writes the nearest double. */
const asString = (v: number): string => String(Math.round(v * 10) / 10);

describe('px', () => {
  it('writes what String() writes for the value rounded to tenths', () => {
    fc.assert(fc.property(fc.double(), (v) => px(v) === asString(v)));
    // Pixel coordinates, where nearly all of a chart's numbers are.
    fc.assert(fc.property(fc.double({ min: -5000, max: 5000 }), (v) => px(v) === asString(v)));
    fc.assert(fc.property(fc.integer({ min: -50_000, max: 50_000 }), fc.constantFrom(0, 0.05, -0.05, 0.04999, -0.05001), (tenths, nudge) => {
      const v = tenths / 10 + nudge;
      return px(v) === asString(v);
    }));
  });

  it('writes the edge cases as String() does', () => {
    for (const v of [0, -0, 0.04, -0.04, -0.05, 0.05, -0.06, 214748364.7, 214748364.8, -214748364.8, -214748364.9, 1e21, -1e-300, NaN, Infinity, -Infinity]) {
      expect(px(v)).toBe(asString(v));
    }
  });
});
