// Window statistics against values worked out by hand from known free pages P and free blocks B.
import { describe, expect, it } from 'vitest';
import type { BootWindow, DomainReading, Sample } from '../../src/model.js';
import {
  averageBlockPages,
  nearestRank,
  windowStats,
  WindowStatsBuilder,
  type WindowStats,
} from '../../src/summary/stats.js';
import { at, kernelFmfi, reading, sample } from './kernel-samples.js';

const BOOT = at(10, 5);
const MIN = 60_000;

/** Four samples of one domain, 4 orders of 4K pages, and one sample without output. */
const PB: Array<[bigint, bigint]> = [
  [1000n, 100n], // A = 10 pages = 40K
  [600n, 200n], //  A = 3 pages = 12K
  [500n, 300n], //  A = 1.666.. pages: 6.664K from order 0
  [7n, 3n], //      A = 2.333.. pages: 9.332K
];

function handWindow(source = 'vm_frag_20240408_1005.log', bootTime: number | null = BOOT): BootWindow {
  const samples: Sample[] = PB.map(([p, b], i) => sample(at(10, 10 + 5 * i), [reading(0, p, b, 4)]));
  samples.push(sample(at(10, 30), []));
  return { source, bootTime, samples, diagnostics: [] };
}

describe('kernel-built samples', () => {
  it('carry the FMFI the kernel formula gives, worked out by hand', () => {
    const fmfi = (p: bigint, b: bigint) => [0, 1, 2, 3].map((j) => kernelFmfi(p, b, j));
    expect(PB.map(([p, b]) => fmfi(p, b))).toEqual([
      [-9000, -4000, -1500, -250],
      [-2000, -500, 250, 625],
      [-666, 167, 584, 792],
      [-1333, -166, 417, 709],
    ]);
  });
});

describe('windowStats', () => {
  it('gives exact quantiles, shares, crossings, A and easy sizes of a hand-computed window', () => {
    const expected: WindowStats = {
      source: 'vm_frag_20240408_1005.log',
      bootTime: BOOT,
      uptimeFrom: 'boot-time',
      origin: BOOT,
      first: at(10, 10),
      last: at(10, 30),
      spanMs: 20 * MIN,
      samples: 5,
      samplesWithData: 4,
      samplesWithoutData: 1,
      domains: [
        {
          domain: 0,
          label: 'domain 0',
          samples: 4,
          samplesWithoutData: 1,
          first: at(10, 10),
          last: at(10, 25),
          spanMs: 15 * MIN,
          pageKiB: 4,
          // A in KiB per sample: 40, 12, 6.664, 9.332; sorted, the 2nd of 4 is the median.
          average: { medianKiB: 9.332, worstKiB: 6.664, lastKiB: 9.332, fromOrder: 0, exactToKiB: 0.004 },
          // Largest order with FMFI <= 0 per sample: 32K, 8K, 4K, 8K.
          easy: { medianKiB: 8, worstKiB: 4 },
          orders: [
            // -9000 -2000 -666 -1333 → sorted -9000 -2000 -1333 -666: median rank 2, p90 rank ⌈3.6⌉ = 4.
            { order: 0, sizeKiB: 4, samples: 4, min: -9000, median: -2000, p90: -666, max: -666,
              samplesAbove0: 0, shareAbove0: 0, firstAbove0: null, firstAbove0UptimeMs: null },
            { order: 1, sizeKiB: 8, samples: 4, min: -4000, median: -500, p90: 167, max: 167,
              samplesAbove0: 1, shareAbove0: 0.25, firstAbove0: at(10, 20), firstAbove0UptimeMs: 15 * MIN },
            { order: 2, sizeKiB: 16, samples: 4, min: -1500, median: 250, p90: 584, max: 584,
              samplesAbove0: 3, shareAbove0: 0.75, firstAbove0: at(10, 15), firstAbove0UptimeMs: 10 * MIN },
            { order: 3, sizeKiB: 32, samples: 4, min: -250, median: 625, p90: 792, max: 792,
              samplesAbove0: 3, shareAbove0: 0.75, firstAbove0: at(10, 15), firstAbove0UptimeMs: 10 * MIN },
          ],
        },
      ],
    };
    expect(windowStats(handWindow())).toEqual(expected);
  });

  it('counts uptime from the first sample when the name carries no boot time, and says so', () => {
    const s = windowStats(handWindow('frag.log', null));
    expect(s.uptimeFrom).toBe('first-sample');
    expect(s.origin).toBe(at(10, 10));
    expect(s.domains[0]!.orders.map((o) => o.firstAbove0UptimeMs)).toEqual([null, 10 * MIN, 5 * MIN, 5 * MIN]);
  });

  it('takes the page size from the printed block sizes (16K pages) and keeps a domain seen in some samples', () => {
    const samples = [
      sample(at(10, 10), [reading(0, 1000n, 100n, 4, 16)]),
      sample(at(10, 15), [reading(0, 600n, 200n, 4, 16), reading(1, 7n, 3n, 4, 16)]),
      sample(at(10, 20), [reading(0, 500n, 300n, 4, 16)]),
    ];
    const s = windowStats({ source: 'x.log', bootTime: null, samples, diagnostics: [] });
    expect(s.domains.map((d) => [d.domain, d.samples, d.samplesWithoutData, d.pageKiB])).toEqual([
      [0, 3, 0, 16],
      [1, 1, 2, 16],
    ]);
    const d0 = s.domains[0]!;
    // A: 160K, 48K, 26.656K (1.666 pages × 16K).
    expect(d0.average).toEqual({ medianKiB: 48, worstKiB: 26.656, lastKiB: 26.656, fromOrder: 0, exactToKiB: 0.016 });
    expect(d0.easy).toEqual({ medianKiB: 32, worstKiB: 16 });
    expect(d0.orders.map((o) => o.sizeKiB)).toEqual([16, 32, 64, 128]);
    expect(s.domains[1]!.first).toBe(at(10, 15));
    expect(s.domains[1]!.average.medianKiB).toBe(37.328);
  });

  it('reads A from the lowest order present where order 0 is missing, and says how exact it is', () => {
    const samples = [
      sample(at(10, 10), [reading(0, 1000n, 100n, 4)]),
      sample(at(10, 15), [reading(0, 600n, 200n, 4, 4, [3, 2])]), // FMFI(2) = 250: A = 750 × 16K / 1000
      sample(at(10, 20), [reading(0, 500n, 300n, 4, 4, [2, 1])]), // FMFI(1) = 167: A = 833 × 8K / 1000
    ];
    const d = windowStats({ source: 'x.log', bootTime: null, samples, diagnostics: [] }).domains[0]!;
    expect(d.average).toEqual({ medianKiB: 12, worstKiB: 6.664, lastKiB: 6.664, fromOrder: 2, exactToKiB: 0.016 });
    // Easy sizes from the rows present: 32K, then none twice (orders 2 and 3, 1 and 2 are all above 0).
    expect(d.easy).toEqual({ medianKiB: null, worstKiB: null });
    expect(d.orders.map((o) => o.samples)).toEqual([1, 2, 3, 2]);
  });

  it('gives A = 0 and no easy size when the domain has no free block (every row 0)', () => {
    const samples = [sample(at(10, 10), [reading(0, 0n, 0n, 4)]), sample(at(10, 15), [reading(0, 1000n, 100n, 4)])];
    const d = windowStats({ source: 'x.log', bootTime: null, samples, diagnostics: [] }).domains[0]!;
    expect(d.average.worstKiB).toBe(0);
    expect(d.average.lastKiB).toBe(40);
    expect(d.easy.worstKiB).toBeNull();
    expect(d.orders[0]!.min).toBe(-9000);
    expect(d.orders[0]!.max).toBe(0);
  });

  it('counts a domain block without rows as no data', () => {
    const samples = [sample(at(10, 10), [{ domain: 0, orders: [] }]), sample(at(10, 15), [reading(1, 7n, 3n, 2)])];
    const s = windowStats({ source: 'x.log', bootTime: null, samples, diagnostics: [] });
    expect([s.samples, s.samplesWithData, s.samplesWithoutData]).toEqual([2, 1, 1]);
    expect(s.domains.map((d) => d.domain)).toEqual([1]);
  });

  it('keeps exact values beyond 32 bits (A of a large block count with 64K pages)', () => {
    // A = 2^18 pages: K = 1000 - FMFI(0) = 262,144,000, and A × 1000 in KiB = 1.6e10.
    const samples = [sample(at(10, 10), [reading(0, 2n ** 18n * 5n, 5n, 19, 64)])];
    const d = windowStats({ source: 'x.log', bootTime: null, samples, diagnostics: [] }).domains[0]!;
    expect(d.orders[0]!.min).toBe(-262_143_000);
    expect(d.average.medianKiB).toBe(2 ** 18 * 64);
    expect(d.easy.medianKiB).toBe(64 * 2 ** 18);
  });

  it('gives no domains and no times for a window without samples', () => {
    const s = windowStats({ source: 'empty.log', bootTime: null, samples: [], diagnostics: [] });
    expect(s).toEqual({
      source: 'empty.log', bootTime: null, uptimeFrom: 'first-sample', origin: null, first: null, last: null,
      spanMs: null, samples: 0, samplesWithData: 0, samplesWithoutData: 0, domains: [],
    });
  });
});

describe('WindowStatsBuilder', () => {
  it('keeps nothing of a sample: one object rewritten for every sample gives the same statistics', () => {
    const window = handWindow();
    const rows = [{ order: 0, sizeKiB: 0, fmfi: 0 }];
    const domains: DomainReading[] = [{ domain: 0, orders: rows }];
    const reused = { time: 0, line: 0, domains } as { time: number; line: number; domains: DomainReading[] };
    const builder = new WindowStatsBuilder(window.source, window.bootTime);
    for (const s of window.samples) {
      // The streaming parser's way: the same objects, rewritten in place.
      reused.time = s.time;
      domains.length = 0;
      for (const d of s.domains) {
        const copy = d.orders.map((r, i) => Object.assign(rows[i] ?? (rows[i] = { ...r }), r));
        domains.push({ domain: d.domain, orders: copy });
      }
      builder.add(reused);
    }
    for (const r of rows) Object.assign(r, { fmfi: 999_999 });
    expect(builder.finish()).toEqual(windowStats(window));
  });

  it('refuses samples after finish()', () => {
    const builder = new WindowStatsBuilder('x.log', null);
    builder.finish();
    expect(() => builder.add(sample(at(10, 10), []))).toThrow('WindowStatsBuilder: add() after finish()');
  });
});

describe('nearestRank', () => {
  it('takes the value at rank ⌈q·n⌉: the median of 4 values is the 2nd', () => {
    const v = [10, 20, 30, 40];
    expect([0, 0.25, 0.5, 0.51, 0.75, 0.9, 1].map((q) => nearestRank(v, q))).toEqual([10, 10, 20, 30, 30, 40, 40]);
  });

  it('is not pushed a rank up by floating point (0.07 × 100 is 7.000000000000001)', () => {
    const v = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(nearestRank(v, 0.07)).toBe(7);
    expect(nearestRank(v, 0.29)).toBe(29); // 0.29 × 100 is 28.999999999999996
  });

  it('refuses no values and a q outside 0 to 1', () => {
    expect(() => nearestRank([], 0.5)).toThrow('nearestRank: no values');
    expect(() => nearestRank([1], 1.5)).toThrow('nearestRank: q must be from 0 to 1, got 1.5');
    expect(() => nearestRank([1], Number.NaN)).toThrow('nearestRank: q must be from 0 to 1, got NaN');
  });
});

describe('averageBlockPages', () => {
  it('reads A from order 0 to a thousandth of a page', () => {
    expect(averageBlockPages(reading(0, 7n, 3n, 4).orders)).toEqual({ pages: 2.333, kib: 9.332, fromOrder: 0, exactToPages: 0.001 });
  });

  it('reads A from the lowest order present, a lower bound exact to 2^j thousandths of a page', () => {
    // FMFI(2) = 417: K = 583, A in [2.332, 2.336); the true A is 7/3 = 2.333...
    expect(averageBlockPages(reading(0, 7n, 3n, 4, 4, [3, 2]).orders)).toEqual({
      pages: 2.332, kib: 9.328, fromOrder: 2, exactToPages: 0.004,
    });
  });

  it('gives null without rows and 0 for a domain without free blocks', () => {
    expect(averageBlockPages([])).toBeNull();
    expect(averageBlockPages(reading(0, 0n, 0n, 3).orders)).toEqual({ pages: 0, kib: 0, fromOrder: 0, exactToPages: 0.001 });
  });
});
