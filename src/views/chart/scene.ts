// Everything the chart draws, computed from the bins: layout, scales, row shapes, labels and notes.
//
// Geometry is computed here rather than by Vega scales so that the paths arrive in
// the spec as compact text (see rows.ts); the Vega scales in the spec use the same
// domains and ranges, so axes and shapes agree.
import type { TimeBins } from '../../summary/bins.js';
import type { Caption } from '../../summary/caption.js';
import { heightScale, heightY, type HeightScale } from './height-scale.js';
import { chartLayout, FONT_SIZE, type Layout } from './layout.js';
import { countClipped, type Clipping } from '../../summary/height.js';
import { formatKiB } from '../../summary/sizes.js';
import { describe, fitTitle, noteLines, subtitleLines, type NoteLine } from './notes.js';
import type { ChartOptions } from './options.js';
import { INDEX_AXIS_TITLE } from '../../indices.js';
import { orderColours, CLIP_COLOUR } from '../../summary/palette.js';
import { px, rowShape, timeX, type PathText, type TimeFrame } from './rows.js';
import { chooseTimeTicks, instantTicks, type TimeTicks } from '../../summary/time-ticks.js';
import { isInstant, timeSpan } from '../../summary/time-frame.js';
import { xmlSafe } from '../../render/xml-text.js';

/** One path to draw in a panel, in drawing order (back rows first). */
export interface RowItem {
  readonly domain: number;
  readonly order: number;
  /** Drawing order within the panel. */
  readonly z: number;
  /** A row's bars, the pale reach of its bins' best samples below the plane, or the marks of clipped bars. */
  readonly kind: 'area' | 'reach' | 'caps';
  /** Above the base plane or below it. */
  readonly side: 'up' | 'down';
  readonly path: string;
  /** The path's bounding box (rows.ts), for the stand-in that takes its place in Vega (stand-ins.ts). */
  readonly box: PathText['box'];
  readonly fill: string;
  readonly stroke: string;
  readonly strokeWidth: number;
  readonly opacity: number;
  readonly label: string;
}

export interface DepthLabel {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly colour: string;
}

export interface Scene {
  readonly layout: Layout;
  /** The caption's title, shortened if it would not fit, and its subtitle in lines that fit. */
  readonly title: string;
  readonly subtitle: string[];
  readonly frame: TimeFrame;
  readonly height: HeightScale;
  readonly ticks: TimeTicks;
  readonly rows: RowItem[];
  readonly depthLabels: DepthLabel[];
  /** Grid lines on the floor, back wall and left wall; the base plane; the box's edges. */
  readonly grid: string;
  readonly plane: string;
  readonly edges: string;
  readonly clipping: Clipping;
  /** Notes under the panels, one entry per line. */
  readonly notes: NoteLine[];
  readonly description: string;
  /** What the height axis shows: `FMFI`, or the index --index chose. */
  readonly heightTitle: string;
  /** Whether the panels are named by their format's labels (`node 0 Normal`) rather than `domain N`. */
  readonly labelled: boolean;
}

/** The reach of a bin's best sample: the row's colour, pale, so the solid bars stay what is read first. */
const REACH_OPACITY = 0.35;

/** Left and right margin of the title and notes. */
export const PAGE_MARGIN = 16;
/** Room left of a note line for the clip mark. */
export const NOTE_INDENT = 26;

function timeFrame(bins: TimeBins, width: number): TimeFrame {
  return { ...timeSpan(bins), width };
}

/** The box around the rows, the grid on its walls and the base plane, as path text. */
function walls(layout: Layout, height: HeightScale, frame: TimeFrame, ticks: TimeTicks) {
  const { timeWidth: w, zPx: h, depthX: bx, depthY: by } = layout;
  const X = (t: number) => px(timeX(frame, t));
  let grid = '';
  for (const v of height.ticks) {
    const y = heightY(height, h, v);
    // Left wall, then back wall.
    grid += `M0,${px(y)}L${px(bx)},${px(y - by)}H${px(bx + w)}`;
  }
  for (const t of ticks.values) {
    const x = timeX(frame, t);
    // Floor, then back wall.
    grid += `M${X(t)},${px(h)}L${px(x + bx)},${px(h - by)}V${px(-by)}`;
  }
  const b = heightY(height, h, height.base);
  const plane = `M0,${px(b)}H${px(w)}L${px(w + bx)},${px(b - by)}H${px(bx)}Z`;
  const edges =
    `M0,${px(h)}L${px(bx)},${px(h - by)}V${px(-by)}` + // left floor edge and back-left edge
    `M${px(bx)},${px(h - by)}H${px(bx + w)}` + // back floor edge
    `M${px(w)},${px(h)}L${px(w + bx)},${px(h - by)}`; // right floor edge: the block-size axis
  return { grid, plane, edges };
}

/** Block-size labels along the right floor edge; thinned when rows are closer than a line of text. */
function depthLabels(bins: TimeBins, layout: Layout, colours: ReturnType<typeof orderColours>): DepthLabel[] {
  const n = bins.orders.length;
  const every = Math.max(1, Math.ceil((FONT_SIZE.label + 2) / Math.max(layout.dy, 0.001)));
  const keep = new Set<number>();
  for (let k = 0; k < n; k += every) keep.add(k);
  // The back row always gets its label; the one before it gives way if they would touch.
  const previous = Math.floor((n - 1) / every) * every;
  if (previous !== n - 1 && previous !== 0) keep.delete(previous);
  if (previous !== 0 || n - 1 >= every) keep.add(n - 1);
  return [...keep].sort((a, b) => a - b).map((k) => ({
    x: Math.round((layout.timeWidth + k * layout.dx) * 10) / 10,
    y: Math.round((layout.zPx - k * layout.dy) * 10) / 10,
    text: formatKiB(bins.orders[k]!.sizeKiB),
    colour: colours[k]!.fill,
  }));
}

export function chartScene(bins: TimeBins, caption: Caption, options: ChartOptions): Scene {
  const layout = chartLayout(options, bins.domains.length, bins.orders.length);
  const frame = timeFrame(bins, layout.timeWidth);
  const height = heightScale(options.zRange, bins, layout.zPx);
  const ticks = isInstant(bins) ? instantTicks(bins.first!, FONT_SIZE.label) : chooseTimeTicks(frame.start, frame.end, layout.timeWidth, FONT_SIZE.label);
  const colours = orderColours(bins.orders.length);
  const rows: RowItem[] = [];
  bins.domains.forEach((domain, d) => {
    const shapes = bins.orders.map((_, k) => rowShape(bins, d, k, layout, height, frame));
    let z = 0;
    const add = (k: number, { text: path, box }: PathText, kind: RowItem['kind'], side: RowItem['side']): void => {
      if (path === '') return;
      const order = bins.orders[k]!;
      const label = `${formatKiB(order.sizeKiB)} (order ${order.order})`;
      const { fill, stroke } = colours[k]!;
      if (kind === 'caps') {
        const capLabel = `${label}: beyond the height range, drawn at the limit`;
        rows.push({ domain, order: order.order, z: z++, kind, side, path, box, fill: 'none', stroke: CLIP_COLOUR, strokeWidth: 2.5, opacity: 1, label: capLabel });
      } else if (kind === 'reach') {
        const reachLabel = `${label}: the lowest of each bar's samples`;
        rows.push({ domain, order: order.order, z: z++, kind, side, path, box, fill, stroke: 'none', strokeWidth: 0, opacity: REACH_OPACITY, label: reachLabel });
      } else {
        rows.push({ domain, order: order.order, z: z++, kind, side, path, box, fill, stroke, strokeWidth: 0.6, opacity: 1, label });
      }
    };
    // FMFI grows with the block size in every sample, so below the plane the front rows reach
    // deepest: drawn first, front to back, each row's lower edge shows below the row behind it.
    // Above the plane the back rows stand tallest: drawn back to front, each top edge shows
    // above the row in front. No row hides another's value. The pale reach of the bins' best
    // samples goes under all of them.
    for (let k = 0; k < shapes.length; k++) add(k, shapes[k]!.reach, 'reach', 'down');
    for (let k = 0; k < shapes.length; k++) {
      add(k, shapes[k]!.down, 'area', 'down');
      add(k, shapes[k]!.downCaps, 'caps', 'down');
    }
    for (let k = shapes.length - 1; k >= 0; k--) {
      add(k, shapes[k]!.up, 'area', 'up');
      add(k, shapes[k]!.upCaps, 'caps', 'up');
    }
  });
  const clipping = countClipped(bins, height);

  const title = INDEX_AXIS_TITLE[options.index ?? 'fmfi'];
  const notes = noteLines(
    bins,
    clipping,
    height,
    layout.width - NOTE_INDENT - 2 * PAGE_MARGIN,
    FONT_SIZE.note,
    (caption.notes ?? []).map(xmlSafe),
    title,
  );
  const subtitle = subtitleLines(xmlSafe(caption.subtitle), layout.width - 2 * PAGE_MARGIN, FONT_SIZE.subtitle);
  return {
    title: fitTitle(xmlSafe(caption.title), layout.width - 2 * PAGE_MARGIN, FONT_SIZE.title),
    // The lines of text only make the picture taller: the geometry the rows were drawn in stays.
    layout: chartLayout(options, bins.domains.length, bins.orders.length, { subtitle: subtitle.length, notes: notes.length }),
    subtitle,
    frame,
    height,
    ticks,
    rows,
    depthLabels: depthLabels(bins, layout, colours),
    ...walls(layout, height, frame, ticks),
    clipping,
    notes,
    description: describe(bins, xmlSafe(caption.subtitle), height, notes.map((n) => n.text)),
    heightTitle: title,
    labelled: bins.labels !== undefined,
  };
}
