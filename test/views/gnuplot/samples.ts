// Samples built by hand for the gnuplot tests: times in minutes from a fixed start, FMFI per order.
import type { Sample } from '../../../src/model.js';

export const T0 = Date.UTC(2024, 3, 8, 10, 0, 0);

/** A sample at `minute` with, per domain, the FMFI of orders 0, 1, … (block sizes 4K, 8K, …). */
export function sample(minute: number, ...domains: number[][]): Sample {
  return {
    time: T0 + minute * 60_000,
    line: 1,
    domains: domains.map((fmfi, domain) => ({
      domain,
      orders: fmfi.map((v, order) => ({ order, sizeKiB: 4 * 2 ** order, fmfi: v })).reverse(),
    })),
  };
}
