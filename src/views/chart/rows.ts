// Each order's row as SVG path text: a stepped area from the base plane to each bin's worst FMFI.
//
// One path per row, not one rect per bar: a bin is an `H`/`V` pair of a few bytes, so a
// 100,000-sample log stays far under the size budget, and runs of equal values (a row
// pinned at the limit) collapse into one segment. A gap in sampling, or a bin without
// this order, ends the path's current piece, so it shows as a gap.
import type { TimeBins } from '../../summary/bins.js';
import type { TimeSpan } from '../../summary/time-frame.js';
import { heightY, type HeightScale } from './height-scale.js';
import type { Layout } from './layout.js';

export interface RowShape {
  /** The bars above the base plane (the row's fragmented stretches), and below it. */
  readonly up: string;
  readonly down: string;
  /** Marks along the stretches drawn at the top and at the bottom limit of the height range. */
  readonly upCaps: string;
  readonly downCaps: string;
  /**
   * Below the base: how far each bin's best (lowest) sample reached, where the bin holds
   * several samples and its best lies below the base ('' when every bar is one sample).
   */
  readonly reach: string;
}

/** One decimal: a tenth of a pixel is below what any screen shows, and keeps the text short. */
export function px(v: number): string {
  return String(Math.round(v * 10) / 10);
}

/** Maps times to x in the front face: the window's time span, `width` pixels wide. */
export interface TimeFrame extends TimeSpan {
  readonly width: number;
}

export function timeX(frame: TimeFrame, t: number): number {
  return ((t - frame.start) / (frame.end - frame.start)) * frame.width;
}

/**
 * The row of order index `k` (0 = front) of domain index `d`, its bars above the base and
 * below it as separate paths: the chart draws them in opposite orders (scene.ts).
 */
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
  const up = new Side(base, y(scale.max));
  const down = new Side(base, y(scale.min));
  const reach = new Side(base, y(scale.min));
  const reaches = bins.maxSamplesPerBin > 1;
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
    const h = y(v);
    // A bar on the base itself has no height: it ends the pieces of both sides.
    up.bar(left, right, v > scale.base ? h : null, v > scale.max, joined);
    down.bar(left, right, v < scale.base ? h : null, v < scale.min, joined);
    if (reaches) reach.bar(left, right, cell.best < scale.base ? y(cell.best) : null, cell.best < scale.min, joined);
  }
  return { up: up.area, down: down.area, upCaps: up.caps, downCaps: down.caps, reach: reach.area };
}

/** The bars of one row on one side of the base, as a stepped area from the base, and the marks of clipped bars. */
class Side {
  area = '';
  caps = '';
  /** The open piece of area: its current height; null when no piece is open. */
  private level: string | null = null;
  /** The open cap: where it started. */
  private capFrom: string | null = null;

  constructor(
    private readonly base: string,
    /** The limit on this side, where clipped bars are drawn. */
    private readonly limit: string,
  ) {}

  /** A bar from `left` to `right` of height `h` on this side (null: none here); `clipped`: drawn at the limit. */
  bar(left: string, right: string, h: string | null, clipped: boolean, joined: boolean): void {
    if (h === null) {
      this.close(left);
      return;
    }
    const height = clipped ? this.limit : h;
    if (this.level === null) this.area += `M${left},${this.base}V${height}`;
    else if (height !== this.level) this.area += `H${left}V${height}`;
    this.level = height;
    if (!clipped) this.closeCap(left);
    else this.capFrom ??= left;
    if (!joined) this.close(right);
  }

  private close(at: string): void {
    if (this.level !== null) this.area += `H${at}V${this.base}Z`;
    this.level = null;
    this.closeCap(at);
  }

  private closeCap(at: string): void {
    if (this.capFrom !== null) this.caps += `M${this.capFrom},${this.limit}H${at}`;
    this.capFrom = null;
  }
}
