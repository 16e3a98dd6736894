// Boot windows on one uptime axis → a vega-lite spec: A above, one FMFI panel per block size, a line per window.
//
//   1. what is shown: domains and orders (options), the FMFI limits (--z-range)
//   2. the shared uptime axis: unit (hours or days) and its end, the same in every panel
//   3. rows: each window's worst FMFI per bin, clamped, nulls at pauses; A per bin
//   4. per domain a band: the A panel, then the grid of FMFI panels (facet by order)
//   5. legend (colour and dash per window), title, notes
import type { TopLevelSpec } from 'vega-lite';
import { FONT_FAMILY } from '../../render/fonts.js';
import { heightTicks } from '../../summary/height.js';
import { INK, MUTED_INK, windowColour, windowDash } from '../../summary/palette.js';
import { formatKiB } from '../../summary/sizes.js';
import type { UptimeWindow } from '../../summary/uptime.js';
import { averageRows, fmfiRows, maxUptime, shownClipping, shownExtent, uptimeUnit } from './data.js';
import { ALIGNMENT_HEAD, alignmentNote, binningNote, wrapNote } from './notes.js';
import { AVERAGE_HEIGHT, DEFAULT_COMPARE_OPTIONS, gridFor, PANEL_HEIGHT, type CompareOptions } from './options.js';

const NOTE_FONT_SIZE = 11;

export const COMPARE_TITLE = 'Boot windows compared: FMFI by uptime';

/** The domains and orders that get panels: those asked for, among those any window has. */
export function shownPanels(windows: readonly UptimeWindow[], options: Pick<CompareOptions, 'orders' | 'domain'>): {
  domains: number[];
  orders: { order: number; sizeKiB: number }[];
} {
  const domains = new Set<number>();
  const sizes = new Map<number, number>();
  for (const { bins } of windows) {
    for (const d of bins.domains) domains.add(d);
    for (const o of bins.orders) if (!sizes.has(o.order)) sizes.set(o.order, o.sizeKiB);
  }
  const wanted = options.orders === null ? null : new Set(options.orders);
  return {
    domains: [...domains].filter((d) => options.domain === null || d === options.domain).sort((a, b) => a - b),
    orders: [...sizes]
      .filter(([o]) => wanted === null || wanted.has(o))
      .sort((a, b) => a[0] - b[0])
      .map(([order, sizeKiB]) => ({ order, sizeKiB })),
  };
}

/**
 * Log-scale ticks for A: powers of two KiB over the data, evenly spaced, at most six; the
 * axis runs from the first to the last, which is at or above the highest A (ticks that
 * skipped powers once ended the axis below it, and the highest values ran along its top).
 */
export function averageTicks(rows: readonly { a: number | null }[]): number[] {
  let lo = Infinity;
  let hi = 0;
  for (const r of rows) if (r.a !== null) [lo, hi] = [Math.min(lo, r.a), Math.max(hi, r.a)];
  if (!(lo <= hi)) return [];
  // Math.log2 rounds a value just below a power of two up to it: corrected both ways.
  let first = Math.floor(Math.log2(lo));
  if (2 ** first > lo) first--;
  let last = Math.max(first + 1, Math.ceil(Math.log2(hi)));
  if (2 ** last < hi) last++;
  const step = Math.ceil((last - first) / 5);
  const ticks: number[] = [];
  for (let e = first; ; e += step) {
    ticks.push(2 ** e);
    if (e >= last) return ticks;
  }
}

/** A vega expression that labels KiB as formatKiB does (4K, 512K, 2M, 1G). */
const KIB_LABEL =
  "datum.value >= 1048576 ? format(datum.value / 1048576, '~g') + 'G' : " +
  "datum.value >= 1024 ? format(datum.value / 1024, '~g') + 'M' : format(datum.value, '~g') + 'K'";

/** `domain 0`, or the name a format gave the part (a Linux `node 0 Normal`), from the first window that has it. */
function partLabel(windows: readonly UptimeWindow[], domain: number): string {
  for (const { bins } of windows) {
    const i = bins.domains.indexOf(domain);
    const label = i < 0 ? undefined : bins.labels?.[i];
    if (label !== undefined) return label;
  }
  return `domain ${domain}`;
}

/**
 * The comparison chart of boot windows already binned on one uptime axis (see
 * `finishOnCommonWidth`), as a vega-lite spec; compile it with vega-lite and draw it with
 * `renderVegaSvg`, or use `renderCompareSvg`. Pure.
 */
export function compareSpec(windows: readonly UptimeWindow[], options: CompareOptions = DEFAULT_COMPARE_OPTIONS): TopLevelSpec {
  // 1. What is shown.
  const { domains, orders } = shownPanels(windows, options);
  const orderList = orders.map((o) => o.order);
  const extent = shownExtent(windows, domains, orderList) ?? [0, 0];
  const range = options.zRange;
  const limits =
    range.kind === 'fixed'
      ? { min: range.min, max: range.max }
      : { min: Math.min(0, extent[0]), max: Math.max(0, extent[1]) === Math.min(0, extent[0]) ? 1 : Math.max(0, extent[1]) };
  const clipped = range.kind === 'fixed' ? shownClipping(windows, domains, orderList, limits) : null;

  // 2. The shared uptime axis.
  const xEndMs = maxUptime(windows);
  const unit = uptimeUnit(xEndMs);
  const xDomain = [0, Math.max(xEndMs / unit.ms, 1e-9)];
  const binMs = windows[0]?.bins.binMs ?? 0;

  // 3. Rows.
  const fmfi = fmfiRows(windows, domains, orderList, limits, unit);
  const average = averageRows(windows, domains, unit);
  const aTicks = averageTicks(average);

  // 5 (first, as every band uses them). One colour and dash per window, one legend.
  const labels = windows.map((w) => w.label);
  const index = labels.map((_, i) => i);
  const legendLabels = `${JSON.stringify(labels)}[datum.value]`;
  const colour = {
    field: 'w',
    type: 'nominal' as const,
    title: null,
    scale: { domain: index, range: index.map(windowColour) },
    legend: { labelExpr: legendLabels, orient: 'top' as const, columns: labels.length > 4 ? 2 : 1, labelLimit: 560, symbolStrokeWidth: 3 },
  };
  const dash = { field: 'w', type: 'nominal' as const, title: null, scale: { domain: index, range: index.map(windowDash) } };
  const x = {
    field: 'x',
    type: 'quantitative' as const,
    title: `uptime (${unit.name})`,
    scale: { domain: xDomain, nice: false, zero: true },
    axis: { tickCount: 6, labelFlush: true },
  };
  const sizeLabel = `${JSON.stringify(Object.fromEntries(orders.map((o) => [o.order, `${formatKiB(o.sizeKiB)} blocks (order ${o.order})`])))}[datum.value]`;
  const grid = gridFor(orders.length, options.width);

  // 4. One band per domain, named when there are several or one was asked for (--domain).
  const bands = domains.map((domain) => ({
    ...(domains.length > 1 || options.domain !== null ? { title: { text: partLabel(windows, domain), anchor: 'start' as const, fontSize: 15 } } : {}),
    spacing: 14,
    vconcat: [
      {
        data: { name: 'average' },
        transform: [{ filter: `datum.domain === ${domain}` }],
        mark: { type: 'line' as const, strokeWidth: 1.5, clip: true },
        width: grid.gridWidth,
        height: AVERAGE_HEIGHT,
        title: { text: 'Average free block size A (log scale): higher is better', anchor: 'start' as const, fontSize: 12 },
        encoding: {
          x,
          y: {
            field: 'a',
            type: 'quantitative' as const,
            title: 'A',
            // No A above 0 in any window (nothing free): a domain of its own, or Vega warns of an empty log scale.
            scale: { type: 'log' as const, base: 2, nice: false, domain: aTicks.length > 0 ? [aTicks[0]!, aTicks.at(-1)!] : [1, 2] },
            axis: { values: aTicks, labelExpr: KIB_LABEL },
          },
          color: colour,
          strokeDash: dash,
        },
      },
      {
        data: { name: 'fmfi' },
        transform: [{ filter: `datum.domain === ${domain}` }],
        facet: {
          field: 'order',
          type: 'ordinal' as const,
          title: null,
          header: { labelExpr: sizeLabel, labelFontSize: 12, labelAnchor: 'start' as const, labelPadding: 2 },
        },
        columns: grid.columns,
        spacing: { row: 18, column: 20 },
        // Each panel its own time axis: a shared one goes under the last row's columns,
        // empty cells included, when the orders do not fill the grid.
        resolve: { axis: { x: 'independent' as const } },
        spec: {
          width: grid.panelWidth,
          height: PANEL_HEIGHT,
          mark: { type: 'line' as const, strokeWidth: 1.25, opacity: 0.9, clip: true },
          encoding: {
            x,
            y: {
              field: 'y',
              type: 'quantitative' as const,
              title: 'FMFI',
              // A few pixels of room: a line at the limit (1000, fully fragmented) stays clear of the frame.
              scale: { domain: [limits.min, limits.max], nice: false, zero: false, padding: 4 },
              // Digits grouped, never SI (`−1M` reads as a block size): `−1,000,000`.
              axis: { values: heightTicks(limits, 4), format: ',~r' },
            },
            color: colour,
            strokeDash: dash,
          },
        },
      },
    ],
  }));

  // 5. Title and notes.
  // Vega estimates 0.8 em per character when sizing the picture: lines that fit the grid by that.
  const noteChars = Math.max(40, Math.floor(grid.gridWidth / (0.8 * NOTE_FONT_SIZE)));
  const notes = [ALIGNMENT_HEAD, ...windows.map((w) => `  ${alignmentNote(w)}`), ...binningNote(binMs, clipped, limits)].flatMap((l) => wrapNote(l, noteChars));
  const subtitle = [
    `${windows.length} boot ${windows.length === 1 ? 'window' : 'windows'} on one uptime axis; FMFI 1000 is fully fragmented, below 0 a block of that size is easy to allocate`,
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: COMPARE_TITLE, subtitle, anchor: 'start', fontSize: 17, subtitleFontSize: 12, subtitleColor: MUTED_INK },
    background: 'white',
    padding: 12,
    datasets: { fmfi: fmfi as unknown as Record<string, unknown>[], average: average as unknown as Record<string, unknown>[] },
    config: {
      font: FONT_FAMILY,
      view: { stroke: '#cccccc' },
      axis: { labelColor: INK, titleColor: INK, gridColor: '#e4e4e4', labelFontSize: 11, titleFontSize: 11 },
      legend: { labelFontSize: 12 },
    },
    spacing: 26,
    vconcat: [
      ...bands,
      {
        data: { values: notes.map((t, i) => ({ i, t })) },
        width: grid.gridWidth,
        height: notes.length * 15,
        mark: { type: 'text', align: 'left', baseline: 'top', fontSize: NOTE_FONT_SIZE, color: MUTED_INK },
        encoding: {
          x: { value: 0 },
          y: { field: 'i', type: 'ordinal', axis: null, scale: { paddingOuter: 0 } },
          text: { field: 't' },
        },
        view: { stroke: null },
      },
    ],
  } satisfies TopLevelSpec;
}
