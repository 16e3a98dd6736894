import { describe, expect, it } from 'vitest';
import { binSamples } from '../../src/summary/bins.js';
import type { Sample } from '../../src/model.js';

const T0 = Date.UTC(2024, 3, 8, 10, 0);

function samples(count: number, intervalSeconds: number, pauseAfter: number | null = null, pauseSeconds = 0): Sample[] {
  let t = T0;
  return Array.from({ length: count }, (_, i) => {
    const s: Sample = { time: t, line: 1 + i * 20, domains: [{ domain: 0, orders: [{ order: 0, sizeKiB: 4, fmfi: i }] }] };
    t += intervalSeconds * 1000 + (i === pauseAfter ? pauseSeconds * 1000 : 0);
    return s;
  });
}

describe('binSamples', () => {
  it('gives every sample its own bin when the chart has room for all', () => {
    const bins = binSamples(samples(432, 600), { maxBins: 874 });
    expect(bins.bins).toHaveLength(432);
    expect(bins.maxSamplesPerBin).toBe(1);
    // Bins narrower than the sampling period leave empty bins between samples: those are no gaps.
    expect(bins.binMs).toBeLessThanOrEqual(600_000);
    expect(bins.binMs * 2).toBeGreaterThan(600_000);
    expect(bins.bins.some((b) => b.afterGap)).toBe(false);
  });

  it('merges samples when there are more than bins, keeping the worst', () => {
    const bins = binSamples(samples(10_000, 60), { maxBins: 874 });
    expect(bins.bins.length).toBeLessThanOrEqual(874);
    expect(bins.maxSamplesPerBin).toBeGreaterThan(1);
    const last = bins.bins[bins.bins.length - 1]!;
    expect(last.cells[0]![0]!.worst).toBe(9_999);
  });

  it('marks a pause in sampling as a gap', () => {
    const bins = binSamples(samples(48, 300, 20, 6 * 3600), { maxBins: 874 });
    expect(bins.bins.filter((b) => b.afterGap)).toHaveLength(1);
    expect(bins.maxSamplesPerBin).toBe(1);
  });
});
