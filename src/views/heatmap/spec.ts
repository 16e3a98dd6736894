// The heatmap of one boot window: time across, block size up, the worst FMFI of each time bin as a colour class.
//
//   bins ─► 1. the time frame and its ticks (as the chart's)  2. cells: runs of bins of one class, per domain and order
//        ─► 3. vega-lite: a rect per run, one panel per domain (facet)  4. title, legend, notes
import type { TopLevelSpec } from 'vega-lite';
import { FONT_FAMILY } from '../../render/fonts.js';
import { xmlSafe } from '../../render/xml-text.js';
import type { TimeBins } from '../../summary/bins.js';
import { formatCount, formatSpan, type Caption } from '../../summary/caption.js';
import { lowestValue } from '../../summary/height.js';
import { gapNote, leftOutNote, withoutOutputNote, wrap } from '../../summary/notes.js';
import { INK, MUTED_INK } from '../../summary/palette.js';
import { formatKiB } from '../../summary/sizes.js';
import { isInstant, timeSpan, type TimeSpan } from '../../summary/time-frame.js';
import { chooseTimeTicks, instantTicks, type TimeTicks } from '../../summary/time-ticks.js';
import { INDEX_AXIS_TITLE } from '../../indices.js';
import { classOf, colourClass, legendClasses } from './classes.js';
import type { HeatmapOptions } from './options.js';

/** Room left of the plot for the block sizes, and right of it for the legend. */
const LEFT = 76;
/** Vega sizes the legend by its own estimate of text width (0.8 em a character), wider than DejaVu Sans. */
const RIGHT = 262;
const HEADER = 64;
/** Under the panels: the time labels, then the notes. */
const FOOTER = 60;
const NOTE_FONT_SIZE = 12;
const NOTE_LINE = 17;
const LABEL_FONT_SIZE = 11;

/** The plot's width in pixels: one bin per pixel column at most. */
export function heatmapPlotWidth(options: Pick<HeatmapOptions, 'width'>): number {
  return Math.max(200, Math.round(options.width) - LEFT - RIGHT);
}

/** How many time bins the heatmap can show. */
export function maxBinsFor(options: Pick<HeatmapOptions, 'width'>): number {
  return heatmapPlotWidth(options);
}

/** One run of neighbouring bins of one class, in one domain and order. */
export interface HeatmapCell {
  /** Panel (domain index), order, class. */
  readonly p: number;
  readonly o: number;
  readonly c: number;
  /** Start and end, in zone-less milliseconds. */
  readonly x: number;
  readonly x2: number;
}

/** 2. The cells: a bin reaches to the next when sampling went on; neighbours of one class are one cell. */
export function heatmapCells(bins: TimeBins, frame: TimeSpan): HeatmapCell[] {
  const cells: HeatmapCell[] = [];
  const list = bins.bins;
  bins.domains.forEach((_, p) => {
    bins.orders.forEach((order, k) => {
      let open: { c: number; x: number; x2: number } | null = null;
      const close = (): void => {
        if (open !== null) cells.push({ p, o: order.order, c: open.c, x: open.x, x2: open.x2 });
        open = null;
      };
      for (let i = 0; i < list.length; i++) {
        const bin = list[i]!;
        const cell = bin.cells[p]?.[k] ?? null;
        if (cell === null) {
          close();
          continue;
        }
        const following = list[i + 1];
        const joined = following !== undefined && !following.afterGap && (following.cells[p]?.[k] ?? null) !== null;
        const x2 = Math.min(frame.end, joined ? following.start : Math.max(bin.end, bin.start + frame.barMs));
        const c = classOf(cell.worst);
        if (open !== null && open.c === c && open.x2 === bin.start) open.x2 = x2;
        else {
          close();
          open = { c, x: bin.start, x2 };
        }
        if (!joined) close();
      }
      close();
    });
  });
  return cells;
}

/** The time labels: the tick's own (`14:00`) and, where the day (month, year) changes, that below it. */
function timeLabels(ticks: TimeTicks): string {
  const major = JSON.stringify(ticks.majorValues);
  const below = ticks.majorFormat === '' ? "''" : `indexof(${major}, datum.value) >= 0 ? utcFormat(datum.value, '${ticks.majorFormat}') : ''`;
  return `[utcFormat(datum.value, '${ticks.format}'), ${below}]`;
}

/** 4. What a cell stands for, pauses, samples without output, then what reading the log met. */
export function heatmapNotes(bins: TimeBins, caption: Caption, heightTitle: string): string[] {
  const cell =
    bins.maxSamplesPerBin > 1
      ? `Each cell: the worst (highest) ${heightTitle} of up to ${formatCount(bins.maxSamplesPerBin)} samples (${formatSpan(bins.binMs)}).`
      : null;
  const general = [cell, gapNote(bins), withoutOutputNote(bins), leftOutNote(bins)].filter((n) => n !== null).join(' ');
  return [general, ...(caption.notes ?? [])].filter((n) => n !== '');
}

/** The heatmap of one boot window as a vega-lite spec. `bins` must hold at least one sample. Pure. */
export function heatmapSpec(bins: TimeBins, caption: Caption, options: HeatmapOptions): TopLevelSpec {
  const heightTitle = INDEX_AXIS_TITLE[options.index ?? 'fmfi'];
  const plotWidth = heatmapPlotWidth(options);
  const panels = Math.max(1, bins.domains.length);
  const panelHeight = Math.max(12 * Math.max(1, bins.orders.length), Math.round(options.height) - HEADER - FOOTER - 60);

  // 1.
  const frame = timeSpan(bins);
  const ticks = isInstant(bins) ? instantTicks(bins.first!, LABEL_FONT_SIZE) : chooseTimeTicks(frame.start, frame.end, plotWidth, LABEL_FONT_SIZE);
  // 2.
  const cells = heatmapCells(bins, frame);
  const classes = legendClasses(lowestValue(bins) ?? 0);
  const sizes = Object.fromEntries(bins.orders.map((o) => [o.order, formatKiB(o.sizeKiB)]));
  const panelLabels = bins.domains.map((d, i) => bins.labels?.[i] ?? `domain ${d}`);
  const noteChars = Math.max(40, Math.floor((plotWidth + LEFT + RIGHT - 40) / (0.62 * NOTE_FONT_SIZE)));
  const notes = heatmapNotes(bins, caption, heightTitle).flatMap((n) => wrap(xmlSafe(n), noteChars));

  // 3.
  const panel = {
    width: plotWidth,
    height: panelHeight,
    mark: { type: 'rect' as const },
    encoding: {
      x: {
        field: 'x',
        type: 'quantitative' as const,
        title: null,
        scale: { domain: [frame.start, frame.end], nice: false, zero: false },
        axis: { values: ticks.values, labelExpr: timeLabels(ticks), labelOverlap: false, labelFlush: true, grid: false, labelFontSize: LABEL_FONT_SIZE },
      },
      x2: { field: 'x2' },
      y: {
        field: 'o',
        type: 'ordinal' as const,
        title: 'block size',
        // The largest block at the top, as the chart's back row.
        scale: { domain: bins.orders.map((o) => o.order).reverse(), paddingInner: 0.08, paddingOuter: 0 },
        axis: { labelExpr: `${JSON.stringify(sizes)}[datum.value]`, labelFontSize: LABEL_FONT_SIZE, ticks: false, domain: false },
      },
      color: {
        field: 'c',
        type: 'ordinal' as const,
        title: `${heightTitle}, worst per cell`,
        scale: { domain: classes, range: classes.map((c) => colourClass(c).colour) },
        legend: {
          labelExpr: `${JSON.stringify(Object.fromEntries(classes.map((c) => [c, colourClass(c).label])))}[datum.value]`,
          symbolType: 'square',
          symbolSize: 180,
          symbolStrokeColor: '#999999',
          symbolStrokeWidth: 0.5,
          labelFontSize: LABEL_FONT_SIZE,
          titleFontSize: LABEL_FONT_SIZE,
          titleLimit: RIGHT - 20,
          labelLimit: RIGHT - 40,
          values: classes,
        },
      },
    },
  };
  const drawn =
    panels > 1 || options.nameDomain === true
      ? {
          facet: {
            row: {
              field: 'p',
              type: 'ordinal' as const,
              title: null,
              header: { labelExpr: `${JSON.stringify(panelLabels)}[datum.value]`, labelAngle: 0, labelAnchor: 'start' as const, labelFontSize: 13, labelFontWeight: 'bold' as const, labelOrient: 'top' as const },
            },
          },
          spacing: 30,
          data: { name: 'cells' },
          spec: panel,
        }
      : { data: { name: 'cells' }, ...panel };

  // 4.
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: xmlSafe(caption.title),
      subtitle: xmlSafe(caption.subtitle),
      anchor: 'start',
      fontSize: 18,
      subtitleFontSize: 13,
      subtitleColor: MUTED_INK,
      color: INK,
      offset: 14,
    },
    background: 'white',
    padding: { left: 16, right: 16, top: 14, bottom: 10 },
    datasets: { cells: cells as unknown as Record<string, unknown>[] },
    config: {
      font: FONT_FAMILY,
      view: { stroke: '#bbbbbb', fill: '#ffffff' },
      axis: { labelColor: INK, titleColor: INK, titleFontWeight: 'normal', titleFontSize: LABEL_FONT_SIZE },
      legend: { labelColor: INK, titleColor: INK },
    },
    spacing: 18,
    vconcat: [
      drawn,
      {
        data: { values: notes.map((t, i) => ({ i, t })) },
        width: plotWidth,
        height: Math.max(1, notes.length) * NOTE_LINE,
        mark: { type: 'text', align: 'left', baseline: 'top', fontSize: NOTE_FONT_SIZE, color: MUTED_INK, dx: -LEFT + 12 },
        encoding: {
          x: { value: 0 },
          y: { field: 'i', type: 'ordinal', axis: null, scale: { paddingOuter: 0 } },
          text: { field: 't' },
        },
        view: { stroke: null },
      },
    ],
  } as TopLevelSpec;
}
