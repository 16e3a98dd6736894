import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateLog } from '../../fixtures/generate.js';
import { parseLog } from '../../src/formats/read.js';
import { binSamples, TimeBinner, type BinnerSnapshot } from '../../src/summary/bins.js';
import type { Sample } from '../../src/model.js';
import { FIXTURES } from '../helpers/cli.js';

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

  it('bins only the domain asked for: the others are neither kept nor said to be left out', () => {
    // Twelve domains, the ninth asked for: without onlyDomain it would be among those left out.
    const many = samples(50, 300).map((s, i) => ({
      ...s,
      domains: i === 10 ? [] : Array.from({ length: 12 }, (_, d) => ({ domain: d, orders: [{ order: 0, sizeKiB: 4, fmfi: 100 * d + i }] })),
    }));
    expect(binSamples(many, { maxBins: 100 }).domains).not.toContain(9);
    const bins = binSamples(many, { maxBins: 100, onlyDomain: 9 });
    expect(bins.domains).toEqual([9]);
    expect(bins.leftOut).toBeUndefined();
    expect(bins.bins.map((b) => b.cells[0]![0]!.worst)).toEqual(many.filter((s) => s.domains.length > 0).map((s) => s.domains[9]!.orders[0]!.fmfi));
    // A sample without the domain is still a sample, as one without rows is.
    const elsewhere = binSamples(many, { maxBins: 100, onlyDomain: 20 });
    expect(elsewhere.domains).toEqual([]);
    expect(elsewhere.samples).toBe(49);
    expect(elsewhere.leftOut).toBeUndefined();
  });

  it('marks a pause in sampling as a gap', () => {
    const bins = binSamples(samples(48, 300, 20, 6 * 3600), { maxBins: 874 });
    expect(bins.bins.filter((b) => b.afterGap)).toHaveLength(1);
    expect(bins.maxSamplesPerBin).toBe(1);
  });
});

describe('TimeBinner snapshots', () => {
  /** Two binners fed the same samples: one finished now, one through a snapshot and JSON. */
  function both(input: readonly Sample[], maxBins: number): { direct: TimeBinner; restored: () => TimeBinner } {
    const direct = new TimeBinner({ maxBins });
    const saved = new TimeBinner({ maxBins });
    for (const s of input) {
      direct.add(s);
      saved.add(s);
    }
    const json = JSON.stringify(saved.snapshot());
    return { direct, restored: () => TimeBinner.restore(JSON.parse(json) as BinnerSnapshot) };
  }

  it.each([
    ['one domain with a pause', parseLog(readFileSync(join(FIXTURES, 'gap.log')), 'gap.log').samples],
    ['two NUMA domains', parseLog(readFileSync(join(FIXTURES, 'numa-2-domains.log')), 'numa.log').samples],
    ['Linux zones with labels', parseLog(readFileSync(join(FIXTURES, 'buddyinfo-2-nodes.log')), 'b.log').samples],
    ['a long window', parseLog(generateLog({ samples: 3000, seed: 5, gapsAfter: [1000], gapSeconds: 7200, withoutOutputEvery: 97 }), 'long.log').samples],
  ])('%s: finish() of a restored snapshot gives the same bins, at its own width and wider', (_name, input) => {
    expect(input.length).toBeGreaterThan(0);
    const { direct, restored } = both(input, 100);
    const width = direct.binWidth;
    expect(restored().binWidth).toBe(width);
    expect(restored().finish(width * 4)).toEqual(both(input, 100).direct.finish(width * 4));
    expect(restored().finish()).toEqual(direct.finish());
  });

  it('a snapshot keeps the domains left out: the restored binner names them as the direct one does', () => {
    const many = samples(50, 300).map((s) => ({
      ...s,
      domains: Array.from({ length: 12 }, (_, d) => ({ domain: d, orders: s.domains[0]!.orders })),
    }));
    const { direct, restored } = both(many, 100);
    const finished = direct.finish();
    expect(finished.domains).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(finished.leftOut).toEqual({ count: 4, lowest: 8, highest: 11 });
    expect(restored().finish()).toEqual(finished);
  });

  it('a snapshot of an empty binner finishes empty', () => {
    const empty = TimeBinner.restore(JSON.parse(JSON.stringify(new TimeBinner({ maxBins: 10 }).snapshot())) as BinnerSnapshot);
    expect(empty.finish()).toEqual(new TimeBinner({ maxBins: 10 }).finish());
  });
});
