import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../../src/model.js';
import { parseLog } from '../../../src/formats/read.js';
import { binSamples, type TimeBins } from '../../../src/summary/bins.js';
import { chartCaption } from '../../../src/summary/caption.js';
import {
  classOf,
  colourClass,
  DEFAULT_HEATMAP_OPTIONS,
  heatmapCells,
  heatmapSpec,
  legendClasses,
  maxBinsFor,
  renderHeatmapSvg,
} from '../../../src/views/heatmap/index.js';
import { FIXTURES } from '../../helpers/cli.js';

const T0 = Date.UTC(2024, 3, 8, 10, 0);

/** A sample at `minute` with the FMFI of orders 0, 1, … in each domain. */
function sample(minute: number, fmfi: number[], domains = 1): Sample {
  return {
    time: T0 + minute * 60_000,
    line: 1,
    domains: Array.from({ length: domains }, (_, domain) => ({
      domain,
      orders: fmfi.map((v, order) => ({ order, sizeKiB: 4 * 2 ** order, fmfi: v })).reverse(),
    })),
  };
}

function fixture(name: string): { bins: TimeBins; caption: ReturnType<typeof chartCaption> } {
  const window = parseLog(readFileSync(join(FIXTURES, name)), name);
  const bins = binSamples(window.samples, { maxBins: maxBinsFor(DEFAULT_HEATMAP_OPTIONS) });
  return { bins, caption: chartCaption(name, window.bootTime, bins) };
}

describe('the heatmap colours', () => {
  it('put FMFI in classes that diverge at 0: 250 wide above, a decade each below', () => {
    expect([1000, 999, 750, 749, 500, 250, 0].map(classOf)).toEqual([4, 3, 3, 2, 2, 1, 0]);
    expect([-1, -1000, -1001, -10_000, -10_001, -1_000_000, -1_000_001, -9e9].map(classOf)).toEqual([-1, -1, -2, -2, -3, -4, -5, -5]);
    expect([4, 0, -1, -2, -5].map((c) => colourClass(c).label)).toEqual([
      '1,000: fully fragmented',
      '0 to 250',
      '0 to −1,000',
      '−1,000 to −10,000',
      'below −1,000,000',
    ]);
    // Reds above 0, blues below: pale at 0, dark at the ends.
    expect(colourClass(0).colour).toBe('#fddbc7');
    expect(colourClass(-1).colour).toBe('#d1e5f0');
  });

  it('lists every class above 0 in the legend, and below 0 those down to the lowest value', () => {
    expect(legendClasses(-91)).toEqual([4, 3, 2, 1, 0, -1]);
    expect(legendClasses(500)).toEqual([4, 3, 2, 1, 0, -1]);
    expect(legendClasses(-1_662_916)).toEqual([4, 3, 2, 1, 0, -1, -2, -3, -4, -5]);
  });
});

describe('heatmapCells', () => {
  it('joins neighbouring bins of one class into one cell, and a gap in sampling ends it', () => {
    const bins = binSamples(
      [sample(0, [-5, 800]), sample(5, [-9, 900]), sample(10, [-20_000, 1000]), sample(15, [-30, 1000]), sample(600, [-30, 1000])],
      { maxBins: 1000 },
    );
    const frame = { start: bins.bins[0]!.start, end: bins.bins.at(-1)!.end + bins.intervalMs, barMs: bins.intervalMs };
    const starts = bins.bins.map((b) => b.start);
    // A bin's start, or one sampling period after the last bin before the gap and the end.
    const period = (i: number): number => Math.max(bins.bins[i]!.end, bins.bins[i]!.start + bins.intervalMs);
    const at = (t: number): string => (starts.includes(t) ? `b${starts.indexOf(t)}` : t === period(3) ? 'gap' : t === period(4) ? 'end' : String(t));
    const cells = heatmapCells(bins, frame).map((c) => `${c.o} ${c.c} ${at(c.x)}-${at(c.x2)}`);
    expect(cells).toEqual([
      // Order 0: two samples of the first class, one of the third, one back in the first; after the gap one more.
      '0 -1 b0-b2',
      '0 -3 b2-b3',
      '0 -1 b3-gap',
      '0 -1 b4-end',
      '1 3 b0-b2',
      '1 4 b2-gap',
      '1 4 b4-end',
    ]);
    // Before the gap a cell lasts one sampling period, not up to the next sample.
    expect(bins.bins[4]!.afterGap).toBe(true);
  });
});

describe('heatmapSpec', () => {
  it('draws block sizes up (the largest on top) against time, the legend in words, the notes of the chart', () => {
    const { bins, caption } = fixture('vm_frag_20240408_1005.log');
    const reading = { ...caption, notes: ['Reading the log gave a warning: unexpected line (1); fmfi-plot csv LOG > /dev/null lists them.'] };
    const spec = heatmapSpec(bins, reading, DEFAULT_HEATMAP_OPTIONS) as unknown as {
      title: { text: string; subtitle: string };
      vconcat: [{ encoding: Record<string, { scale?: { domain: unknown[] }; legend?: { labelExpr: string }; title?: string }> }, { data: { values: Array<{ t: string }> } }];
    };
    expect(spec.title).toMatchObject({ text: 'vm_frag_20240408_1005.log', subtitle: caption.subtitle });
    const encoding = spec.vconcat[0].encoding;
    expect(encoding.y!.scale!.domain).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(encoding.color!.title).toBe('FMFI, worst per cell');
    expect(encoding.color!.legend!.labelExpr).toContain('"750 to 1,000"');
    expect(spec.vconcat[1].data.values.map((v) => v.t).join(' ')).toContain('Reading the log gave a warning');
  });

  it('makes one panel per NUMA domain, named as the chart names them', () => {
    const { bins, caption } = fixture('numa-2-domains.log');
    const spec = heatmapSpec(bins, caption, DEFAULT_HEATMAP_OPTIONS) as unknown as { vconcat: [{ facet: { row: { header: { labelExpr: string } } } }] };
    expect(spec.vconcat[0].facet.row.header.labelExpr).toBe('["domain 0","domain 1"][datum.value]');
  });

  it('names the one domain asked for (--domain), and leaves a single domain unnamed otherwise', () => {
    const { bins, caption } = fixture('one-domain.log');
    type Drawn = { vconcat: [{ facet?: { row: { header: { labelExpr: string } } } }] };
    expect((heatmapSpec(bins, caption, DEFAULT_HEATMAP_OPTIONS) as unknown as Drawn).vconcat[0].facet).toBeUndefined();
    const named = heatmapSpec(bins, caption, { ...DEFAULT_HEATMAP_OPTIONS, nameDomain: true }) as unknown as Drawn;
    expect(named.vconcat[0].facet!.row.header.labelExpr).toBe('["domain 0"][datum.value]');
  });

  it('renders a standalone SVG with a title and a description', async () => {
    const { bins, caption } = fixture('numa-2-domains.log');
    const svg = await renderHeatmapSvg(bins, caption, DEFAULT_HEATMAP_OPTIONS);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('<title>numa-2-domains.log</title>');
    expect(svg).toMatch(/<desc>Heatmap of FMFI by time and block size \(4K to 16M\)/);
    expect(svg).toContain('>domain 1<');
    expect(svg).toContain('>16M<');
    // Heights in words of FMFI, never in SI units that read as block sizes.
    expect(svg).not.toMatch(/>[−-]\d+(\.\d+)?[kM]</);
    expect(svg).toContain('>−1,000 to −10,000<');
  });
});
