// vega-lite's one-file build, which comparisons are compiled with, compiles what its ES modules compile.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../src/formats/read.js';
import { loadVega } from '../../src/render/vega.js';
import { loadVegaLite, vegaLiteModules, vegaLiteScript } from '../../src/render/vega-lite.js';
import { binByUptime } from '../../src/summary/uptime.js';
import { compareSpec, renderCompareSvg } from '../../src/views/compare/index.js';
import { FIXTURES } from '../helpers/cli.js';

const LOGS = ['vm_frag_20240408_1005.log', 'vm_frag_20240610_0912.log', 'vm_frag_20240617_1430.log', 'numa-2-domains.log', 'buddyinfo-2-nodes.log'];

function windows(names: readonly string[]) {
  return binByUptime(
    names.map((name) => {
      const w = parseLog(readFileSync(join(FIXTURES, name)), name);
      return { label: name, source: name, bootTime: w.bootTime, samples: w.samples };
    }),
    { maxBins: 400, uptimeMs: null },
  );
}

describe('vega-lite', () => {
  it('is loaded from its one-file build, the same version as its ES modules, on the Vega the charts use', async () => {
    // Were it not, comparisons (and every index page that shows one) would still be drawn, from the ES modules, about 0.5 s slower.
    const used = await loadVegaLite();
    const modules = await vegaLiteModules();
    expect(used.version).toBe(modules.version);
    expect(used.compile).not.toBe(modules.compile);
    expect(await loadVegaLite()).toBe(used);
    expect(vegaLiteScript(await loadVega(), null)).not.toBeNull();
  });

  it.each([[LOGS.slice(0, 3)], [LOGS.slice(3, 4)], [LOGS.slice(4)], [LOGS]])('compiles a comparison to the same Vega spec from both builds: %s', async (names) => {
    const spec = compareSpec(windows(names));
    const fromScript = vegaLiteScript(await loadVega(), null)!.compile(spec).spec;
    const fromModules = (await vegaLiteModules()).compile(spec).spec;
    const text = JSON.stringify(fromScript);
    expect(text.length).toBeGreaterThan(1000);
    expect(text).toBe(JSON.stringify(fromModules));
  });

  it('draws the same comparison again in the same thread: its clip paths numbered from 1 each time', async () => {
    // Vega counts clip ids across documents: without the reset, a second comparison went on numbering from the first's.
    const first = await renderCompareSvg(windows(LOGS.slice(0, 3)));
    const second = await renderCompareSvg(windows(LOGS.slice(0, 3)));
    expect(first).toMatch(/<clipPath id="clip1">/);
    expect(second === first).toBe(true);
  });
});
