// Property test: the streaming TimeBinner against binning done the plain way, once the width is known.
// Cases per property: FC_RUNS (default 100, test/helpers/fast-check-setup.ts); FC_SEED replays one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DomainReading, Sample } from '../../src/model.js';
import { TimeBinner, type Bin, type TimeBins } from '../../src/summary/bins.js';

const START = Date.UTC(2024, 3, 8, 10, 5);

/**
 * What the bins must be, from the definition: the narrowest width (a second times a power
 * of two) at which the samples span at most `maxBins` bins, doubled while it is at most half
 * the most common interval (or below `minBinMs`); each bin the worst and best FMFI of every
 * domain and order among its samples.
 */
function plainBins(samples: readonly Sample[], maxBins: number, minBinMs: number): TimeBins {
  const withRows = samples.filter((s) => s.domains.length > 0);
  const counts = new Map<number, number>();
  for (let i = 1; i < samples.length; i++) {
    const dt = samples[i]!.time - samples[i - 1]!.time;
    if (dt <= 0) continue;
    if (counts.has(dt)) counts.set(dt, counts.get(dt)! + 1);
    else if (counts.size < 4096) counts.set(dt, 1);
  }
  let intervalMs = 0;
  let most = 0;
  for (const [dt, n] of counts) {
    if (n > most || (n === most && dt < intervalMs)) [intervalMs, most] = [dt, n];
  }
  const times = withRows.map((s) => s.time);
  const span = (w: number): number => (times.length === 0 ? 0 : Math.floor(Math.max(...times) / w) - Math.floor(Math.min(...times) / w) + 1);
  let binMs = 1000;
  while (span(binMs) > maxBins) binMs *= 2;
  while (binMs * 2 <= intervalMs || binMs < minBinMs) binMs *= 2;

  const domains = [...new Set(withRows.flatMap((s) => s.domains.map((d) => d.domain)))].sort((a, b) => a - b);
  const sizes = new Map<number, number>();
  const labels = new Map<number, string>();
  for (const s of withRows) {
    for (const d of s.domains) {
      if (d.label !== undefined) labels.set(d.domain, d.label);
      for (const r of d.orders) if (!sizes.has(r.order)) sizes.set(r.order, r.sizeKiB);
    }
  }
  const orders = [...sizes].sort((a, b) => a[0] - b[0]).map(([order, sizeKiB]) => ({ order, sizeKiB }));
  const groups = new Map<number, Sample[]>();
  for (const s of withRows) {
    const i = Math.floor(s.time / binMs);
    groups.set(i, [...(groups.get(i) ?? []), s]);
  }
  const gapMs = Math.max(intervalMs * 2.5, binMs);
  let previousLast: number | null = null;
  const bins: Bin[] = [...groups.keys()].sort((a, b) => a - b).map((i) => {
    const group = groups.get(i)!;
    const first = Math.min(...group.map((s) => s.time));
    const last = Math.max(...group.map((s) => s.time));
    const cells = domains.map((domain) =>
      orders.map(({ order }) => {
        const values = group.flatMap((s) => s.domains.filter((d) => d.domain === domain).flatMap((d) => d.orders.filter((r) => r.order === order).map((r) => r.fmfi)));
        return values.length === 0 ? null : { worst: Math.max(...values), best: Math.min(...values) };
      }),
    );
    const afterGap = previousLast !== null && first - previousLast > gapMs;
    previousLast = last;
    return { start: i * binMs, end: (i + 1) * binMs, samples: group.length, cells, afterGap };
  });
  return {
    binMs,
    intervalMs,
    domains,
    orders,
    bins,
    samples: withRows.length,
    samplesWithoutOutput: samples.length - withRows.length,
    first: times.length === 0 ? null : Math.min(...times),
    last: times.length === 0 ? null : Math.max(...times),
    maxSamplesPerBin: Math.max(0, ...bins.map((b) => b.samples)),
    ...(labels.size === 0 ? {} : { labels: domains.map((d) => labels.get(d) ?? `domain ${d}`) }),
  };
}

const readingArb: fc.Arbitrary<DomainReading> = fc.record(
  {
    domain: fc.oneof(fc.nat(3), fc.constant(1_000_000)),
    orders: fc.uniqueArray(
      fc.record({ order: fc.oneof(fc.nat(14), fc.constant(63)), sizeKiB: fc.constantFrom(4, 16, 1024), fmfi: fc.oneof(fc.integer({ min: -2_000_000, max: 1000 }), fc.constant(-(2 ** 40))) }),
      { selector: (r) => r.order, maxLength: 6 },
    ),
    label: fc.constantFrom('node 0 Normal', 'node 0 DMA32'),
  },
  { requiredKeys: ['domain', 'orders'] },
);

const logArb = fc.record({
  maxBins: fc.integer({ min: 1, max: 40 }),
  minBinMs: fc.constantFrom(0, 0, 64_000),
  samples: fc.array(
    fc.record({
      // Mostly forward in steady steps, now and then a pause or a clock set back.
      step: fc.oneof(fc.constant(300_000), fc.constant(60_000), fc.integer({ min: -3_600_000, max: 86_400_000 })),
      domains: fc.oneof(fc.constant([]), fc.uniqueArray(readingArb, { selector: (d) => d.domain, maxLength: 3 })),
    }),
    { maxLength: 120 },
  ),
});

describe('TimeBinner', () => {
  it('bins a streamed log as the plain definition does', () => {
    fc.assert(
      fc.property(logArb, ({ maxBins, minBinMs, samples: steps }) => {
        let t = START;
        const samples: Sample[] = steps.map(({ step, domains }, i) => ({ time: (t += step), line: i + 1, domains }));
        const binner = new TimeBinner({ maxBins });
        for (const s of samples) binner.add(s);
        expect(binner.finish(minBinMs)).toEqual(plainBins(samples, maxBins, minBinMs));
      }),
    );
  });
});
