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

/** A path's bounding box as Vega finds it: x1, y1, x2, y2. */
export type Box = readonly [number, number, number, number];

/** A path's text and its box; null when it has no vertex or a coordinate is not a number. */
export interface PathText {
  readonly text: string;
  readonly box: Box | null;
}

export interface RowShape {
  /** The bars above the base plane (the row's fragmented stretches), and below it. */
  readonly up: PathText;
  readonly down: PathText;
  /** Marks along the stretches drawn at the top and at the bottom limit of the height range. */
  readonly upCaps: PathText;
  readonly downCaps: PathText;
  /**
   * Below the base: how far each bin's best (lowest) sample reached, where the bin holds
   * several samples and its best lies below the base ('' when every bar is one sample).
   */
  readonly reach: PathText;
}

/**
 * One decimal: a tenth of a pixel is below what any screen shows, and keeps the text short.
 * The text of `Math.round(v * 10) / 10`.
 */
export function px(v: number): string {
  return tenthsText(Math.round(v * 10));
}

/**
 * The text of `tenths / 10` (`tenths` a whole number), as String() writes it, from the whole
 * tenths: turning a fraction into its shortest text is V8's slow path, and a chart writes a
 * few hundred thousand of them.
 */
function tenthsText(tenths: number): string {
  // Within an int32 (NaN is not): integer arithmetic from here on.
  if (!(tenths > -2147483648 && tenths < 2147483648)) return String(tenths / 10);
  const t = tenths | 0; // -0 becomes 0, whose text is the same
  const tenth = t % 10; // with the sign of t
  if (tenth === 0) return String(t / 10);
  const whole = (t - tenth) / 10;
  if (t > 0) return `${whole}.${tenth}`;
  return whole === 0 ? `-0.${-tenth}` : `${whole}.${-tenth}`;
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
  // Coordinates in whole tenths of a pixel (see px).
  const x = (t: number): number => Math.round((ox + timeX(frame, Math.min(frame.end, Math.max(frame.start, t)))) * 10);
  const y = (v: number): number => Math.round((oy + heightY(scale, layout.zPx, v)) * 10);
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
  return { up: up.area.path(), down: down.area.path(), upCaps: up.caps.path(), downCaps: down.caps.path(), reach: reach.area.path() };
}

/** Whether two coordinates are written the same (NaN as NaN). */
function same(a: number, b: number): boolean {
  return a === b || (a !== a && b !== b);
}

/** A path being written, in tenths of a pixel, and the box of its vertices: every x and every y it names. */
class PathWriter {
  private text = '';
  private x1 = Infinity;
  private y1 = Infinity;
  private x2 = -Infinity;
  private y2 = -Infinity;
  private numbers = true;

  private seeX(x: number): string {
    if (x < this.x1) this.x1 = x;
    if (x > this.x2) this.x2 = x;
    if (x !== x) this.numbers = false;
    return tenthsText(x);
  }

  private seeY(y: number): string {
    if (y < this.y1) this.y1 = y;
    if (y > this.y2) this.y2 = y;
    if (y !== y) this.numbers = false;
    return tenthsText(y);
  }

  move(x: number, y: number): void {
    this.text += `M${this.seeX(x)},${this.seeY(y)}`;
  }

  horizontal(x: number): void {
    this.text += `H${this.seeX(x)}`;
  }

  vertical(y: number): void {
    this.text += `V${this.seeY(y)}`;
  }

  close(): void {
    this.text += 'Z';
  }

  /** The text, and the box as a reader of the text finds it: each tenth over 10 is the double nearest its text. */
  path(): PathText {
    const box: Box | null = this.numbers && this.x1 !== Infinity ? [this.x1 / 10, this.y1 / 10, this.x2 / 10, this.y2 / 10] : null;
    return { text: this.text, box };
  }
}

/** The bars of one row on one side of the base, as a stepped area from the base, and the marks of clipped bars. */
class Side {
  readonly area = new PathWriter();
  readonly caps = new PathWriter();
  /** The open piece of area: its current height; null when no piece is open. */
  private level: number | null = null;
  /** The open cap: where it started. */
  private capFrom: number | null = null;

  constructor(
    private readonly base: number,
    /** The limit on this side, where clipped bars are drawn. */
    private readonly limit: number,
  ) {}

  /** A bar from `left` to `right` of height `h` on this side (null: none here); `clipped`: drawn at the limit. */
  bar(left: number, right: number, h: number | null, clipped: boolean, joined: boolean): void {
    if (h === null) {
      this.close(left);
      return;
    }
    const height = clipped ? this.limit : h;
    if (this.level === null) {
      this.area.move(left, this.base);
      this.area.vertical(height);
    } else if (!same(height, this.level)) {
      this.area.horizontal(left);
      this.area.vertical(height);
    }
    this.level = height;
    if (!clipped) this.closeCap(left);
    else this.capFrom ??= left;
    if (!joined) this.close(right);
  }

  private close(at: number): void {
    if (this.level !== null) {
      this.area.horizontal(at);
      this.area.vertical(this.base);
      this.area.close();
    }
    this.level = null;
    this.closeCap(at);
  }

  private closeCap(at: number): void {
    if (this.capFrom !== null) {
      this.caps.move(this.capFrom, this.limit);
      this.caps.horizontal(at);
    }
    this.capFrom = null;
  }
}
