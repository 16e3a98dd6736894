import { describe, expect, it } from 'vitest';
import { binSamples } from '../../src/summary/bins.js';
import { countClipped, formatHeight, heightLimits, niceStep, splitPosition, splitScale, splitTicks, UPPER_SHARE } from '../../src/summary/height.js';
import { heightScale } from '../../src/views/chart/height-scale.js';
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

describe('the split height scale', () => {
  const bins = binSamples([sample(0, [-1_662_916, 500, 1000]), sample(10, [-91, 455, 998])], { maxBins: 100 });
  const scale = splitScale(bins);

  it('reaches down to the lowest value of any bin, and at least to −1,000', () => {
    expect(scale).toEqual({ kind: 'split', min: -1_662_916, max: 1000 });
    expect(splitScale(binSamples([sample(0, [300, 700])], { maxBins: 10 })).min).toBe(-1000);
  });

  it('gives 0 to 1,000 the top of the height, linearly, and below 0 a decade of A / 2^order the same height each', () => {
    const plane = 1 - UPPER_SHARE;
    expect(splitPosition(scale, 0)).toBeCloseTo(plane, 12);
    expect(splitPosition(scale, 500)).toBeCloseTo(plane + UPPER_SHARE / 2, 12);
    expect(splitPosition(scale, 1000)).toBe(1);
    expect(splitPosition(scale, 5000)).toBe(1);
    expect(splitPosition(scale, scale.min)).toBe(0);
    // −9,000 and −99,000 are one and two decades of 1 + |v|/1000 down: equal steps.
    const step1 = splitPosition(scale, 0) - splitPosition(scale, -9000);
    const step2 = splitPosition(scale, -9000) - splitPosition(scale, -99_000);
    expect(step1).toBeCloseTo(step2, 12);
    // Monotone across the plane.
    const values = [-1_662_916, -100_000, -1000, -1, 0, 1, 250, 999, 1000];
    const positions = values.map((v) => splitPosition(scale, v));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('ticks 0 to 1,000 at a nice step and each decade below, thinned when they would crowd', () => {
    expect(splitTicks(scale, 4, 0.02)).toEqual([-1_000_000, -100_000, -10_000, -1000, 0, 500, 1000]);
    expect(splitTicks(scale, 10, 0.02).slice(4)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    // Ticks at least 11% of the height apart: −1,000 would crowd the plane's 0.
    expect(splitTicks(scale, 4, 0.11)).toEqual([-1_000_000, -100_000, -10_000, 0, 500, 1000]);
    // 20%: −10,000 crowds 0 as well, and the decades left are closer than that: every other one.
    expect(splitTicks(scale, 4, 0.2)).toEqual([-100_000, 0, 500, 1000]);
  });

  it('labels heights as people write FMFI, never in SI units that read as block sizes', () => {
    expect([-1_000_000, -10_000, -1000, -500, 0, 250, 1000, 0.5, -2.5].map(formatHeight)).toEqual([
      '−1,000,000', '−10,000', '−1,000', '−500', '0', '250', '1,000', '0.5', '−2.5',
    ]);
    const { bins: big } = { bins: binSamples([sample(0, [-2_766_076, 300])], { maxBins: 10 }) };
    for (const range of [{ kind: 'split' } as const, { kind: 'auto' } as const]) {
      const labels = heightScale(range, big, 300).labels;
      expect(labels.length).toBeGreaterThan(2);
      for (const label of labels) expect(label).toMatch(/^−?\d{1,3}(,\d{3})*(\.\d+)?$/);
    }
  });
});
