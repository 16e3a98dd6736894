import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binSamples, type TimeBins } from '../../../src/summary/bins.js';
import { chartCaption } from '../../../src/summary/caption.js';
import { datablockRows } from '../../../src/views/gnuplot/datablock.js';
import { DEFAULT_OPTIONS, type GnuplotOptions } from '../../../src/views/gnuplot/options.js';
import { gnuplotScript, maxBinsFor } from '../../../src/views/gnuplot/script.js';
import { parseLog } from '../../../src/formats/read.js';
import { formatLogTime } from '../../../src/time.js';
import { FIXTURES } from '../../helpers/cli.js';
import { sample } from './samples.js';

function binsOf(fixture: string): TimeBins {
  const window = parseLog(readFileSync(join(FIXTURES, fixture)), fixture);
  return binSamples(window.samples, { maxBins: maxBinsFor(DEFAULT_OPTIONS) });
}

function scriptOf(fixture: string, options: Partial<GnuplotOptions> = {}): string {
  const bins = binsOf(fixture);
  return gnuplotScript(bins, chartCaption(fixture, null, bins), { ...DEFAULT_OPTIONS, ...options });
}

const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;

/** The text between `$dN << EOD` and `EOD`, per datablock. */
function datablocks(script: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of script.matchAll(/^(\$d\d+) << EOD\n([\s\S]*?)^EOD$/gm)) out.set(m[1]!, m[2]!);
  return out;
}

describe('walls and panels', () => {
  it.each([
    ['one-domain.log', 13, 1],
    ['orders-11.log', 11, 1],
    ['orders-17.log', 17, 1],
    ['numa-2-domains.log', 13, 2],
    ['numa-4-domains.log', 13, 4],
  ])('%s: one wall per order in each of one panel per domain', (fixture, orders, domains) => {
    const script = scriptOf(fixture);
    expect(count(script, /\) with zerrorfill fc/g)).toBe(orders * domains);
    expect(count(script, /^splot /gm)).toBe(domains);
    for (let d = 0; d < domains; d++) {
      expect(script).toContain(`set label 1 "domain ${d}" at screen`);
      const panel = script.slice(script.indexOf(`# domain ${d}\n`));
      const splot = panel.slice(panel.indexOf('splot '), panel.indexOf('\nunset label'));
      expect(count(splot, new RegExp(`\\$d${d} using`, 'g'))).toBe(orders);
    }
    expect(count(script, /^set multiplot$/gm)).toBe(1);
    expect(count(script, /^unset multiplot$/gm)).toBe(1);
  });

  it('draws the walls from the back (the largest block) to the front (order 0)', () => {
    const splot = scriptOf('one-domain.log').split('\nsplot ')[1]!;
    const orders = [...splot.matchAll(/using 1:\((\d+)\)/g)].map((m) => Number(m[1]));
    expect(orders).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
  });

  it('fills every wall from the zero plane to the clamped FMFI, each in its own colour', () => {
    const script = scriptOf('orders-11.log');
    const walls = [...script.matchAll(/using 1:\((\d+)\):\(clamp\(\$(\d+)\)\):\(clamp\(0\)\):\(clamp\(\$(\d+)\)\) with zerrorfill fc rgb "(#[0-9a-f]{6})"/g)];
    expect(walls).toHaveLength(11);
    for (const [, order, z, zhigh] of walls) {
      expect(Number(z)).toBe(Number(order) + 2);
      expect(zhigh).toBe(z);
    }
    expect(new Set(walls.map((w) => w[4])).size).toBe(11);
    expect(script).toContain('set style fill solid 1.0 noborder');
  });

  it('labels the depth axis with the block sizes the kernel printed, not recomputed ones', () => {
    expect(scriptOf('pages-16k.log')).toMatch(/set ytics \("16K" 0, "32K" 1, "64K" 2, /);
    expect(scriptOf('one-domain.log')).toMatch(/set ytics \("4K" 0, "8K" 1, .*"16M" 12\)/);
  });
});

describe('datablocks', () => {
  it('inlines one datablock per domain, with the rows datablockRows makes', () => {
    const bins = binsOf('numa-4-domains.log');
    const script = gnuplotScript(bins, chartCaption('numa-4-domains.log', null, bins));
    const blocks = datablocks(script);
    expect([...blocks.keys()]).toEqual(['$d0', '$d1', '$d2', '$d3']);
    blocks.forEach((rows, name) => expect(rows).toBe(datablockRows(bins, Number(name.slice(2)))));
    // One time column and one column per order in every row.
    for (const rows of blocks.values()) {
      for (const row of rows.trimEnd().split('\n')) expect(row.split(' ')).toHaveLength(14);
    }
  });

  it('keeps the times as the cron job logged them, never shifted by a zone', () => {
    const bins = binSamples([sample(0, [1, 2]), sample(5, [3, 4])], { maxBins: 1000 });
    const script = gnuplotScript(bins, chartCaption('x.log', null, bins));
    const first = formatLogTime(bins.bins[0]!.start);
    expect(first.startsWith('2024-04-08_')).toBe(true);
    expect(script).toContain(`set xrange ["${first}":"${formatLogTime(bins.bins[bins.bins.length - 1]!.end)}"]`);
    expect(script).toContain('set timefmt "%Y-%m-%d_%H:%M:%S"');
    expect(datablocks(script).get('$d0')!.startsWith(first)).toBe(true);
  });

  it('stays small on a long window: at most about one bin per pixel of the time axis', () => {
    const samples = Array.from({ length: 20_000 }, (_, i) => sample(i, [-(i % 997), i % 13]));
    const bins = binSamples(samples, { maxBins: maxBinsFor(DEFAULT_OPTIONS) });
    const rows = datablockRows(bins, 0).trimEnd().split('\n');
    expect(rows.length).toBeLessThanOrEqual(maxBinsFor(DEFAULT_OPTIONS) + 2);
  });
});

describe('terminal', () => {
  it('draws SVG at the chart size by default, to standard output', () => {
    const script = scriptOf('one-domain.log');
    expect(script).toContain('set terminal svg size 1200,700 background "#ffffff"\n');
    expect(script).not.toMatch(/^\s*set output/m);
    expect(script).toContain('set termoption noenhanced');
  });

  it('takes another terminal and size, in the unit the terminal measures in', () => {
    expect(scriptOf('one-domain.log', { terminal: 'pngcairo', width: 800, height: 500 })).toContain(
      'set terminal pngcairo size 800,500 background',
    );
    expect(scriptOf('one-domain.log', { terminal: 'pdfcairo' })).toContain('set terminal pdfcairo size 12in,7in background');
  });

  it('adds a panel as tall as one domain\'s for each further domain, as our chart does', () => {
    expect(scriptOf('numa-4-domains.log')).toContain('set terminal svg size 1200,2548 ');
    expect(scriptOf('numa-4-domains.log', { height: 400 })).toContain('set terminal svg size 1200,1348 ');
  });
});

describe('FMFI axis', () => {
  it('is -1000:1000 by default, clamps beyond it and counts what it clamps in a note', () => {
    const script = scriptOf('one-domain.log');
    expect(script).toContain('ZMIN = -1000\nZMAX = 1000\nclamp(v) = v < ZMIN ? ZMIN : (v > ZMAX ? ZMAX : v)\nset zrange [ZMIN:ZMAX]');
    expect(script).toContain('set ztics ("-1000" -1000, "-500" -500, "0" 0, "500" 500, "1000" 1000) nomirror');
    expect(script).toMatch(/set label 103 "[\d,]+ of [\d,]+ plotted values are below -1000 and drawn at -1000"/);
  });

  it('counts values on both sides', () => {
    const bins = binSamples([sample(0, [-5000, 5000, 0]), sample(10, [-5000, 0, 0])], { maxBins: 100 });
    const script = gnuplotScript(bins, chartCaption('x.log', null, bins));
    expect(bins.bins).toHaveLength(2);
    expect(script).toContain(
      '"3 of 6 plotted values are below -1000 or above 1000 (2 below, 1 above) and drawn at the limit"',
    );
  });

  it('spans exactly the data and zero with auto, as our chart does, and has no note then', () => {
    const bins = binSamples([sample(0, [-5000, 300]), sample(10, [-20, 700])], { maxBins: 100 });
    const script = gnuplotScript(bins, chartCaption('x.log', null, bins), { ...DEFAULT_OPTIONS, zRange: { kind: 'auto' } });
    expect(script).toContain('ZMIN = -5000\nZMAX = 700\n');
    expect(script).toContain('set ztics ("-5000" -5000, "-4000" -4000, "-3000" -3000, "-2000" -2000, "-1000" -1000, "0" 0) nomirror');
    expect(script).not.toContain('set label 103');
  });

  it('takes a fixed range that leaves zero out: the walls then stand on the limit', () => {
    const script = scriptOf('one-domain.log', { zRange: { kind: 'fixed', min: 100, max: 500 } });
    expect(script).toContain('ZMIN = 100\nZMAX = 500\n');
    expect(script).toContain('(clamp(0))');
  });
});

describe('titles', () => {
  it('are the caption of our SVG chart', () => {
    const bins = binsOf('numa-2-domains.log');
    const caption = chartCaption('fixtures/vm_frag_20240408_1005.log', Date.UTC(2024, 3, 8, 10, 5), bins);
    const script = gnuplotScript(bins, caption);
    expect(script).toContain(`chart_title = "vm_frag_20240408_1005.log"\n`);
    expect(script).toContain(`chart_subtitle = "${caption.subtitle}"\n`);
    expect(script).toContain('set label 101 chart_title at screen');
    expect(script).toContain('set label 102 chart_subtitle at screen');
  });

  it.each([
    `a'; system("touch /tmp/pwned"); '.log`,
    'a`touch pwned`.log',
    'a"; system("touch pwned") #.log',
    'back\\slash\\.log',
    'new\nline"; system("touch pwned")\n.log',
    'at@macro.log',
  ])('carry a hostile name %j only as one escaped string', (name) => {
    const bins = binsOf('one-domain.log');
    const script = gnuplotScript(bins, chartCaption(name, null, bins));
    const benign = gnuplotScript(bins, chartCaption('benign.log', null, bins));
    // Nothing was added to the script but the one string: no new line, no new command.
    expect(script.split('\n')).toHaveLength(benign.split('\n').length);
    const line = script.split('\n').find((l) => l.startsWith('chart_title = '))!;
    expect(line).toMatch(/^chart_title = "([^"\\`@\n]|\\.|\\\d{3})*"$/);
    expect(script).not.toContain('`');
    expect(script.replace(line, '')).toBe(benign.replace(/^chart_title = .*$/m, ''));
  });
});

describe('a log without values', () => {
  it('gives a picture that says so instead of failing', () => {
    const bins = binSamples([], { maxBins: 100 });
    const script = gnuplotScript(bins, chartCaption('empty.log', null, bins));
    expect(script).toContain('set label 104 "no samples in this log" at screen');
    expect(script).not.toContain('splot');
    expect(script).not.toContain('EOD');
  });

  it('says when the kernel had no vm.phys_frag_idx', () => {
    const bins = binSamples([{ time: 0, line: 1, domains: [] }, { time: 60_000, line: 9, domains: [] }], { maxBins: 100 });
    const script = gnuplotScript(bins, chartCaption('no-sysctl.log', null, bins));
    expect(script).toContain('"none of its 2 samples has vm.phys_frag_idx output (kernel without the sysctl?)"');
  });
});
