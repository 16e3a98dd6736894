// The average free block size A = P/B of one sample's rows, in the kernel's integer arithmetic.
//
// The kernel computes FMFI(j) = 1000 - floor(floor(P*1000/2^j)/B) from a domain's free pages P
// and free blocks B (0 when B = 0), and floor(floor(x/a)/b) = floor(x/(a*b)), so
// K = 1000 - FMFI(0) = floor(1000*P/B) and FMFI(j) = 1000 - floor(K/2^j) exactly: order 0 gives
// A to a thousandth of a page, and every other row follows from it. From order j alone,
// A = P/B pages lies in [K_j*2^j/1000, (K_j+1)*2^j/1000), with K_j = 1000 - FMFI(j).
import type { OrderReading } from '../model.js';

/** A of one sample's rows. */
export interface AverageBlock {
  /** A = P/B in pages: a lower bound, exact to exactToPages. */
  readonly pages: number;
  /** The same in KiB, from the block size the kernel printed (never an assumed page size). */
  readonly kib: number;
  /** The order A was read from: 0, else the lowest order present. */
  readonly fromOrder: number;
  /** 2^fromOrder / 1000: the true A lies in [pages, pages + exactToPages). */
  readonly exactToPages: number;
}

/**
 * A from a domain's rows in one sample: from order 0 to 1/1000 of a page, else from the
 * lowest order present (less exact: see exactToPages). null without rows. Every row 0 is
 * the kernel's answer when the domain has no free block at all (B = 0): A is then 0.
 */
export function averageBlockPages(orders: readonly OrderReading[]): AverageBlock | null {
  const low = lowestRow(orders);
  if (low === undefined) return null;
  const exactToPages = 2 ** low.order / 1000;
  if (noFreeBlock(orders)) return { pages: 0, kib: 0, fromOrder: low.order, exactToPages };
  const k = 1000 - low.fmfi;
  return { pages: (k * 2 ** low.order) / 1000, kib: (k * low.sizeKiB) / 1000, fromOrder: low.order, exactToPages };
}

export function lowestRow(orders: readonly OrderReading[]): OrderReading | undefined {
  let low: OrderReading | undefined;
  for (const r of orders) if (low === undefined || r.order < low.order) low = r;
  return low;
}

/** Two or more rows, all 0: only B = 0 gives that (with B > 0 two orders never share FMFI 0). */
export function noFreeBlock(orders: readonly OrderReading[]): boolean {
  return orders.length > 1 && orders.every((r) => r.fmfi === 0);
}
