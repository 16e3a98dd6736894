import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { averageBlockMilliBytes, formatThousandths, MAX_THOUSANDTHS_BYTES, writeThousandths } from '../../../src/views/metrics/values.js';

const row = (order: number, fmfi: number, pageKiB = 4) => ({ order, sizeKiB: pageKiB * 2 ** order, fmfi });

describe('formatThousandths', () => {
  it('writes thousandths as an exact decimal: what Prometheus stores reads back the same', () => {
    expect([0, 26, -1000, 1000, 1500, -1, 999, -26, 120, 7992233984].map(formatThousandths)).toEqual([
      '0', '0.026', '-1', '1', '1.5', '-0.001', '0.999', '-0.026', '0.12', '7992233.984',
    ]);
  });

  it('beyond 2^53 thousandths (a damaged FMFI(0)) writes the float64 Prometheus would store, never stray bytes', () => {
    // (1000 - 2939372356757) thousandths of a page of 4 KiB: a product of a damaged log.
    const t = (1000 - 2939372356757) * 4096;
    expect(Number.isSafeInteger(t)).toBe(false);
    expect(formatThousandths(t)).toBe('-12039669169180.672');
    expect(formatThousandths(2 ** 80)).toBe('1.2089258196146292e+21');
  });
});

describe('writeThousandths', () => {
  it('writes the bytes of formatThousandths, within its room', () => {
    fc.assert(
      fc.property(fc.oneof(
          fc.integer({ min: -5_000_000, max: 5_000_000 }),
          fc.maxSafeInteger(),
          fc.constant(-Number.MAX_SAFE_INTEGER),
          fc.double({ min: -1e300, max: 1e300, noNaN: true }).filter((x) => Math.abs(x) > Number.MAX_SAFE_INTEGER).map(Math.trunc),
        ),
        (t) => {
        const buf = new Uint8Array(MAX_THOUSANDTHS_BYTES + 3).fill(120);
        const end = writeThousandths(buf, 3, t);
        expect(end - 3).toBeLessThanOrEqual(MAX_THOUSANDTHS_BYTES);
        expect(Buffer.from(buf.subarray(3, end)).toString('latin1')).toBe(formatThousandths(t));
        expect(Buffer.from(buf.subarray(3, end)).toString('latin1')).toMatch(/^-?\d+(\.\d+)?(e[+-]\d+)?$/);
        },
      ),
    );
  });
});

describe('averageBlockMilliBytes', () => {
  it('is (1000 - FMFI(0)) thousandths of the order-0 block: A to a thousandth of a page', () => {
    // FMFI(0) = -951229: A = 952.229 pages of 4 KiB = 3900329.984 bytes.
    expect(averageBlockMilliBytes([row(1, 0), row(0, -951229)])).toBe(952229 * 4096);
    expect(averageBlockMilliBytes([row(0, -951229, 16)])).toBe(952229 * 16384);
  });

  it('is 0 when the domain has no free block (every row 0), and unknown without order 0', () => {
    expect(averageBlockMilliBytes([row(1, 0), row(0, 0)])).toBe(0);
    expect(averageBlockMilliBytes([row(2, 500), row(1, 0)])).toBeNull();
    expect(averageBlockMilliBytes([])).toBeNull();
  });
});
