// Vega's code cache from the outside: charts are the same bytes whether it is missing, taken, damaged or cannot be written.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'fmfi-e2e-code-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Draws the fixture's chart with the cache in `cacheHome`; returns the chart and what NODE_DEBUG said of the cache. */
function draw(cacheHome: string, run: string): { svg: Buffer; said: string[]; stderr: string } {
  const out = join(root, run);
  const env = { ...process.env, XDG_CACHE_HOME: cacheHome, NODE_DEBUG: 'fmfi-plot' };
  const r = runCli([join(FIXTURES, 'vm_frag_20240408_1005.log'), '-o', out, '--quiet'], { env });
  expect(r.status).toBe(0);
  const said = [...r.stderr.matchAll(/code cache \S+: (.*)$/gm)].map((m) => m[1]!);
  return { svg: readFileSync(join(out, 'vm_frag_20240408_1005.svg')), said, stderr: r.stderr.replace(/^FMFI-PLOT \d+: .*\n/gm, '') };
}

describe('the code cache of Vega', () => {
  const home = join(root, 'cache-home');

  it('is written by the first chart, taken by the next, and rebuilt when damaged; the chart never changes', () => {
    const first = draw(home, 'first');
    expect(first.said).toEqual(['none yet', 'written']);
    const second = draw(home, 'second');
    expect(second.said).toEqual(['taken']);
    const [file] = readdirSync(join(home, 'fmfi-plot'));
    const bytes = readFileSync(join(home, 'fmfi-plot', file!));
    bytes[bytes.length - 1000]! ^= 0xff;
    writeFileSync(join(home, 'fmfi-plot', file!), bytes);
    const third = draw(home, 'third');
    expect(third.said).toEqual(['damaged', 'written']);
    expect(draw(home, 'fourth').said).toEqual(['taken']);
    for (const run of [second, third]) expect(run.svg.equals(first.svg)).toBe(true);
    expect([first.stderr, second.stderr, third.stderr]).toEqual(['', '', '']);
  });

  it('costs nothing but time where it cannot be written', () => {
    const aFile = join(root, 'a-file');
    writeFileSync(aFile, '');
    const run = draw(aFile, 'unwritable');
    expect(run.said[1]).toMatch(/^cannot be written/);
    expect(run.stderr).toBe('');
    expect(run.svg.equals(draw(home, 'reference').svg)).toBe(true);
  });
});
