// The numbers of a metric line, exact: integers as they are, thousandths as decimals, never a float's rounding.
import type { OrderReading } from '../../model.js';
import { lowestRow, noFreeBlock } from '../../summary/average-block.js';
import { writeInt } from '../bytes.js';

const DASH = 45;
const DOT = 46;
const ZERO = 48;

/**
 * `26` → `0.026`, `-1000` → `-1`, `1500` → `1.5`: thousandths as a decimal, exactly. Beyond
 * 2^53 thousandths (only a damaged log gets there: an FMFI(0) far outside what a kernel
 * prints) no decimal is exact; the value is then the float64 Prometheus would store anyway.
 */
export function formatThousandths(t: number): string {
  if (!Number.isSafeInteger(t)) return String(t / 1000);
  const abs = Math.abs(t);
  const whole = Math.floor(abs / 1000);
  const frac = abs - whole * 1000;
  const sign = t < 0 ? '-' : '';
  if (frac === 0) return `${sign}${whole}`;
  return `${sign}${whole}.${String(frac).padStart(3, '0').replace(/0+$/, '')}`;
}

/** The most bytes `writeThousandths` writes: a float64 in JavaScript's shortest form, `-1.7976931348623157e+308`. */
export const MAX_THOUSANDTHS_BYTES = 24;

/**
 * formatThousandths into buf at p (room for MAX_THOUSANDTHS_BYTES made by the caller);
 * returns the index after it. For the history's millions of lines: no string made.
 */
export function writeThousandths(buf: Uint8Array, p: number, t: number): number {
  if (!Number.isSafeInteger(t)) {
    const text = formatThousandths(t);
    for (let i = 0; i < text.length; i++) buf[p++] = text.charCodeAt(i);
    return p;
  }
  let abs = t;
  if (t < 0) {
    buf[p++] = DASH;
    abs = -t;
  }
  const whole = Math.floor(abs / 1000);
  const frac = abs - whole * 1000;
  p = writeInt(buf, p, whole);
  if (frac === 0) return p;
  buf[p++] = DOT;
  const hundreds = Math.floor(frac / 100);
  const tens = Math.floor(frac / 10) - hundreds * 10;
  const ones = frac - hundreds * 100 - tens * 10;
  buf[p++] = ZERO + hundreds;
  if (tens !== 0 || ones !== 0) buf[p++] = ZERO + tens;
  if (ones !== 0) buf[p++] = ZERO + ones;
  return p;
}

/**
 * The average free block size A = P/B of a domain in thousandths of a byte, from the FMFI of
 * order 0: (1000 − FMFI(0)) thousandths of a page (src/summary/average-block.ts) times the
 * block size the kernel printed; 0 when the domain has no free block. null without a row
 * of order 0 (a sample cut off): higher orders give A only to 2^order thousandths of a page.
 */
export function averageBlockMilliBytes(orders: readonly OrderReading[]): number | null {
  const low = lowestRow(orders);
  if (low === undefined || low.order !== 0) return null;
  if (noFreeBlock(orders)) return 0;
  return (1000 - low.fmfi) * low.sizeKiB * 1024;
}
