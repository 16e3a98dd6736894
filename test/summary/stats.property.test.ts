// Property tests: quantiles against a sort, and A against the kernel's arithmetic on generated free lists.
// Cases per property: FC_RUNS (default 100, test/helpers/fast-check-setup.ts); FC_SEED replays one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DomainReading, OrderReading, Sample } from '../../src/model.js';
import { averageBlockPages, nearestRank, windowStats } from '../../src/summary/stats.js';
import { kernelFmfi } from './kernel-samples.js';

const START = Date.UTC(2024, 3, 8, 10, 5);

/** The rank ⌈a·n/b⌉ in integers, at least 1: the definition, without floating point. */
function rank(a: number, b: number, n: number): number {
  return Math.max(1, Math.floor((a * n + b - 1) / b));
}

/** FMFI values as logs have them, some beyond 32 bits (large orders, 64K pages, damage). */
const fmfiArb = fc.oneof(
  fc.integer({ min: -5_000_000, max: 1000 }),
  fc.integer({ min: -2_000_000_000_000, max: 2_000_000_000_000 }),
  fc.constant(0),
);

/** A domain's free lists: a count of free blocks per order, and which rows the log kept. */
const domainArb = fc.record({
  orders: fc.integer({ min: 1, max: 20 }),
  pageKiB: fc.constantFrom(4, 16, 64),
  counts: fc.array(fc.oneof(fc.nat(10), fc.nat(1_000_000), fc.constant(0)), { minLength: 20, maxLength: 20 }),
  drop: fc.nat(19),
});

interface Built {
  readonly reading: DomainReading;
  readonly pages: bigint;
  readonly blocks: bigint;
}

function build(d: { orders: number; pageKiB: number; counts: number[] }, drop = 0): Built {
  let pages = 0n;
  let blocks = 0n;
  for (let j = 0; j < d.orders; j++) {
    const c = BigInt(d.counts[j]!);
    pages += c << BigInt(j);
    blocks += c;
  }
  const rows: OrderReading[] = [];
  for (let j = d.orders - 1; j >= Math.min(drop, d.orders - 1); j--) {
    rows.push({ order: j, sizeKiB: d.pageKiB * 2 ** j, fmfi: kernelFmfi(pages, blocks, j) });
  }
  return { reading: { domain: 0, orders: rows }, pages, blocks };
}

describe('quantiles', () => {
  it('nearestRank is the value at rank ⌈q·n⌉ for any q = a/b', () => {
    fc.assert(
      // n a multiple of b half the time: a·n/b is then a whole rank, where floating point errs.
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.nat(1000), fc.integer({ min: 1, max: 5000 }), fc.boolean(), (b, a0, n0, whole) => {
        const a = a0 % (b + 1);
        const n = whole ? b * (1 + (n0 % 5)) : n0;
        const sorted = Array.from({ length: n }, (_, i) => i + 1);
        expect(nearestRank(sorted, a / b)).toBe(rank(a, b, n));
      }),
    );
  });

  it('min, median, p90, max, share and first crossing match a sort of the values of each order', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fmfiArb, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 300 }), (rows) => {
        const samples: Sample[] = rows.map((values, i) => ({
          time: START + i * 60_000,
          line: 1,
          domains: [{ domain: 0, orders: values.map((fmfi, k) => ({ order: 2 - k, sizeKiB: 4 << (2 - k), fmfi })) }],
        }));
        const stats = windowStats({ source: 'x.log', bootTime: START, samples, diagnostics: [] });
        const orders = stats.domains[0]!.orders;
        expect(orders.map((o) => o.order)).toEqual([0, 1, 2]);
        for (const o of orders) {
          const column = rows.map((values) => values[2 - o.order]!);
          const sorted = [...column].sort((x, y) => x - y);
          const n = sorted.length;
          const first = column.findIndex((v) => v > 0);
          expect(o).toEqual({
            order: o.order,
            sizeKiB: 4 << o.order,
            samples: n,
            min: sorted[0],
            median: sorted[rank(1, 2, n) - 1],
            p90: sorted[rank(9, 10, n) - 1],
            max: sorted[n - 1],
            samplesAbove0: column.filter((v) => v > 0).length,
            shareAbove0: column.filter((v) => v > 0).length / n,
            firstAbove0: first < 0 ? null : START + first * 60_000,
            firstAbove0UptimeMs: first < 0 ? null : first * 60_000,
          });
        }
      }),
    );
  });
});

describe('the average free block size A', () => {
  it('from order 0 reproduces every other order: FMFI(j) = 1000 - floor((1000 - FMFI(0)) / 2^j)', () => {
    fc.assert(
      fc.property(domainArb, (d) => {
        const { reading, pages, blocks } = build(d);
        const a = averageBlockPages(reading.orders)!;
        expect(a.fromOrder).toBe(0);
        if (blocks === 0n) {
          expect(reading.orders.every((r) => r.fmfi === 0)).toBe(true);
          if (d.orders > 1) expect(a.pages).toBe(0);
          return;
        }
        const k0 = Math.round(a.pages * 1000);
        expect(a.pages).toBe(k0 / 1000);
        // The true A = P/B lies in [k0/1000, (k0 + 1)/1000).
        expect(BigInt(k0) * blocks <= pages * 1000n && pages * 1000n < BigInt(k0 + 1) * blocks).toBe(true);
        for (const r of reading.orders) expect(r.fmfi).toBe(1000 - Math.floor(k0 / 2 ** r.order));
        expect(a.kib).toBeCloseTo((k0 / 1000) * d.pageKiB, 6);
      }),
    );
  });

  it('from the lowest order present is a lower bound exact to 2^j thousandths of a page', () => {
    fc.assert(
      fc.property(domainArb, (d) => {
        const { reading, pages, blocks } = build(d, d.drop);
        fc.pre(blocks > 0n);
        const a = averageBlockPages(reading.orders)!;
        const j = Math.min(d.drop, d.orders - 1);
        expect(a.fromOrder).toBe(j);
        expect(a.exactToPages).toBe(2 ** j / 1000);
        const kj = BigInt(Math.round((a.pages * 1000) / 2 ** j));
        expect(Number(kj) * 2 ** j).toBe(Math.round(a.pages * 1000));
        const scale = blocks << BigInt(j);
        expect(kj * scale <= pages * 1000n && pages * 1000n < (kj + 1n) * scale).toBe(true);
      }),
    );
  });

  it('over a window: A median and worst are nearest ranks of P/B, easy sizes the largest 2^j <= P/B', () => {
    fc.assert(
      fc.property(fc.array(domainArb, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 20 }), fc.constantFrom(4, 16), (ds, orders, pageKiB) => {
        const built = ds.map((d) => build({ ...d, orders, pageKiB }));
        const samples: Sample[] = built.map((b, i) => ({ time: START + i * 300_000, line: 1, domains: [b.reading] }));
        const d = windowStats({ source: 'x.log', bootTime: null, samples, diagnostics: [] }).domains[0]!;
        // Without free blocks every row is 0: A = 0 and nothing easy, unless one row is all
        // there is (then it reads as A = 1 page, every block of order 0).
        const single = orders === 1;
        // A in thousandths of a KiB, from P and B alone: floor(1000 P / B) × page size.
        const milli = built
          .map((b) => (b.blocks === 0n ? (single ? 1000 : 0) : Number((b.pages * 1000n) / b.blocks)) * pageKiB)
          .sort((x, y) => x - y);
        const n = milli.length;
        expect(d.average.medianKiB).toBe(milli[rank(1, 2, n) - 1]! / 1000);
        expect(d.average.worstKiB).toBe(milli[0]! / 1000);
        const easy = built
          .map((b) => {
            if (b.blocks === 0n) return single ? pageKiB : 0;
            let j = -1;
            while (j + 1 < orders && b.blocks << BigInt(j + 1) <= b.pages) j++;
            return j < 0 ? 0 : pageKiB * 2 ** j;
          })
          .sort((x, y) => x - y);
        expect(d.easy.medianKiB).toBe(easy[rank(1, 2, n) - 1] || null);
        expect(d.easy.worstKiB).toBe(easy[0] || null);
      }),
    );
  });
});
