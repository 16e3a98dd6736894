// Vega's one-file build, which charts are drawn with, draws what its ES modules draw.
import { describe, expect, it } from 'vitest';
import { FIXTURES as CATALOGUE } from '../../fixtures/catalogue.js';
import { DEFAULT_CHART_OPTIONS } from '../../src/views/chart/options.js';
import { renderChartSvg } from '../../src/views/chart/render.js';
import { loadVega, vegaModules, vegaScript, type Vega } from '../../src/render/vega.js';
import { fixture, generated, type Loaded } from '../views/chart/load.js';

const script = vegaScript();
let modules: Vega;

describe('Vega', () => {
  it('is loaded from its one-file build, the same version as its ES modules', async () => {
    // Were it not, charts would still be drawn (from the ES modules), 90 ms slower each.
    expect(script).not.toBeNull();
    modules = await vegaModules();
    expect(script!.version).toBe(modules.version);
    // What the charts use: the script's View, not the modules' (each build has its own classes).
    const used = await loadVega();
    expect(used.version).toBe(modules.version);
    expect(used.View).not.toBe(modules.View);
    expect(await loadVega()).toBe(used);
  });

  const withSamples = CATALOGUE.map((f) => f.name).filter((name) => fixture(name).bins.samples > 0);
  const cases: Array<[string, () => Loaded]> = [
    ...withSamples.map((name): [string, () => Loaded] => [name, () => fixture(name)]),
    ['a generated log of 4 domains and 30,000 samples', () => generated({ samples: 30_000, domains: 4, seed: 11 })],
  ];

  it.each(cases)('draws the same SVG from both builds: %s', async (_name, load) => {
    const { bins, caption } = load();
    modules ??= await vegaModules();
    for (const options of [DEFAULT_CHART_OPTIONS, { ...DEFAULT_CHART_OPTIONS, zRange: { kind: 'auto' } as const }]) {
      const fromScript = await renderChartSvg(bins, caption, options, script!);
      const fromModules = await renderChartSvg(bins, caption, options, modules);
      expect(fromScript.length).toBeGreaterThan(1000);
      expect(fromScript === fromModules).toBe(true);
    }
  });
});
