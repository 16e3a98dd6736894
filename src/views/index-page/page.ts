// The index page: every boot window at a glance, the recent ones compared, each chart one click away. Pure.
//
//   1. head: title, colour schemes, a policy that lets the page load nothing but files beside it
//   2. header: how many windows, the time they cover, when the page was made
//   3. the comparison chart of the most recent windows, inline
//   4. the table, newest first: numbers per window, warnings, a thumbnail linking the chart
//   5. the sort script (the table reads the same without it)
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { formatCount, formatSpan, plural } from '../../summary/caption.js';
import { formatKiB, formatSize } from '../../summary/sizes.js';
import type { DomainStats } from '../../summary/stats.js';
import { formatHuman } from '../../time.js';
import { attributesOf, element, escapeHtml, fileHref } from './html.js';
import { newestFirst, windowStart, type IndexPage, type PageWindow } from './model.js';
import { SORT_SCRIPT } from './script.js';
import { STYLE } from './style.js';

/** Thumbnails are this wide, their height in proportion. */
export const THUMBNAIL_WIDTH = 180;

const SCRIPT_HASH = createHash('sha256').update(SORT_SCRIPT).digest('base64');

/**
 * Nothing from elsewhere: images from the page's own folder (`'self'` is the folder's
 * origin, file:// included), the one script by its hash, no fonts, frames or requests.
 */
const POLICY = `default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; base-uri 'none'; form-action 'none'`;

/** The whole page as an HTML document. */
export function indexPageHtml(page: IndexPage): string {
  const windows = newestFirst(page.windows);
  const title = windowCount(windows.length);
  return [
    // 1.
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<meta name="generator"${attributesOf({ content: page.generator })}>`,
    `<meta http-equiv="Content-Security-Policy"${attributesOf({ content: POLICY })}>`,
    `<title>${escapeHtml(`${title} · fmfi-plot`)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    // 2.
    '<header>',
    element('h1', escapeHtml(title)),
    element('p', escapeHtml(headerLine(page, windows)), { class: 'meta' }),
    '</header>',
    '<main>',
    // 3.
    ...compareSection(page),
    // 4.
    ...tableSection(windows),
    '</main>',
    element(
      'footer',
      `Each chart is the file beside this page that its thumbnail links to. ${escapeHtml(page.generator)} keeps the numbers in index.json ` +
        'and brings this page up to date with the charts: <code>fmfi-plot LOG... -o DIR</code>, or <code>fmfi-plot index DIR</code>.',
    ),
    // 5.
    `<script>${SORT_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function windowCount(n: number): string {
  return n === 0 ? 'No boot windows' : plural(n, 'boot window');
}

/** The time the windows cover and when the page was made. */
function headerLine(page: IndexPage, windows: readonly PageWindow[]): string {
  const made = `page made ${formatHuman(page.madeAt)} by ${page.generator}`;
  let first = Infinity;
  let last = -Infinity;
  for (const { stats } of windows) {
    if (stats.first !== null) first = Math.min(first, stats.first);
    if (stats.last !== null) last = Math.max(last, stats.last);
  }
  if (!(first <= last)) return `No samples · ${made}`;
  return `Samples from ${formatHuman(first)} to ${formatHuman(last)} (${formatSpan(last - first)}) · ${made}`;
}

function compareSection(page: IndexPage): string[] {
  if (page.compare === null) return [];
  const n = page.compare.compared;
  const heading = n === 1 ? 'The most recent window by uptime' : `The ${n} most recent windows by uptime`;
  return [
    '<section aria-labelledby="compare-title">',
    element('h2', escapeHtml(heading), { id: 'compare-title' }),
    element(
      'p',
      'On top the average free block size A over uptime (higher is better), below it FMFI per block size ' +
        '(1000 fully fragmented, below 0 easy to allocate); one line per window, uptime 0 at its boot.',
    ),
    element('figure', inlineSvg(page.compare.svg), { class: 'compare' }),
    '</section>',
  ];
}

/** An SVG document as an element of the page: without its XML declaration. */
function inlineSvg(svg: string): string {
  return svg.replace(/^<\?xml[^>]*\?>\s*/, '').trimEnd();
}

interface Column {
  readonly head: string;
  /** `n`: a number, aligned right. */
  readonly numeric: boolean;
  readonly sortable: boolean;
}

const COLUMNS: readonly Column[] = [
  { head: 'Window', numeric: false, sortable: true },
  { head: 'Span', numeric: true, sortable: true },
  { head: 'Samples', numeric: true, sortable: true },
  { head: 'Domains', numeric: true, sortable: true },
  { head: 'A median', numeric: true, sortable: true },
  { head: 'A worst', numeric: true, sortable: true },
  { head: 'Easy median', numeric: true, sortable: true },
  { head: 'Warnings', numeric: true, sortable: true },
  { head: 'Chart', numeric: false, sortable: false },
];

function tableSection(windows: readonly PageWindow[]): string[] {
  const heads = COLUMNS.map((c, i) =>
    element('th', escapeHtml(c.head), {
      scope: 'col',
      class: c.numeric ? 'n' : null,
      'data-sortable': c.sortable ? '' : null,
      'aria-sort': i === 0 ? 'descending' : null,
    }),
  );
  return [
    '<section aria-labelledby="windows-title">',
    element('h2', 'Every window', { id: 'windows-title' }),
    element('p', 'Newest first. <span id="sort-hint" hidden>Select a column heading to sort by it; again to reverse.</span>'),
    '<dl class="legend">',
    '<dt>A</dt><dd>the average free block size (the kernel’s free pages over its free blocks) at the median and at the worst (smallest) sample; higher is better</dd>',
    '<dt>Easy</dt><dd>the largest block size still easy to allocate (FMFI ≤ 0) at the median sample</dd>',
    '<dt>Domains</dt><dd>NUMA domains (Linux: nodes and zones); with several, the first line of a number is the worst domain’s, which the column sorts by, and each domain has its line below</dd>',
    '</dl>',
    '<div class="scroll">',
    '<table id="windows">',
    `<thead><tr>${heads.join('')}</tr></thead>`,
    '<tbody>',
    ...windows.map(windowRow),
    '</tbody>',
    '</table>',
    '</div>',
    '</section>',
  ];
}

function name(source: string): string {
  return source === '-' ? 'standard input' : basename(source);
}

function windowRow(w: PageWindow): string {
  const s = w.stats;
  const cells = [
    windowCell(w),
    spanCell(w),
    numberCell(s.samplesWithData, formatCount(s.samplesWithData) + sub(s.samplesWithoutData > 0 ? `+ ${formatCount(s.samplesWithoutData)} without data` : null)),
    domainsCell(s.domains),
    perDomainCell(s.domains, (d) => d.average.medianKiB, formatSize),
    perDomainCell(s.domains, (d) => d.average.worstKiB, formatSize),
    perDomainCell(s.domains, (d) => d.easy.medianKiB ?? 0, (kib) => (kib === 0 ? 'none' : formatKiB(kib))),
    warningsCell(w),
    chartCell(w),
  ];
  return `<tr>${cells.join('')}</tr>`;
}

function sub(text: string | null): string {
  return text === null ? '' : element('span', escapeHtml(text), { class: 'sub' });
}

function windowCell(w: PageWindow): string {
  const s = w.stats;
  const boot = s.bootTime === null ? 'boot time unknown' : `booted ${formatHuman(s.bootTime)}`;
  const link = element('a', escapeHtml(name(s.source)), { href: fileHref(w.chart) });
  const gone = w.logGone ? element('span', 'log gone', { class: 'gone', title: 'the log was not found: delete the chart to drop this row' }) : '';
  return `<th scope="row"${attributesOf({ 'data-sort': windowStart(s) ?? '' })}>${link}${sub(boot)}${gone}</th>`;
}

function spanCell(w: PageWindow): string {
  const s = w.stats;
  if (s.first === null || s.last === null) return numberCell(0, '<span class="none">no samples</span>');
  return numberCell(s.spanMs ?? 0, escapeHtml(formatSpan(s.spanMs ?? 0)) + sub(`${formatHuman(s.first)} –`) + sub(formatHuman(s.last)));
}

/** A number cell: its text (HTML) and the number it sorts by. */
function numberCell(sortBy: number, html: string, title: string | null = null): string {
  return element('td', html, { class: 'n', 'data-sort': sortBy, title });
}

/** The number of domains; with several, their names below, one a line, beside their values in the next columns. */
function domainsCell(domains: readonly DomainStats[]): string {
  const lines = domains.length > 1 ? domains.map((d) => sub(d.label)).join('') : '';
  return numberCell(domains.length, escapeHtml(String(domains.length)) + lines);
}

/**
 * One value per domain: with several, the worst (smallest) first, which the column sorts
 * by, then each domain's on its line, level with its name in the Domains column.
 */
function perDomainCell(domains: readonly DomainStats[], value: (d: DomainStats) => number, format: (v: number) => string): string {
  if (domains.length === 0) return numberCell(0, '<span class="none">–</span>');
  const values = domains.map(value);
  const worst = Math.min(...values);
  if (domains.length === 1) return numberCell(worst, escapeHtml(format(worst)));
  return numberCell(worst, escapeHtml(format(worst)) + values.map((v) => sub(format(v))).join(''), `the worst of its ${domains.length} domains, then each domain's`);
}

function warningsCell(w: PageWindow): string {
  const warnings = w.diagnostics.filter((d) => d.severity === 'warning').length + w.hiddenWarnings;
  if (w.diagnostics.length === 0 && w.hiddenWarnings === 0) return numberCell(0, '<span class="none">0</span>');
  const notes = w.diagnostics.length - w.diagnostics.filter((d) => d.severity === 'warning').length;
  const counted = [warnings > 0 || notes === 0 ? plural(warnings, 'warning') : null, notes > 0 ? plural(notes, 'note') : null].filter((p) => p !== null);
  const items = w.diagnostics.map((d) => element('li', escapeHtml(`${d.line > 0 ? `line ${d.line}: ` : ''}${d.severity === 'warning' ? '' : `${d.severity}: `}${d.message}`)));
  if (w.hiddenWarnings > 0) items.push(element('li', escapeHtml(`${plural(w.hiddenWarnings, 'more warning')} not kept (--warnings N keeps more)`)));
  return numberCell(warnings, element('details', `${element('summary', escapeHtml(counted.join(', ')))}<ul>${items.join('')}</ul>`));
}

function chartCell(w: PageWindow): string {
  const height = Math.round((THUMBNAIL_WIDTH * w.height) / Math.max(1, w.width));
  const img = `<img${attributesOf({ src: fileHref(w.chart), width: THUMBNAIL_WIDTH, height, alt: w.description, loading: 'lazy', decoding: 'async' })}>`;
  return element('td', element('a', img, { href: fileHref(w.chart), title: `the chart of ${name(w.stats.source)}` }), { class: 'chart' });
}
