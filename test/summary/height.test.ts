import { describe, expect, it } from 'vitest';
import { binSamples } from '../../src/summary/bins.js';
import { countClipped, heightLimits, niceStep } from '../../src/summary/height.js';
import { sample } from '../views/gnuplot/samples.js';

describe('niceStep', () => {
  it('is 1, 2 or 5 times a power of ten, for at most the asked number of ticks', () => {
    expect([niceStep(2000, 7), niceStep(2000, 4), niceStep(2_800_000, 7), niceStep(1, 10)]).toEqual([500, 500, 500_000, 0.1]);
  });
});

describe('heightLimits', () => {
  const bins = binSamples([sample(0, [-2_766_076, 300]), sample(10, [-20, 700])], { maxBins: 100 });

  it('keeps a fixed range as given', () => {
    expect(heightLimits({ kind: 'fixed', min: -1000, max: 1000 }, bins)).toEqual({ min: -1000, max: 1000, auto: false });
  });

  it('spans exactly the data and zero with auto', () => {
    expect(heightLimits({ kind: 'auto' }, bins)).toEqual({ min: -2_766_076, max: 700, auto: true });
    const positive = binSamples([sample(0, [300]), sample(10, [700])], { maxBins: 100 });
    expect(heightLimits({ kind: 'auto' }, positive)).toEqual({ min: 0, max: 700, auto: true });
    const empty = binSamples([], { maxBins: 100 });
    expect(heightLimits({ kind: 'auto' }, empty)).toEqual({ min: 0, max: 1, auto: true });
  });
});

describe('countClipped', () => {
  it('counts the plotted values below and above the limits', () => {
    const bins = binSamples([sample(0, [-5000, 5000, 0]), sample(10, [-5000, 0, 0])], { maxBins: 100 });
    expect(countClipped(bins, { min: -1000, max: 1000 })).toEqual({ below: 2, above: 1, bars: 6 });
  });
});
