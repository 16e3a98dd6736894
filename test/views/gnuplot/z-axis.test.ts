import { describe, expect, it } from 'vitest';
import { zTics } from '../../../src/views/gnuplot/z-axis.js';

describe('zTics', () => {
  it('labels plain numbers in the usual range', () => {
    expect(zTics({ min: -1000, max: 1000, auto: false }, 7).map((t) => t.label)).toEqual(['-1000', '-500', '0', '500', '1000']);
  });

  it('labels in k and M when the range reaches into the millions', () => {
    expect(zTics({ min: -3_000_000, max: 500_000, auto: true }, 7).map((t) => t.label)).toEqual([
      '-3M', '-2.5M', '-2M', '-1.5M', '-1M', '-500k', '0', '500k',
    ]);
  });
});
