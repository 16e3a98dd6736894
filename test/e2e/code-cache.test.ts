// The code caches of Vega and vega-lite from the outside: charts are the same bytes whether a cache is missing, taken, damaged or cannot be written.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'fmfi-e2e-code-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * Draws the fixture's chart (and its folder's index page, whose comparison vega-lite
 * compiles) with the caches in `cacheHome`; returns the chart and what NODE_DEBUG said of
 * each cache, as `script: what`.
 */
function draw(cacheHome: string, run: string): { svg: Buffer; said: string[]; stderr: string } {
  const out = join(root, run);
  const env = { ...process.env, XDG_CACHE_HOME: cacheHome, NODE_DEBUG: 'fmfi-plot' };
  const r = runCli([join(FIXTURES, 'vm_frag_20240408_1005.log'), '-o', out, '--quiet'], { env });
  expect(r.status).toBe(0);
  const said = [...r.stderr.matchAll(/code cache (?:\S*\/)?([^/\s]+?)-[0-9a-f]{8}\.v8-cache: (.*)$/gm)].map((m) => `${m[1]}: ${m[2]}`);
  return { svg: readFileSync(join(out, 'vm_frag_20240408_1005.svg')), said, stderr: r.stderr.replace(/^FMFI-PLOT \d+: .*\n/gm, '') };
}

describe('the code caches of Vega and vega-lite', () => {
  const home = join(root, 'cache-home');
  const VEGA = 'vega.js';
  const LITE = 'vega-lite.min.js';

  it('are written by the first chart, taken by the next, and rebuilt when damaged; the chart never changes', () => {
    const first = draw(home, 'first');
    expect(first.said).toEqual([`${VEGA}: none yet`, `${VEGA}: written`, `${LITE}: none yet`, `${LITE}: written`]);
    const second = draw(home, 'second');
    expect(second.said).toEqual([`${VEGA}: taken`, `${LITE}: taken`]);
    const files = readdirSync(join(home, 'fmfi-plot')).sort();
    expect(files.map((f) => f.replace(/-[0-9a-f]{8}\.v8-cache$/, ''))).toEqual([LITE, VEGA]);
    const vegaFile = join(home, 'fmfi-plot', files[1]!);
    const bytes = readFileSync(vegaFile);
    bytes[bytes.length - 1000]! ^= 0xff;
    writeFileSync(vegaFile, bytes);
    const third = draw(home, 'third');
    expect(third.said).toEqual([`${VEGA}: damaged`, `${VEGA}: written`, `${LITE}: taken`]);
    expect(draw(home, 'fourth').said).toEqual([`${VEGA}: taken`, `${LITE}: taken`]);
    for (const run of [second, third]) expect(run.svg.equals(first.svg)).toBe(true);
    expect([first.stderr, second.stderr, third.stderr]).toEqual(['', '', '']);
  });

  it('cost nothing but time where they cannot be written', () => {
    const aFile = join(root, 'a-file');
    writeFileSync(aFile, '');
    const run = draw(aFile, 'unwritable');
    expect(run.said.filter((s) => s.includes('cannot be written'))).toHaveLength(2);
    expect(run.stderr).toBe('');
    expect(run.svg.equals(draw(home, 'reference').svg)).toBe(true);
  });
});
