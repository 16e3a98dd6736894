import { describe, expect, it } from 'vitest';
import { FIXTURES as CATALOGUE } from '../../../fixtures/catalogue.js';
import { renderVegaSvg } from '../../../src/render/render.js';
import { vegaModules } from '../../../src/render/vega.js';
import { DEFAULT_CHART_OPTIONS, type ChartOptions } from '../../../src/views/chart/options.js';
import { chartText, drawChartSvg, renderChartSvg } from '../../../src/views/chart/render.js';
import { chartSpec, rowBox } from '../../../src/views/chart/spec.js';
import { pathBox, withStandIns } from '../../../src/views/chart/stand-ins.js';
import { fixture, generated, type Loaded } from './load.js';

const OPTIONS: ChartOptions[] = [
  DEFAULT_CHART_OPTIONS,
  { ...DEFAULT_CHART_OPTIONS, zRange: { kind: 'auto' } },
  // Clipped bars: the caps' paths too.
  { ...DEFAULT_CHART_OPTIONS, zRange: { kind: 'fixed', min: -1000, max: 1000 } },
];

describe('pathBox', () => {
  it('finds the box Vega finds, for every row path of a chart', async () => {
    // Vega's own path reading and bounding, which its types do not declare.
    const vega = (await vegaModules()) as unknown as {
      Bounds: new () => { x1: number; y1: number; x2: number; y2: number };
      pathParse(path: string): unknown;
      pathRender(context: unknown, parsed: unknown, x: number, y: number, sx: number, sy: number): void;
      boundContext(bounds: unknown, angle: number): unknown;
    };
    const { bins, caption } = generated({ samples: 3_000, domains: 2, seed: 5 });
    const spec = chartSpec(bins, caption, OPTIONS[2]!);
    const rows = spec.data!.find((d) => d.name === 'rows') as { values: { path: string }[] };
    expect(rows.values.length).toBeGreaterThan(20);
    for (const { path } of rows.values) {
      const bounds = new vega.Bounds();
      vega.pathRender(vega.boundContext(bounds, 0), vega.pathParse(path), 0, 0, 1, 1);
      expect(pathBox(path)).toEqual([bounds.x1, bounds.y1, bounds.x2, bounds.y2]);
    }
  });

  it('is the box the rows were written with, for every row of every fixture and a large log', () => {
    const loads = [...CATALOGUE.map((f) => () => fixture(f.name)), () => generated({ samples: 30_000, domains: 4, seed: 11 })];
    let rows = 0;
    for (const load of loads) {
      const { bins, caption } = load();
      if (bins.samples === 0) continue;
      for (const options of OPTIONS) {
        const data = chartSpec(bins, caption, options).data!.find((d) => d.name === 'rows') as { values: { path: string }[] };
        for (const row of data.values) {
          expect(rowBox(row)).toEqual(pathBox(row.path));
          expect(Object.keys(row)).not.toContain('box');
          rows++;
        }
      }
    }
    expect(rows).toBeGreaterThan(500);
    expect(rowBox({ path: 'M0,0H1' })).toBeUndefined();
  });

  it('leaves any other path alone', () => {
    for (const path of ['', 'M0,0C1,1,2,2,3,3', 'm0,0h4', 'M1e3,0H4', 'M1,2.3.4', 'M1 2H3', 'Z']) expect(pathBox(path)).toBeNull();
    expect(pathBox('M1.5,-2V7.25H-3Z')).toEqual([-3, -2, 1.5, 7.25]);
  });

  it('reads each number as the nearest double to its text, as Number() does', () => {
    const texts = ['0', '-0', '0.1', '.5', '5.', '-0.3', '123.4', '9007199254740993', '0.1234567890123456789012345', '1234567.8901'];
    for (let i = 0; i < 2000; i++) texts.push((Math.random() * 10 ** ((i % 12) - 4) * (i % 2 ? -1 : 1)).toFixed(i % 6));
    for (const text of texts) {
      const [x] = pathBox(`M${text},0`)!;
      expect(Object.is(x, Number(text))).toBe(true);
    }
  });
});

describe('withStandIns', () => {
  const withSamples = CATALOGUE.map((f) => f.name).filter((name) => fixture(name).bins.samples > 0);
  const cases: Array<[string, () => Loaded]> = [
    ...withSamples.map((name): [string, () => Loaded] => [name, () => fixture(name)]),
    ['a generated log of 4 domains and 30,000 samples', () => generated({ samples: 30_000, domains: 4, seed: 11 })],
    // A name that holds a stand-in's text: only the paths' own are put back.
    ['a log named like a stand-in', () => generated({ samples: 500, domains: 1, seed: 3 }, 'd="M0,0L1,1m0e0,0"<path d="M0,0L1,1m0e1,0".log')],
  ];

  it.each(cases)('draws the same SVG as Vega given the paths themselves: %s', async (_name, load) => {
    const { bins, caption } = load();
    for (const options of OPTIONS) {
      const spec = chartSpec(bins, caption, options);
      const plain = await renderVegaSvg(spec, chartText(spec, caption));
      // The way round Vega is taken, not the fallback to the paths themselves.
      const standIns = withStandIns(spec, 'rows');
      expect(standIns.allIn(await renderVegaSvg(standIns.spec, chartText(spec, caption)))).toBe(true);
      const fast = await renderChartSvg(bins, caption, options);
      expect(fast.length).toBeGreaterThan(1000);
      expect(fast === plain).toBe(true);
      const stamp = (svg: string): string => svg.replace('\n', '\n<!-- a stamp -->\n');
      const bytes = (await drawChartSvg(spec, chartText(spec, caption))).bytes(stamp);
      expect(Buffer.from(bytes).equals(Buffer.from(stamp(plain), 'utf8'))).toBe(true);
    }
  });

  it('knows when Vega wrote a stand-in elsewhere than in a path, or not at all', () => {
    const { bins, caption } = fixture('one-domain.log');
    const standIns = withStandIns(chartSpec(bins, caption, DEFAULT_CHART_OPTIONS), 'rows');
    const rows = standIns.spec.data!.find((d) => d.name === 'rows') as { values: { path: string }[] };
    const paths = rows.values.map((r, i) => `<path role="x" d="${r.path}"/><text>${i}</text>`);
    expect(standIns.allIn(`<svg>${paths.join('')}</svg>`)).toBe(true);
    expect(standIns.allIn(`<svg>${paths.slice(1).join('')}</svg>`)).toBe(false);
    expect(standIns.allIn(`<svg>${paths.join('')}${paths[0]}</svg>`)).toBe(false);
    expect(standIns.allIn(`<svg>${paths.join('').replace(/ d="/g, ' path="')}</svg>`)).toBe(false);
  });

  it('leaves the spec it was given as it was', () => {
    const { bins, caption } = fixture('one-domain.log');
    const spec = chartSpec(bins, caption, DEFAULT_CHART_OPTIONS);
    const before = JSON.stringify(spec);
    const standIns = withStandIns(spec, 'rows');
    expect(JSON.stringify(spec)).toBe(before);
    const rows = standIns.spec.data!.find((d) => d.name === 'rows') as { values: { path: string }[] };
    expect(rows.values.map((r) => r.path)).toEqual(rows.values.map((_, i) => expect.stringMatching(new RegExp(`^M[-0-9.]+,[-0-9.]+L[-0-9.]+,[-0-9.]+m0e${i},0$`))));
  });
});
