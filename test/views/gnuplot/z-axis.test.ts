import { describe, expect, it } from 'vitest';
import { binSamples } from '../../../src/summary/bins.js';
import { countBeyond, zLimits, zTics } from '../../../src/views/gnuplot/z-axis.js';
import { sample } from './samples.js';

describe('zLimits', () => {
  const bins = binSamples([sample(0, [-2_766_076, 300]), sample(10, [-20, 700])], { maxBins: 100 });

  it('keeps a fixed range as given', () => {
    expect(zLimits(bins, { kind: 'fixed', min: -1000, max: 1000 })).toEqual({ min: -1000, max: 1000, auto: false });
  });

  it('spans exactly the data and zero with auto', () => {
    expect(zLimits(bins, { kind: 'auto' })).toEqual({ min: -2_766_076, max: 700, auto: true });
    const positive = binSamples([sample(0, [300]), sample(10, [700])], { maxBins: 100 });
    expect(zLimits(positive, { kind: 'auto' })).toEqual({ min: 0, max: 700, auto: true });
    const empty = binSamples([], { maxBins: 100 });
    expect(zLimits(empty, { kind: 'auto' })).toEqual({ min: 0, max: 1, auto: true });
  });
});

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

describe('countBeyond', () => {
  it('counts the plotted values below and above the limits', () => {
    const bins = binSamples([sample(0, [-5000, 5000, 0]), sample(10, [-5000, 0, 0])], { maxBins: 100 });
    expect(countBeyond(bins, { min: -1000, max: 1000, auto: false })).toEqual({ below: 2, above: 1, total: 6 });
  });
});
