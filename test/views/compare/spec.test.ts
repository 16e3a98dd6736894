import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../../src/formats/read.js';
import type { Sample } from '../../../src/model.js';
import { parseZRange } from '../../../src/summary/height.js';
import { binByUptime, type UptimeWindow } from '../../../src/summary/uptime.js';
import { compareSpec, defaultLabel, DEFAULT_COMPARE_OPTIONS, gridFor, parseOrders, type CompareOptions } from '../../../src/views/compare/index.js';
import { compileVegaLite } from '../../../src/render/vega-lite.js';
import { averageTicks } from '../../../src/views/compare/spec.js';
import { FIXTURES } from '../../helpers/cli.js';

const HOUR = 3_600_000;
const BOOT = Date.UTC(2024, 5, 10, 9, 12);

/** Samples every hour from `startHour` of uptime, FMFI `v(i)` at orders 0 (4K) and 1 (8K), in `domains` domains. */
function samples(count: number, v: (i: number) => number, startHour = 0, domains = 1): Sample[] {
  return Array.from({ length: count }, (_, i) => ({
    time: BOOT + (startHour + i) * HOUR,
    line: 1 + i * 20,
    domains: Array.from({ length: domains }, (_, domain) => ({
      domain,
      orders: [{ order: 1, sizeKiB: 8, fmfi: v(i) + 1 }, { order: 0, sizeKiB: 4, fmfi: v(i) }],
    })),
  }));
}

function two(domains = 1): UptimeWindow[] {
  return binByUptime(
    [
      { label: 'before', source: 'vm_frag_20240610_0912.log', bootTime: BOOT, samples: samples(6, (i) => -300 + 400 * i, 0, domains) },
      // A pause of five hours after the third sample; this one has no boot time.
      { label: 'after', source: 'after.log', bootTime: null, samples: [...samples(3, () => -900, 0, domains), ...samples(3, () => 1500, 8, domains)] },
    ],
    { maxBins: 100, uptimeMs: null },
  );
}

type Row = Record<string, number | null>;
function rows(spec: ReturnType<typeof compareSpec>, name: 'fmfi' | 'average'): Row[] {
  return (spec as unknown as { datasets: Record<string, Row[]> }).datasets[name]!;
}

/** The views stacked top to bottom: a band per domain, then the notes. */
function views(spec: ReturnType<typeof compareSpec>): unknown[] {
  return (spec as unknown as { vconcat: unknown[] }).vconcat;
}

/** Every `encoding.x.scale.domain` anywhere in the spec. */
function xDomains(node: unknown, out: unknown[] = []): unknown[] {
  if (node === null || typeof node !== 'object') return out;
  const o = node as Record<string, unknown>;
  const x = (o.encoding as { x?: { scale?: { domain?: unknown } } } | undefined)?.x;
  if (x?.scale?.domain !== undefined) out.push(x.scale.domain);
  for (const v of Object.values(o)) xDomains(v, out);
  return out;
}

describe('averageTicks', () => {
  it('runs from at or below the lowest A to at or above the highest, in at most six powers of two', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.001, max: 2 ** 40, noNaN: true }), { minLength: 1, maxLength: 50 }), (as) => {
        const ticks = averageTicks(as.map((a) => ({ a })));
        expect(ticks[0]!).toBeLessThanOrEqual(Math.min(...as));
        expect(ticks.at(-1)!).toBeGreaterThanOrEqual(Math.max(...as));
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        expect(ticks.length).toBeLessThanOrEqual(6);
        for (const t of ticks) expect(Number.isInteger(Math.log2(t))).toBe(true);
      }),
    );
    // The three vm_frag fixtures: A from about 1K to 4,334K, which the axis once ended below (at 4M).
    expect(averageTicks([{ a: 1.5 }, { a: 4333.988 }, { a: null }])).toEqual([1, 8, 64, 512, 4096, 32768]);
    expect(averageTicks([{ a: 3000 }, { a: 5000 }])).toEqual([2048, 4096, 8192]);
  });
});

describe('compareSpec', () => {
  it('matches the snapshot for two small windows', async () => {
    const spec = compareSpec(two());
    await expect(`${JSON.stringify(spec, null, 2)}\n`).toMatchFileSnapshot('__snapshots__/two-windows.vl.json');
  });

  it('compiles with vega-lite to a Vega spec', async () => {
    const vega = await compileVegaLite(compareSpec(two(2)));
    expect(vega.marks?.length).toBeGreaterThan(0);
  });

  it('clamps FMFI to the range, counts what it clamped, and breaks the line at a pause', () => {
    const spec = compareSpec(two());
    const fmfi = rows(spec, 'fmfi');
    const ys = fmfi.map((r) => r.y).filter((y): y is number => y !== null);
    expect(Math.max(...ys)).toBe(1000);
    expect(Math.min(...ys)).toBe(-900);
    // The window with the pause has one null per order, before its first sample after it.
    const breaks = fmfi.filter((r) => r.y === null);
    expect(breaks.map((r) => [r.w, r.order])).toEqual([[1, 0], [1, 1]]);
    const notes = JSON.stringify(views(spec).at(-1));
    expect(notes).toContain('are drawn at the limit of the FMFI axis');
    expect(notes).toContain('after: its first sample, 2024-06-10 09:12 (no boot time in its file name)');
    expect(notes).toContain('before: the boot time in its file name; 6 samples, 0 s to 5 h');
  });

  it('spans the data with --z-range auto and clamps nothing', () => {
    const spec = compareSpec(two(), { ...DEFAULT_COMPARE_OPTIONS, zRange: parseZRange('auto') });
    expect(Math.max(...rows(spec, 'fmfi').map((r) => r.y ?? -Infinity))).toBe(1701); // -300 + 400 × 5, + 1 at order 1
    expect(JSON.stringify(spec)).not.toContain('drawn at the limit');
  });

  it('gives every panel the same uptime axis', () => {
    const windows = two(2);
    const domains = xDomains(compareSpec(windows));
    expect(domains.length).toBe(4); // A and FMFI in each of two domain bands
    expect(new Set(domains.map((d) => JSON.stringify(d))).size).toBe(1);
    // In hours, to the end of the last bin of the window with the pause (its last sample is at 10 h).
    const end = windows[1]!.bins.bins.at(-1)!.end;
    expect(end).toBeGreaterThan(10 * HOUR);
    expect(domains[0]).toEqual([0, end / HOUR]);
  });

  it('shows only the orders and the domain asked for', () => {
    const options: CompareOptions = { ...DEFAULT_COMPARE_OPTIONS, orders: [1, 5], domain: 1 };
    const spec = compareSpec(two(2), options);
    const fmfi = rows(spec, 'fmfi');
    expect(new Set(fmfi.map((r) => r.order))).toEqual(new Set([1]));
    expect(new Set(fmfi.map((r) => r.domain))).toEqual(new Set([1]));
    expect(views(spec).length).toBe(2); // one band and the notes
  });

  it('puts A in KiB from order 0', () => {
    const a = rows(compareSpec(two()), 'average').filter((r) => r.w === 0);
    // FMFI(0) = -300 at the first bin: A = 1.3 pages of 4K.
    expect(a[0]!.a).toBeCloseTo(5.2);
  });

  it('labels windows with the file name and the boot time by default', () => {
    expect(defaultLabel('/var/tmp/vm_frag_20240610_0912.log', BOOT)).toBe('vm_frag_20240610_0912.log (booted 2024-06-10 09:12)');
    expect(defaultLabel('x.log', null)).toBe('x.log');
    expect(defaultLabel('-', null)).toBe('standard input');
  });

  it('draws every fixture order count in a grid of balanced rows', () => {
    const shape = (n: number) => {
      const g = gridFor(n, 1200);
      return [g.columns, g.rows];
    };
    expect(shape(11)).toEqual([4, 3]);
    expect(shape(13)).toEqual([5, 3]);
    expect(shape(17)).toEqual([5, 4]);
    expect(gridFor(13, 1200).panelWidth).toBeGreaterThanOrEqual(180);
  });

  it('handles 17 orders and 4 domains from the fixtures', () => {
    for (const name of ['orders-17.log', 'numa-4-domains.log']) {
      const log = parseLog(readFileSync(join(FIXTURES, name)), name);
      const windows = binByUptime([{ label: name, source: name, bootTime: null, samples: log.samples }], { maxBins: 100, uptimeMs: null });
      const spec = compareSpec(windows);
      const fmfi = rows(spec, 'fmfi');
      expect(new Set(fmfi.map((r) => r.order)).size).toBe(name === 'orders-17.log' ? 17 : 13);
      expect(views(spec).length - 1).toBe(name === 'numa-4-domains.log' ? 4 : 1);
    }
  });
});

describe('parseOrders', () => {
  it('reads a list of orders, sorted, repeats dropped', () => {
    expect(parseOrders('12,0,5,9,5')).toEqual([0, 5, 9, 12]);
  });
  it('refuses anything else with the catalogue message', () => {
    for (const bad of ['', 'a', '1,,2', '-1', '1.5']) expect(() => parseOrders(bad)).toThrow(expect.objectContaining({ code: 'ORDERS' }));
    expect(() => parseOrders('x')).toThrow('expected orders as whole numbers separated by commas (for example 0,5,9,12), got "x".');
  });
});
