import { describe, expect, it } from 'vitest';
import { binSamples, type TimeBins } from '../../../src/summary/bins.js';
import { chartCaption } from '../../../src/summary/caption.js';
import { DEFAULT_CHART_OPTIONS, type ChartOptions } from '../../../src/views/chart/options.js';
import { chartScene } from '../../../src/views/chart/scene.js';
import { chartSpec } from '../../../src/views/chart/spec.js';
import type { Sample } from '../../../src/model.js';
import { fixture, generated } from './load.js';

const T0 = Date.UTC(2024, 3, 8, 10, 0);

/** A sample at `minute` with the FMFI of orders 0, 1, … in domain 0. */
function sample(minute: number, fmfi: number[]): Sample {
  return {
    time: T0 + minute * 60_000,
    line: 1,
    domains: [{ domain: 0, orders: fmfi.map((v, order) => ({ order, sizeKiB: 4 * 2 ** order, fmfi: v })).reverse() }],
  };
}

function binsOf(samples: Sample[]): TimeBins {
  return binSamples(samples, { maxBins: 800 });
}

type Row = { domain: number; order: number; kind: string; path: string };

function rowsOf(spec: ReturnType<typeof chartSpec>): Row[] {
  const data = spec.data?.find((d) => d.name === 'rows') as { values: Row[] } | undefined;
  return data?.values ?? [];
}

/** The pieces of a row's area: [left, right] x of each `M…Z`. */
function pieces(path: string): Array<[number, number]> {
  return path
    .split('M')
    .filter((p) => p !== '')
    .map((p) => {
      const left = Number(p.split(',')[0]);
      const hs = [...p.matchAll(/H(-?[\d.]+)/g)].map((m) => Number(m[1]));
      return [left, hs[hs.length - 1] ?? left];
    });
}

function notesOf(spec: ReturnType<typeof chartSpec>): string[] {
  return (spec.marks ?? [])
    .filter((m) => m.name?.startsWith('note-'))
    .map((m) => (m.encode?.enter as { text: { value: string } }).text.value);
}

describe('chartSpec', () => {
  it('matches the snapshot for the gap fixture', async () => {
    const { bins, caption } = fixture('gap.log');
    const spec = chartSpec(bins, caption, DEFAULT_CHART_OPTIONS);
    await expect(`${JSON.stringify(spec, null, 2)}\n`).toMatchFileSnapshot('__snapshots__/gap.vg.json');
  });

  it('takes the title and subtitle from the caption', () => {
    const { bins, caption } = fixture('vm_frag_20240408_1005.log');
    const spec = chartSpec(bins, caption, DEFAULT_CHART_OPTIONS);
    expect(spec.title).toMatchObject({ text: 'vm_frag_20240408_1005.log', subtitle: [caption.subtitle] });
    expect(caption.subtitle).toBe('booted 2024-04-08 10:05 · 2024-04-08 10:10 – 2024-04-11 10:00 (2 d 23 h) · 432 samples');
  });

  it('keeps a gap in sampling a gap: no piece of any row spans it, and every row has bars on both sides', () => {
    const { bins, caption } = fixture('gap.log');
    const scene = chartScene(bins, caption, DEFAULT_CHART_OPTIONS);
    const after = bins.bins.findIndex((b) => b.afterGap);
    expect(after).toBeGreaterThan(0);
    const px = (t: number) => ((t - scene.frame.start) / (scene.frame.end - scene.frame.start)) * scene.layout.timeWidth;
    // The bar before the gap lasts one sampling period, then nothing until sampling resumes.
    const before = bins.bins[after - 1]!;
    const gapFrom = px(Math.max(before.end, before.start + bins.intervalMs));
    const gapTo = px(bins.bins[after]!.start);
    expect(gapTo - gapFrom).toBeGreaterThan(100);
    for (const { order } of bins.orders) {
      const k = bins.orders.findIndex((o) => o.order === order);
      const shift = k * scene.layout.dx;
      const own = scene.rows.filter((r) => r.order === order && r.kind !== 'caps').flatMap((r) => pieces(r.path));
      for (const [left, right] of own) expect(right - shift <= gapFrom + 0.1 || left - shift >= gapTo - 0.1).toBe(true);
      expect(own.some(([, right]) => right - shift <= gapFrom + 0.1)).toBe(true);
      expect(own.some(([left]) => left - shift >= gapTo - 0.1)).toBe(true);
    }
  });

  it('draws each row without a hole when sampling never stopped: its pieces above and below the plane meet', () => {
    const { bins, caption } = fixture('vm_frag_20240408_1005.log');
    const scene = chartScene(bins, caption, DEFAULT_CHART_OPTIONS);
    for (const { order } of bins.orders) {
      const own = scene.rows.filter((r) => r.order === order && r.kind === 'area').flatMap((r) => pieces(r.path)).sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < own.length; i++) expect(own[i]![0]).toBeCloseTo(own[i - 1]![1], 1);
    }
  });

  it('draws values beyond a MIN:MAX range at the limit, marks them and counts them in a note (the template\'s -1000:1000)', () => {
    const template: ChartOptions = { ...DEFAULT_CHART_OPTIONS, zRange: { kind: 'fixed', min: -1000, max: 1000 } };
    const bins = binsOf([sample(0, [-5000, 0, 1500]), sample(5, [-200, 50, 999]), sample(10, [-1001, 1000, 1001])]);
    const spec = chartSpec(bins, chartCaption('clip.log', null, bins), template);
    const scene = chartScene(bins, chartCaption('clip.log', null, bins), template);
    expect(scene.clipping).toEqual({ above: 2, below: 2, bars: 9 });
    expect(notesOf(spec)).toEqual([
      '4 of 9 bars lie beyond the height range (2 above 1,000, 2 below −1,000): drawn at the limit and marked red.',
    ]);
    const caps = rowsOf(spec).filter((r) => r.kind === 'caps');
    expect(caps.map((r) => r.order).sort()).toEqual([0, 2]);
    // Order 2: the first and the last bar are clipped, the middle one is not: two marks.
    expect(caps.find((r) => r.order === 2)!.path.match(/M/g)).toHaveLength(2);
    expect(scene.height.labels).toEqual(['−1,000', '−500', '0', '500', '1,000']);
    // The default shows all of it: nothing below is clipped, the band reaches −5,000.
    const split = chartScene(bins, chartCaption('clip.log', null, bins), DEFAULT_CHART_OPTIONS);
    expect(split.clipping).toEqual({ above: 2, below: 0, bars: 9 });
    expect(split.height.min).toBe(-5000);
  });

  it('shows the full range of the data with --z-range auto, zero plane included, nothing clipped', () => {
    const bins = binsOf([sample(0, [-5000, 0, 1500]), sample(5, [-200, 50, 999])]);
    const options: ChartOptions = { ...DEFAULT_CHART_OPTIONS, zRange: { kind: 'auto' } };
    const scene = chartScene(bins, chartCaption('auto.log', null, bins), options);
    expect(scene.height.min).toBeLessThanOrEqual(-5000);
    expect(scene.height.max).toBeGreaterThanOrEqual(1500);
    expect(scene.clipping.above + scene.clipping.below).toBe(0);
    expect(notesOf(chartSpec(bins, chartCaption('auto.log', null, bins), options))).toEqual([]);
    const positive = binsOf([sample(0, [100, 200]), sample(5, [300, 400])]);
    expect(chartScene(positive, chartCaption('p.log', null, positive), options).height.min).toBe(0);
  });

  it('says what a bar stands for when bins hold several samples', () => {
    const { bins, caption } = generated({ seed: 5, samples: 5000, intervalSeconds: 60 });
    expect(bins.maxSamplesPerBin).toBeGreaterThan(1);
    const notes = notesOf(chartSpec(bins, caption, DEFAULT_CHART_OPTIONS));
    expect(notes.join(' ')).toMatch(/^Each bar: the worst \(highest\) FMFI of up to \d+ samples \(\d+ min( \d+ s)?\); below the plane, paler, how low the best of them reached\./);
  });

  it('says nothing about bars when each bar is one sample', () => {
    const { bins, caption } = fixture('vm_frag_20240408_1005.log');
    expect(bins.maxSamplesPerBin).toBe(1);
    expect(notesOf(chartSpec(bins, caption, DEFAULT_CHART_OPTIONS)).join(' ')).not.toMatch(/Each bar/);
  });

  it('labels the depth axis with the block sizes the kernel printed', () => {
    const labels = (name: string) => chartScene(fixture(name).bins, fixture(name).caption, DEFAULT_CHART_OPTIONS).depthLabels.map((l) => l.text);
    expect(labels('one-domain.log')).toEqual(['4K', '8K', '16K', '32K', '64K', '128K', '256K', '512K', '1M', '2M', '4M', '8M', '16M']);
    expect(labels('pages-16k.log')[0]).toBe('16K');
    expect(labels('pages-16k.log').at(-1)).toBe('32M');
    // 17 rows are closer than a line of text: every other one is labelled, the front and back always.
    const seventeen = labels('orders-17.log');
    expect(seventeen[0]).toBe('4K');
    expect(seventeen.at(-1)).toBe('256M');
  });

  it('gives each order its own colour; above the plane drawn back to front, below it front to back, so no row hides another\'s value', () => {
    const { bins, caption } = fixture('one-domain.log');
    const rows = chartScene(bins, caption, DEFAULT_CHART_OPTIONS).rows;
    const areas = rows.filter((r) => r.kind === 'area');
    expect(new Set(areas.map((r) => r.fill)).size).toBe(13);
    const up = areas.filter((r) => r.side === 'up').map((r) => r.order);
    const down = areas.filter((r) => r.side === 'down').map((r) => r.order);
    expect(up).toEqual([...up].sort((a, b) => b - a));
    expect(down).toEqual([...down].sort((a, b) => a - b));
    // Every part below the plane comes before every part above it, and z follows the list.
    const firstUp = rows.findIndex((r) => r.side === 'up');
    expect(rows.slice(firstUp).every((r) => r.side === 'up')).toBe(true);
    expect(rows.map((r) => r.z)).toEqual(rows.map((_, i) => i));
  });

  it('shows below the plane how low the best sample of a bar reached, pale, under the solid bars', () => {
    const bins = binSamples([sample(0, [-9000, -50, 400]), sample(1, [-30, 10, 450]), sample(2, [-20, 20, 460]), sample(3, [-10, 30, 470])], { maxBins: 2 });
    expect(bins.maxSamplesPerBin).toBeGreaterThan(1);
    const scene = chartScene(bins, chartCaption('reach.log', null, bins), DEFAULT_CHART_OPTIONS);
    const reach = scene.rows.filter((r) => r.kind === 'reach');
    // Order 0 and order 1 went below 0 in a bin whose worst is higher: both reach down; order 2 never did.
    expect(reach.map((r) => r.order)).toEqual([0, 1]);
    expect(reach.every((r) => r.opacity < 1 && r.side === 'down')).toBe(true);
    expect(scene.rows.findIndex((r) => r.kind === 'reach')).toBe(0);
    expect(Math.max(...reach.map((r) => r.z))).toBeLessThan(Math.min(...scene.rows.filter((r) => r.kind !== 'reach').map((r) => r.z)));
    // A bar of one sample has nothing more to show.
    const single = binsOf([sample(0, [-9000, -50, 400]), sample(5, [-30, 10, 450])]);
    expect(chartScene(single, chartCaption('one.log', null, single), DEFAULT_CHART_OPTIONS).rows.filter((r) => r.kind === 'reach')).toEqual([]);
  });

  it('reads a window of one instant as one: a slab in the middle, one time label, no span', () => {
    const bins = binsOf([sample(0, [-9000, 300, 900])]);
    const caption = chartCaption('vm_frag_20240408_1000.log', T0, bins);
    expect(caption.subtitle).toBe('booted 2024-04-08 10:00 · at 2024-04-08 10:00:00 only · 1 sample');
    const scene = chartScene(bins, caption, DEFAULT_CHART_OPTIONS);
    expect(scene.ticks.values).toEqual([T0]);
    expect(scene.ticks.format).toBe('%H:%M:%S');
    const [left, right] = pieces(scene.rows.find((r) => r.order === 0 && r.kind === 'area')!.path)[0]!;
    const middle = scene.layout.timeWidth / 2;
    expect(left).toBeLessThan(middle);
    expect(right).toBeGreaterThan(middle);
    expect(right - left).toBeLessThan(scene.layout.timeWidth / 20);
  });

  it('makes one panel per NUMA domain on the same scales', () => {
    const { bins, caption } = fixture('numa-4-domains.log');
    const spec = chartSpec(bins, caption, DEFAULT_CHART_OPTIONS);
    const rows = rowsOf(spec);
    expect(new Set(rows.map((r) => r.domain))).toEqual(new Set([0, 1, 2, 3]));
    expect(spec.scales).toHaveLength(2);
    const one = chartScene(fixture('one-domain.log').bins, fixture('one-domain.log').caption, DEFAULT_CHART_OPTIONS).layout;
    const four = chartScene(bins, caption, DEFAULT_CHART_OPTIONS).layout;
    expect(four.panelHeight).toBe(one.panelHeight);
    expect(four.height - one.height).toBe(3 * one.panelHeight);
  });

  it('titles the panel of the one domain asked for (--domain), and leaves a single domain untitled otherwise', () => {
    const { bins, caption } = fixture('one-domain.log');
    const title = (options: ChartOptions): unknown => JSON.stringify(chartSpec(bins, caption, options)).includes('"panel-label"');
    expect(title(DEFAULT_CHART_OPTIONS)).toBe(false);
    expect(title({ ...DEFAULT_CHART_OPTIONS, nameDomain: true })).toBe(true);
  });
});
