// Window statistics as an aligned plain-text table: one window in full, several side by side against the first.
//
//   statsTable(windows)
//     one window   → its header, then per domain: samples, A, easy size, one row per order
//     several      → a legend (#1, #2, …), then per domain the medians and first crossings
//                    of each block size per window with the change against #1 (by size,
//                    not order: pages may differ), as many windows to a table
//                    as fit the width (#1 repeated in each)
import { escapeName } from '../../errors.js';
import type { DomainStats, OrderStats, WindowStats } from '../../summary/stats.js';
import { formatHuman } from '../../time.js';
import { alignLines, shorten, wrapParts, type Line } from './layout.js';
import { formatCount as count, formatSpan } from '../../summary/caption.js';
import { formatKiB, formatSize } from '../../summary/sizes.js';
import { formatChange, formatRatioChange, formatShare, formatSpanChange } from './text.js';

/** A terminal's width: every line of the table fits in it. */
export const TABLE_WIDTH = 100;

const INDENT = '  ';
const FMFI_KEY = 'FMFI: 1000 fully fragmented, 0 not, below 0 easy to allocate';

/** The statistics of one window, or several compared with the first; one string, lines ending in `\n`. */
export function statsTable(windows: readonly WindowStats[], width = TABLE_WIDTH): string {
  const lines = windows.length === 1 ? windowTable(windows[0]!, width) : compareTable(windows, width);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function plural(n: number, word: string): string {
  return `${count(n)} ${word}${n === 1 ? '' : 's'}`;
}

function wrapped(parts: readonly string[], width: number, indent: string): string[] {
  return wrapParts(parts, width - indent.length).map((l) => `${indent}${l}`);
}

function bootPart(w: WindowStats): string {
  return w.bootTime === null
    ? 'boot time unknown: uptime from the first sample'
    : `booted ${formatHuman(w.bootTime)}: uptime from boot`;
}

function spanPart(w: WindowStats): string {
  if (w.first === null || w.last === null) return 'no samples';
  return `${formatHuman(w.first)} - ${formatHuman(w.last)} (${formatSpan(w.spanMs ?? 0)})`;
}

function samplesPart(w: WindowStats): string {
  return `${plural(w.samples, 'sample')}: ${count(w.samplesWithData)} with data, ${count(w.samplesWithoutData)} without`;
}

function easyText(kib: number | null): string {
  return kib === null ? 'none' : formatKiB(kib);
}

function firstAbove(o: OrderStats): string {
  return o.firstAbove0UptimeMs === null ? 'never' : formatSpan(o.firstAbove0UptimeMs);
}

// One window.

function windowTable(w: WindowStats, width: number): string[] {
  const lines = [
    shorten(escapeName(w.source), width),
    ...wrapped([bootPart(w), spanPart(w), samplesPart(w)], width, INDENT),
  ];
  if (w.domains.length > 0) {
    lines.push(
      ...wrapped(
        [FMFI_KEY, 'share >0: of the samples, those above 0', 'first >0: uptime when first above 0'],
        width,
        INDENT,
      ),
    );
  }
  for (const d of w.domains) lines.push('', ...domainBlock(w, d, width));
  return lines;
}

function domainBlock(w: WindowStats, d: DomainStats, width: number): string[] {
  const parts = [d.label, plural(d.samples, 'sample')];
  if (d.samplesWithoutData > 0) parts.push(`${count(d.samplesWithoutData)} without data`);
  parts.push(`${formatKiB(d.pageKiB)} pages`);
  if (d.first !== w.first || d.last !== w.last) {
    parts.push(`data ${formatHuman(d.first)} - ${formatHuman(d.last)} (${formatSpan(d.spanMs)})`);
  }
  const a = d.average;
  const average = [
    `average free block A: median ${formatSize(a.medianKiB)}`,
    `worst ${formatSize(a.worstKiB)}`,
    `last ${formatSize(a.lastKiB)}`,
  ];
  if (a.fromOrder > 0) average.push(`A from order ${a.fromOrder} where order 0 is missing: up to ${a.exactToKiB}K low`);
  const easy = [`easy to allocate, up to: median ${easyText(d.easy.medianKiB)}`, `worst ${easyText(d.easy.worstKiB)}`];
  const rows: Line[] = [
    { cells: ['size', 'samples', 'min', 'median', 'p90', 'max', 'share >0', 'first >0'] },
    ...d.orders.map((o) => ({
      cells: [
        formatKiB(o.sizeKiB),
        count(o.samples),
        count(o.min),
        count(o.median),
        count(o.p90),
        count(o.max),
        formatShare(o.shareAbove0),
        firstAbove(o),
      ],
    })),
  ];
  return [
    ...wrapped(parts, width, INDENT),
    ...wrapped(average, width, INDENT),
    ...wrapped(easy, width, INDENT),
    ...alignLines(rows, INDENT, new Set([7])), // sizes right, uptimes left
  ];
}

// Several windows.

function compareTable(windows: readonly WindowStats[], width: number): string[] {
  if (windows.length === 0) return [];
  const lines = ['Windows compared, each against #1:'];
  windows.forEach((w, i) => {
    const label = `#${i + 1} `;
    const parts = [`${label}${shorten(escapeName(w.source), width - 2 * INDENT.length - label.length)}`, bootPart(w), spanPart(w), samplesPart(w)];
    // Continuation lines one step further in, under the name.
    lines.push(...wrapped(parts, width - 2, INDENT).map((l, k) => (k === 0 ? l : `  ${l}`)));
  });
  lines.push(
    ...wrapped(
      [FMFI_KEY, 'changes: FMFI and uptime as differences, sizes in percent (× from 10 times on)', 'n/a: no data'],
      width,
      INDENT,
    ),
  );
  const domains = [...new Set(windows.flatMap((w) => w.domains.map((d) => d.domain)))].sort((a, b) => a - b);
  // As many windows beside #1 as fit: three, else two, else one.
  for (const perTable of [3, 2, 1]) {
    const blocks: string[] = [];
    for (const domain of domains) {
      for (let at = 1; at < windows.length; at += perTable) {
        const group = [0, ...Array.from({ length: Math.min(perTable, windows.length - at) }, (_, k) => at + k)];
        blocks.push('', ...compareBlock(windows, group, domain));
      }
    }
    if (perTable === 1 || blocks.every((l) => l.length <= width)) return [...lines, ...blocks];
  }
  return lines;
}

type Pick = (d: DomainStats) => string;
type Change = (d: DomainStats, ref: DomainStats) => string;

/** One row: the label, then per window its value and (after #1) the change against #1. */
function row(label: string, ds: ReadonlyArray<DomainStats | undefined>, value: Pick, change: Change): Line {
  const ref = ds[0];
  const cells = [label];
  ds.forEach((d, i) => {
    cells.push(d === undefined ? 'n/a' : value(d));
    if (i > 0) cells.push(d === undefined || ref === undefined ? '' : change(d, ref));
  });
  return { cells };
}

/** The row of a block size: windows with other page sizes have it at another order. */
function sizeRow(d: DomainStats, sizeKiB: number): OrderStats | undefined {
  return d.orders.find((o) => o.sizeKiB === sizeKiB);
}

function compareBlock(windows: readonly WindowStats[], group: readonly number[], domain: number): string[] {
  const ds = group.map((i) => windows[i]!.domains.find((d) => d.domain === domain));
  const head: string[] = [ds.find((d) => d !== undefined)?.label ?? `domain ${domain}`];
  group.forEach((i, k) => head.push(...(k === 0 ? [`#${i + 1}`] : [`#${i + 1}`, `#${i + 1} vs #1`])));
  const sizes = [...new Set(ds.flatMap((d) => d?.orders.map((o) => o.sizeKiB) ?? []))].sort((a, b) => a - b);
  const size = (pick: (d: DomainStats) => number | null, format: (v: number | null) => string): [Pick, Change] => [
    (d) => format(pick(d)),
    (d, ref) => {
      const v = pick(d);
      const r = pick(ref);
      return v === null || r === null ? '' : formatRatioChange(v, r);
    },
  ];
  const perSize = (kib: number, pick: (o: OrderStats) => number | null, format: (v: number | null) => string, diff: (v: number) => string): Line =>
    row(
      formatKiB(kib),
      ds,
      (d) => {
        const o = sizeRow(d, kib);
        return o === undefined ? 'n/a' : format(pick(o));
      },
      (d, ref) => {
        const o = sizeRow(d, kib);
        const r = sizeRow(ref, kib);
        const v = o === undefined ? null : pick(o);
        const rv = r === undefined ? null : pick(r);
        return v === null || rv === null ? '' : diff(v - rv);
      },
    );
  const fmfi = (v: number | null): string => (v === null ? 'n/a' : count(v));
  const uptime = (v: number | null): string => (v === null ? 'never' : formatSpan(v));
  const rows: Line[] = [
    { cells: head },
    row('A median', ds, ...size((d) => d.average.medianKiB, (v) => formatSize(v ?? 0))),
    row('A worst', ds, ...size((d) => d.average.worstKiB, (v) => formatSize(v ?? 0))),
    row('easy median', ds, ...size((d) => d.easy.medianKiB, easyText)),
    row('easy worst', ds, ...size((d) => d.easy.worstKiB, easyText)),
    { text: `${INDENT}median FMFI per block size` },
    ...sizes.map((kib) => perSize(kib, (o) => o.median, fmfi, formatChange)),
    { text: `${INDENT}first FMFI above 0, uptime` },
    ...sizes.map((kib) => perSize(kib, (o) => o.firstAbove0UptimeMs, uptime, formatSpanChange)),
  ];
  return alignLines(rows, INDENT);
}
