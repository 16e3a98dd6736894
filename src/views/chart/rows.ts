// Each order's row as SVG path text: a stepped area from the base plane to each bin's worst FMFI.
//
// One path per row, not one rect per bar: a bin is an `H`/`V` pair of a few bytes, so a
// 100,000-sample log stays far under the size budget, and runs of equal values (a row
// pinned at the limit) collapse into one segment. A gap in sampling, or a bin without
// this order, ends the path's current piece, so it shows as a gap.
import type { TimeBins } from '../../summary/bins.js';
import { heightY, type HeightScale } from './height-scale.js';
import type { Layout } from './layout.js';

export interface RowShape {
  readonly area: string;
  /** Marks along the stretches drawn at a limit of the height range. */
  readonly caps: string;
}

/** One decimal: a tenth of a pixel is below what any screen shows, and keeps the text short. */
export function px(v: number): string {
  return String(Math.round(v * 10) / 10);
}

/** Maps times to x in the front face. */
export interface TimeFrame {
  readonly start: number;
  readonly end: number;
  readonly width: number;
  /**
   * The shortest a bar lasts: a sample stands for the time until the next one, so the
   * last bar before a gap or the end is as wide as the others, not just its bin.
   */
  readonly barMs: number;
}

export function timeX(frame: TimeFrame, t: number): number {
  return ((t - frame.start) / (frame.end - frame.start)) * frame.width;
}

/** The row of order index `k` (0 = front) of domain index `d`. */
export function rowShape(
  bins: TimeBins,
  d: number,
  k: number,
  layout: Layout,
  scale: HeightScale,
  frame: TimeFrame,
): RowShape {
  const ox = k * layout.dx;
  const oy = -k * layout.dy;
  const x = (t: number) => px(ox + timeX(frame, Math.min(frame.end, Math.max(frame.start, t))));
  const y = (v: number) => px(oy + heightY(scale, layout.zPx, v));
  const base = y(scale.base);
  const top = y(scale.max);
  const bottom = y(scale.min);
  let area = '';
  let caps = '';
  // The open piece of area: its current height; null when no piece is open.
  let level: string | null = null;
  // The open cap: its height and where it started.
  let cap: { y: string; from: string } | null = null;

  const closeCap = (at: string) => {
    if (cap !== null) caps += `M${cap.from},${cap.y}H${at}`;
    cap = null;
  };
  const list = bins.bins;
  for (let i = 0; i < list.length; i++) {
    const bin = list[i]!;
    const cell = bin.cells[d]?.[k] ?? null;
    if (cell === null) continue;
    const left = x(bin.start);
    const following = list[i + 1];
    // The bar reaches to the next bin when sampling went on, so irregular intervals leave no slivers.
    const joined = following !== undefined && !following.afterGap && (following.cells[d]?.[k] ?? null) !== null;
    const right = x(joined ? following.start : Math.max(bin.end, bin.start + frame.barMs));
    const v = cell.worst;
    const h = v > scale.max ? top : v < scale.min ? bottom : y(v);

    if (level === null) {
      area += `M${left},${base}V${h}`;
    } else if (h !== level) {
      area += `H${left}V${h}`;
    }
    level = h;
    const clippedAt = v > scale.max ? top : v < scale.min ? bottom : null;
    if (cap !== null && cap.y !== clippedAt) closeCap(left);
    if (clippedAt !== null && cap === null) cap = { y: clippedAt, from: left };
    if (!joined) {
      area += `H${right}V${base}Z`;
      level = null;
      closeCap(right);
    }
  }
  return { area, caps };
}
