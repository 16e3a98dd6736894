// Binned windows → the rows the comparison chart draws: one point per bin, nulls where sampling paused.
import { averageBlockPages } from '../../summary/average-block.js';
import type { TimeBins } from '../../summary/bins.js';
import type { UptimeWindow } from '../../summary/uptime.js';

/** A point of one window's FMFI line in one panel (null y: the line breaks there). */
export interface FmfiRow {
  /** Window index, into the legend's order. */
  readonly w: number;
  readonly domain: number;
  readonly order: number;
  /** Uptime in the axis unit (hours or days), at the middle of the bin. */
  readonly x: number;
  /** The bin's worst FMFI, held to the height limits; null breaks the line. */
  readonly y: number | null;
}

/** A point of one window's average free block size A line (KiB, the bin's smallest). */
export interface AverageRow {
  readonly w: number;
  readonly domain: number;
  readonly x: number;
  readonly a: number | null;
}

/** The uptime unit of the shared axis: hours up to two days, days beyond. */
export interface UptimeUnit {
  readonly name: 'hours' | 'days';
  readonly ms: number;
}

export function uptimeUnit(maxUptimeMs: number): UptimeUnit {
  return maxUptimeMs <= 2 * 86_400_000 ? { name: 'hours', ms: 3_600_000 } : { name: 'days', ms: 86_400_000 };
}

/** The uptime the axis ends at: the last bin end of any window (0 without bins). */
export function maxUptime(windows: readonly UptimeWindow[]): number {
  let max = 0;
  for (const w of windows) {
    const last = w.bins.bins.at(-1);
    if (last !== undefined) max = Math.max(max, last.end);
  }
  return max;
}

/** The columns of `bins` for each shown domain and order, or -1 where the window lacks it. */
function indexOf(list: readonly number[], value: number): number {
  return list.indexOf(value);
}

/**
 * Every point of every line: for each window, domain and order shown, the worst FMFI of
 * each bin, clamped to [min, max]; a bin after a pause in sampling first adds a null, so
 * the line breaks over the gap instead of bridging it.
 */
export function fmfiRows(
  windows: readonly UptimeWindow[],
  domains: readonly number[],
  orders: readonly number[],
  limits: { min: number; max: number },
  unit: UptimeUnit,
): FmfiRow[] {
  const rows: FmfiRow[] = [];
  windows.forEach((win, w) => {
    const { bins } = win;
    for (const domain of domains) {
      const di = indexOf(bins.domains, domain);
      if (di < 0) continue;
      for (const order of orders) {
        const oi = bins.orders.findIndex((o) => o.order === order);
        if (oi < 0) continue;
        let drawn = false;
        for (const bin of bins.bins) {
          const cell = bin.cells[di]?.[oi];
          if (cell == null) continue;
          const x = (bin.start + bin.end) / 2 / unit.ms;
          if (bin.afterGap && drawn) rows.push({ w, domain, order, x: bin.start / unit.ms, y: null });
          rows.push({ w, domain, order, x, y: Math.min(limits.max, Math.max(limits.min, cell.worst)) });
          drawn = true;
        }
      }
    }
  });
  return rows;
}

/**
 * A per bin from the lowest order's worst (highest) FMFI: the smallest A of the bin, in KiB.
 * A of 0 (no free block at all) has no place on a log scale and is left out.
 */
export function averageRows(windows: readonly UptimeWindow[], domains: readonly number[], unit: UptimeUnit): AverageRow[] {
  const rows: AverageRow[] = [];
  windows.forEach((win, w) => {
    const { bins } = win;
    const low = bins.orders[0];
    if (low === undefined) return;
    for (const domain of domains) {
      const di = indexOf(bins.domains, domain);
      if (di < 0) continue;
      let drawn = false;
      for (const bin of bins.bins) {
        const cell = bin.cells[di]?.[0];
        if (cell == null) continue;
        const a = averageBlockPages([{ order: low.order, sizeKiB: low.sizeKiB, fmfi: cell.worst }])?.kib ?? 0;
        if (!(a > 0)) continue;
        if (bin.afterGap && drawn) rows.push({ w, domain, x: bin.start / unit.ms, a: null });
        rows.push({ w, domain, x: (bin.start + bin.end) / 2 / unit.ms, a });
        drawn = true;
      }
    }
  });
  return rows;
}

/** The lowest and highest worst-of-bin FMFI over what is shown, or null when nothing is. */
export function shownExtent(windows: readonly UptimeWindow[], domains: readonly number[], orders: readonly number[]): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const { bins } of windows) forShown(bins, domains, orders, (v) => {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  });
  return lo <= hi ? [lo, hi] : null;
}

/** How many shown values (bins × orders × domains × windows) lie below and above the limits. */
export function shownClipping(
  windows: readonly UptimeWindow[],
  domains: readonly number[],
  orders: readonly number[],
  limits: { min: number; max: number },
): { below: number; above: number; values: number } {
  let below = 0;
  let above = 0;
  let values = 0;
  for (const { bins } of windows) forShown(bins, domains, orders, (v) => {
    values++;
    if (v < limits.min) below++;
    else if (v > limits.max) above++;
  });
  return { below, above, values };
}

function forShown(bins: TimeBins, domains: readonly number[], orders: readonly number[], f: (worst: number) => void): void {
  const dis = domains.map((d) => bins.domains.indexOf(d)).filter((i) => i >= 0);
  const ois = orders.map((o) => bins.orders.findIndex((x) => x.order === o)).filter((i) => i >= 0);
  for (const bin of bins.bins) for (const di of dis) for (const oi of ois) {
    const cell = bin.cells[di]?.[oi];
    if (cell != null) f(cell.worst);
  }
}
