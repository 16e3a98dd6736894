// The three indices from counts: hand-computed values, the kernels' edge cases, and the fast path against the BigInt one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contigInfo, countIndices, countIndicesExact, fmfiIndex, fragmentationIndex, unusableIndex, type OrderCount } from '../src/indices.js';

const counts = (...byOrder: number[]): OrderCount[] => byOrder.map((freeBlocks, order) => ({ order, freeBlocks })).reverse();

describe('countIndices', () => {
  it('gives the values worked out by hand', () => {
    // P = 10 + 5·2 + 1·4 = 24 pages in B = 16 blocks.
    //   FMFI(j)     = 1000 − ⌊⌊24000 / 2^j⌋ / 16⌋:  −500, 250, 625, 813
    //   unusable(j) = ⌊(24 − S(j)·2^j)·1000 / 24⌋, S = 24, 7, 1, 0:  0, 416, 833, 1000
    //   extfrag(j)  = −1000 while S(j) > 0; order 3: 1000 − ⌊(1000 + 3000) / 16⌋ = 750
    const got = countIndices(counts(10, 5, 1, 0));
    expect(got.map((i) => i.fmfi)).toEqual([813, 625, 250, -500]);
    expect(got.map((i) => i.unusable)).toEqual([1000, 833, 416, 0]);
    expect(got.map((i) => i.extfrag)).toEqual([750, -1000, -1000, -1000]);
  });

  it('follows the kernels where there is no free memory: FMFI 0, unusable 1000, extfrag 0', () => {
    expect(countIndices(counts(0, 0, 0))).toEqual([
      { fmfi: 0, unusable: 1000, extfrag: 0 },
      { fmfi: 0, unusable: 1000, extfrag: 0 },
      { fmfi: 0, unusable: 1000, extfrag: 0 },
    ]);
  });

  it('computes one free page as the kernel does, a negative extfrag included', () => {
    // P = 1, B = 1. Order 1: extfrag = 1000 − ⌊(1000 + ⌊1000 / 2⌋) / 1⌋ = −500 (the kernel's own arithmetic).
    expect(countIndices(counts(1, 0))).toEqual([
      { fmfi: 500, unusable: 1000, extfrag: -500 },
      { fmfi: 0, unusable: 0, extfrag: -1000 },
    ]);
  });

  it('is exact beyond 2^32 pages and beyond 2^53 / 1000, where the BigInt path takes over', () => {
    const big = counts(2 ** 33 + 7, 3, 0, 2 ** 20);
    expect(countIndices(big)).toEqual(countIndicesExact(big));
    // P = 2^40 + 2^40·… : far beyond 2^53 / 1000.
    const huge = counts(2 ** 45 + 1, 2 ** 44 + 3, 0, 0, 5);
    const pages = 2n ** 45n + 1n + 2n * (2n ** 44n + 3n) + 16n * 5n;
    const blocks = 2n ** 45n + 1n + 2n ** 44n + 3n + 5n;
    const got = countIndices(huge);
    expect(got[4]!.fmfi).toBe(Number(1000n - (pages * 1000n) / blocks));
    expect(got[0]!.fmfi).toBe(Number(1000n - (pages * 1000n) / 16n / blocks));
    expect(got).toEqual(countIndicesExact(huge));
  });

  it('wraps at 2^64 as unsigned long does', () => {
    // 2^52 blocks of 2^12 pages: free_pages = 2^64, which the kernel holds as 0.
    const info = contigInfo([{ order: 12, freeBlocks: 2 ** 52 }], 0);
    expect(info.freePages).toBe(0n);
    expect(unusableIndex(0, info)).toBe(1000);
    expect(fmfiIndex(0, info)).toBe(1000);
    // free_blocks_suitable wraps to 0 as well: 1000 − ⌊(1000 + 0) / 2^52⌋.
    expect(info.freeBlocksSuitable).toBe(0n);
    expect(fragmentationIndex(0, info)).toBe(1000);
  });

  it('takes the fast path only where it agrees with the kernel arithmetic', () => {
    const count = fc.oneof(fc.nat(20), fc.nat(1_000_000), fc.maxSafeNat(), fc.constant(0));
    fc.assert(
      fc.property(fc.array(count, { minLength: 1, maxLength: 14 }), (byOrder) => {
        const c = counts(...byOrder);
        expect(countIndices(c)).toEqual(countIndicesExact(c));
      }),
    );
  });

  it('keeps unusable within 0…1000 and FMFI at most 1000 on counts of real size', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(10_000_000), { minLength: 1, maxLength: 13 }), (byOrder) => {
        for (const i of countIndices(counts(...byOrder))) {
          expect(i.unusable).toBeGreaterThanOrEqual(0);
          expect(i.unusable).toBeLessThanOrEqual(1000);
          expect(i.fmfi).toBeLessThanOrEqual(1000);
          // Not 0…1000 alone: with few blocks the kernel's formula dips below 0 (one page: −500).
          expect(i.extfrag).toBeGreaterThanOrEqual(-1000);
          expect(i.extfrag).toBeLessThanOrEqual(1000);
        }
      }),
    );
  });
});
