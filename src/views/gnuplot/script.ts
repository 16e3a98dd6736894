// Time bins + caption → a self-contained gnuplot script: `fmfi-plot gnuplot x.log | gnuplot > x.svg`.
//
//   TimeBins ──┬─ 1. terminal and encoding      (no `set output`: the picture goes to stdout)
//   Caption  ──┤  2. one datablock per domain    (datablock.ts)
//   options  ──┤  3. axes: time, block size, FMFI, shared by every panel
//              └─ 4. multiplot: title lines, one panel of walls per domain, the note
//
// Pure: the same inputs give the same text. Input text (the file name in the title)
// reaches the script only through gnuplotString.
import type { TimeBins } from '../../summary/bins.js';
import { formatCount, type Caption } from '../../summary/caption.js';
import { countClipped, heightLimits, type HeightLimits } from '../../summary/height.js';
import { Warn } from '../../errors.js';
import { datablock, datablockName, hasValues, orderColumn, scriptTime, TIME_FORMAT } from './datablock.js';
import { depthTics, timeTicks } from './labels.js';
import { fittingFontSize, layout, pictureHeight, timeAxisPixels, type Layout, type Panel } from './layout.js';
import { DEFAULT_OPTIONS, type GnuplotOptions } from './options.js';
import { INDEX_AXIS_TITLE } from '../../indices.js';
import { wallColours } from './palette.js';
import { gnuplotString } from './quote.js';
import { terminalCommand } from './terminal.js';
import { zTics } from './z-axis.js';

/** Pixels a time tick label needs along the axis so that neighbours never touch. */
const TICK_LABEL_PX = 90;
/** Pixels between FMFI ticks. */
const Z_TICK_PX = 40;

/** The most time bins worth making for a picture this wide: about one per pixel of the time axis. */
export function maxBinsFor(options: Pick<GnuplotOptions, 'width'>): number {
  return timeAxisPixels(options.width);
}

const WHY_ZERRORFILL = `\
# Each order is a wall along time, drawn "with zerrorfill" from the back (the largest
# block) to the front (4K), so nearer walls cover farther ones.
# Why zerrorfill: the original template's "splot ... with filledcurve" fills only from
# gnuplot 6.0.2 on; gnuplot 5.4 (Debian 12, FreeBSD ports) silently draws it as bare
# lines. zerrorfill (gnuplot 5.2 and later, 6 included) fills, at every point of a
# line, between two heights: here between the zero plane and the FMFI, which makes a
# filled wall in the plane of the line.`;

function header(caption: Caption): string {
  return [
    '# A gnuplot script written by fmfi-plot: the FMFI of each order (block size) over',
    '# time, one panel per NUMA domain. Run it as: gnuplot THIS > picture',
    '# (the terminal writes to standard output; see "set terminal" to change it).',
    `# The data below are the log's samples in time bins, keeping each bin's worst value.`,
    `chart_title = ${gnuplotString(caption.title)}`,
    `chart_subtitle = ${gnuplotString(caption.subtitle)}`,
    '',
  ].join('\n');
}

function terminal(options: GnuplotOptions, height: number): string {
  return ['set encoding utf8', terminalCommand(options.terminal, options.width, height), 'set termoption noenhanced', ''].join(
    '\n',
  );
}

function axes(bins: TimeBins, limits: HeightLimits, shape: Layout, zLabel = 'FMFI'): string {
  const first = bins.bins[0]!.start;
  const last = bins.bins[bins.bins.length - 1]!.end;
  const ticks = timeTicks(first, last, shape.timeAxisPixels / TICK_LABEL_PX);
  const orders = bins.orders;
  const ytics = depthTics(orders, shape.depthAxisPixels)
    .map((t) => `"${t.label}" ${t.order}`)
    .join(', ');
  const lowest = orders[0]?.order ?? 0;
  const highest = orders[orders.length - 1]?.order ?? 0;
  return [
    '# FMFI axis: values beyond it are drawn at its limit (clamp), as in our SVG chart.',
    `ZMIN = ${limits.min}`,
    `ZMAX = ${limits.max}`,
    'clamp(v) = v < ZMIN ? ZMIN : (v > ZMAX ? ZMAX : v)',
    'set zrange [ZMIN:ZMAX]',
    `set ztics (${zTics(limits, shape.zAxisPixels / Z_TICK_PX).map((t) => `"${t.label}" ${t.value}`).join(', ')}) nomirror`,
    `set zlabel "${zLabel}" rotate parallel`,
    '',
    '# Time: zone-less wall-clock times as the cron job logged them.',
    'set xdata time',
    `set timefmt "${TIME_FORMAT}"`,
    `set xrange ["${scriptTime(first)}":"${scriptTime(last)}"]`,
    `set xtics "${scriptTime(ticks.start)}", ${ticks.stepSeconds} nomirror offset 0, -0.6`,
    `set format x "${ticks.format}" timedate`,
    '',
    '# Depth: one wall per order, labelled with the block size the kernel printed.',
    `set yrange [${lowest - 0.5}:${highest + 0.5}]`,
    `set ytics (${ytics}) nomirror font ",10"`,
    'set ylabel "block size" rotate parallel',
    '',
    `set view 60, 38, ${shape.viewScale}, 1`,
    'set xyplane relative 0',
    'set border 895',
    'set grid ztics vertical',
    'unset key',
    'set style fill solid 1.0 noborder',
    '',
  ].join('\n');
}

function walls(bins: TimeBins, domainIndex: number): string {
  const colours = wallColours(bins.orders.length);
  const name = datablockName(bins.domains[domainIndex]!);
  const parts: string[] = [];
  for (let o = bins.orders.length - 1; o >= 0; o--) {
    if (!hasValues(bins, domainIndex, o)) continue;
    const order = bins.orders[o]!.order;
    const col = orderColumn(o);
    const c = colours[o]!;
    parts.push(
      `${name} using 1:(${order}):(clamp($${col})):(clamp(0)):(clamp($${col})) with zerrorfill fc rgb "${c.fill}" lc rgb "${c.edge}"`,
    );
  }
  // A domain without a single value still gets its (empty) axes; gnuplot stops on a wall without points.
  if (parts.length === 0) return 'splot NaN notitle\n';
  return `splot ${parts.join(', \\\n      ')}\n`;
}

/**
 * The note under the panels: how many plotted values the FMFI axis cuts, so a flat wall
 * at the limit is not misread, and the domains left out (see MAX_PANELS).
 */
export function noteText(bins: TimeBins, limits: HeightLimits): string | null {
  const left = bins.leftOut;
  const leftOut = left === undefined ? null : Warn.DOMAINS_LEFT_OUT(bins.domains.length, left.count, left.lowest, left.highest);
  const clipped = clipText(bins, limits);
  return clipped === null ? leftOut : leftOut === null ? clipped : `${clipped}. ${leftOut}`;
}

function clipText(bins: TimeBins, limits: HeightLimits): string | null {
  if (limits.auto) return null;
  const { below, above, bars: total } = countClipped(bins, limits);
  const n = formatCount;
  const of = `of ${n(total)} plotted values`;
  if (below > 0 && above > 0) {
    return `${n(below + above)} ${of} are below ${limits.min} or above ${limits.max} (${n(below)} below, ${n(above)} above) and drawn at the limit`;
  }
  if (below > 0) return `${n(below)} ${of} are below ${limits.min} and drawn at ${limits.min}`;
  if (above > 0) return `${n(above)} ${of} are above ${limits.max} and drawn at ${limits.max}`;
  return null;
}

function captionLabels(shape: Layout, caption: Caption, note: string | null): string {
  const size = (text: string, preferred: number): number => fittingFontSize(text, preferred, shape.width);
  const lines = [
    `set label 101 chart_title at screen ${shape.title.x}, ${shape.title.y} center font ",${size(caption.title, 16)}" noenhanced`,
    `set label 102 chart_subtitle at screen ${shape.subtitle.x}, ${shape.subtitle.y} center font ",${size(caption.subtitle, 11)}" noenhanced`,
  ];
  if (note !== null) {
    const at = `at screen ${shape.note.x}, ${shape.note.y}`;
    lines.push(`set label 103 ${gnuplotString(note)} ${at} left font ",${size(note, 10)}" noenhanced`);
  }
  return `${lines.join('\n')}\n`;
}

function panel(bins: TimeBins, domainIndex: number, box: Panel): string {
  const domain = bins.domains[domainIndex]!;
  return [
    `# domain ${domain}`,
    `set origin ${box.origin.x}, ${box.origin.y}`,
    `set size ${box.size.w}, ${box.size.h}`,
    `set label 1 ${bins.labels === undefined ? `"domain ${domain}"` : gnuplotString(bins.labels[domainIndex]!)} at screen ${box.label.x}, ${box.label.y} left font ",12" noenhanced`,
    walls(bins, domainIndex),
  ].join('\n');
}

/** A picture with the title and the parser's sentence instead of panels: the log has no FMFI values to draw. */
function emptyPicture(shape: Layout, caption: Caption, bins: TimeBins): string {
  const why = bins.samplesWithoutOutput > 0 ? Warn.NO_FMFI(bins.samplesWithoutOutput) : Warn.NO_SAMPLES();
  return [
    'set multiplot',
    captionLabels(shape, caption, null),
    `set label 104 ${gnuplotString(why)} at screen 0.5, 0.5 center font ",12"`,
    'unset border',
    'unset tics',
    'unset key',
    'plot [0:1] [0:1] NaN notitle',
    'unset multiplot',
    '',
  ].join('\n');
}

export function gnuplotScript(bins: TimeBins, caption: Caption, options: GnuplotOptions = DEFAULT_OPTIONS): string {
  const panels = Math.max(1, bins.domains.length);
  const height = pictureHeight(options.height, panels);
  const shape = layout(options.width, height, panels);
  // 1. terminal
  let out = header(caption) + terminal(options, height);
  if (bins.bins.length === 0) return `${out}\n${emptyPicture(shape, caption, bins)}`;
  // 2. data
  out += '\n';
  for (let d = 0; d < bins.domains.length; d++) out += `${datablock(bins, d)}\n`;
  // 3. axes
  const limits = heightLimits(options.zRange, bins);
  out += axes(bins, limits, shape, INDEX_AXIS_TITLE[options.index ?? 'fmfi']);
  // 4. panels
  out += `\n${WHY_ZERRORFILL}\nset multiplot\n${captionLabels(shape, caption, noteText(bins, limits))}`;
  bins.domains.forEach((_, d) => {
    out += `\n${panel(bins, d, shape.panels[d]!)}`;
    // The title lines belong to the first panel only; each panel has its own domain label.
    out += d === 0 ? 'unset label\n' : 'unset label 1\n';
  });
  return `${out}unset multiplot\n`;
}
