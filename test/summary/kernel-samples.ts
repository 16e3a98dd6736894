// Samples as the kernel prints them, built from a domain's free pages P and free blocks B.
import type { DomainReading, LocalTime, Sample } from '../../src/model.js';

/**
 * vm_phys_fragmentation_index, in the kernel's 64-bit integer arithmetic:
 * `1000 - ((free_pages * 1000) / (1 << order) / free_blocks)`, 0 when there is no free block.
 */
export function kernelFmfi(pages: bigint, blocks: bigint, order: number): number {
  if (blocks === 0n) return 0;
  return Number(1000n - (pages * 1000n) / (1n << BigInt(order)) / blocks);
}

/** One domain's rows, highest order first as the kernel prints them; `only` keeps some orders. */
export function reading(
  domain: number,
  pages: bigint,
  blocks: bigint,
  orders: number,
  pageKiB = 4,
  only?: readonly number[],
): DomainReading {
  const rows = [];
  for (let order = orders - 1; order >= 0; order--) {
    if (only !== undefined && !only.includes(order)) continue;
    rows.push({ order, sizeKiB: pageKiB * 2 ** order, fmfi: kernelFmfi(pages, blocks, order) });
  }
  return { domain, orders: rows };
}

export function sample(time: LocalTime, domains: readonly DomainReading[], line = 1): Sample {
  return { time, line, domains };
}

/** 2024-04-08 at h:m:s, as a LocalTime. */
export function at(h: number, m: number, s = 0): LocalTime {
  return Date.UTC(2024, 3, 8, h, m, s);
}
