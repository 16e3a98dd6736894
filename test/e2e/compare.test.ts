// End to end: `fmfi-plot compare` as a user runs it, on every fixture, the SVG opened in real headless Chromium.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { XMLValidator } from 'fast-xml-parser';
import { COUNT_LOG } from '../../fixtures/golden-cases.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers/cli.js';
import { needProgram } from '../helpers/programs.js';
import { decodePng, distinctColours, inkedShare, PNG_SIGNATURE } from '../views/chart/png.js';

const BEFORE = join(FIXTURES, 'vm_frag_20240610_0912.log');
const AFTER = join(FIXTURES, 'vm_frag_20240617_1430.log');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fmfi-compare-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The block-size panels of an SVG, by their headers. */
function panelHeaders(svg: string): string[] {
  return [...svg.matchAll(/>(\d+[KMG]) blocks \(order (\d+)\)</g)].map((m) => `${m[1]}:${m[2]}`);
}

describe('fmfi-plot compare', () => {
  it('draws every fixture in one chart, warns as the other commands do, and exits 0', () => {
    // The vm.phys_frag_idx fixtures (count logs have their own end-to-end test).
    const logs = readdirSync(FIXTURES).filter((f) => f.endsWith('.log') && !COUNT_LOG.test(f)).map((f) => join(FIXTURES, f));
    const out = join(dir, 'all.svg');
    const r = runCli(['compare', ...logs, '-o', out, '--warnings', '0']);
    expect(r.stderr).toMatch(/cut-off\.log:113: warning: FMFI row cut off/);
    expect(r.stderr).toMatch(/empty\.log: warning: no samples in this log/);
    expect(r.status).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('<title>Boot windows compared: FMFI by uptime</title>');
    // Four domain bands: domain 0 with the 17 orders of orders-17.log, the others with 13.
    expect(panelHeaders(svg)).toHaveLength(17 + 3 * 13);
    expect(svg.match(/>domain \d+</g)).toHaveLength(4);
    expect(svg).toContain('vm_frag_20240408_1005.log (booted 2024-04-08 10:05)');
    expect(svg.length).toBeLessThan(1.5e6);
  });

  it.each([
    ['one-domain.log', 13, 1],
    ['numa-2-domains.log', 13, 2],
    ['numa-4-domains.log', 13, 4],
    ['orders-11.log', 11, 1],
    ['orders-17.log', 17, 1],
  ])('draws %s: %i block sizes in %i domain bands', (name, orders, domains) => {
    const out = join(dir, `${name}.svg`);
    const r = runCli(['compare', `a=${join(FIXTURES, name)}`, `b=${join(FIXTURES, name)}`, '-o', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(panelHeaders(svg)).toHaveLength(orders * domains);
    expect(svg.match(/>domain \d+</g) ?? []).toHaveLength(domains === 1 ? 0 : domains);
  });

  it('keeps one domain and the orders asked for, cut at an uptime, with labels from LABEL=PATH', () => {
    const out = join(dir, 'some.svg');
    const r = runCli(['compare', `two=${join(FIXTURES, 'numa-2-domains.log')}`, `patched=${AFTER}`, '--domain', '1', '--orders', '0,5,12', '--uptime', '2h', '-o', out]);
    expect(r.status).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(panelHeaders(svg)).toEqual(['4K:0', '128K:5', '16M:12']);
    expect(svg).toMatch(/>two</);
    expect(svg).toMatch(/>patched</);
    expect(svg).toContain('uptime (hours)');
    expect(svg).toMatch(/later samples cut off/);
  });

  it('--domain N names the domains of a log without it, and draws nothing when no log has it', () => {
    const out = join(dir, 'domain.svg');
    const some = runCli(['compare', join(FIXTURES, 'numa-2-domains.log'), AFTER, '--domain', '1', '-o', out]);
    expect(some.status).toBe(0);
    expect(some.stderr).toBe(`${AFTER}: warning: no sample has rows of domain 1: nothing to show for --domain 1; the log has domain 0\n`);
    const none = runCli(['compare', join(FIXTURES, 'numa-2-domains.log'), '--domain', '5', '-o', join(dir, 'none.svg')]);
    expect(none.status).toBe(1);
    expect(none.stderr).toBe(
      `${join(FIXTURES, 'numa-2-domains.log')}: warning: no sample has rows of domain 5: nothing to show for --domain 5; the log has domains 0 and 1\n` +
        `fmfi-plot: ${join(dir, 'none.svg')}: no log has rows of domain 5 (--domain): nothing written\n`,
    );
    expect(readdirSync(dir)).not.toContain('none.svg');
  });

  it('--orders: an order no log has is named with the orders they have; none of them at all draws nothing', () => {
    const out = join(dir, 'orders.svg');
    const some = runCli(['compare', BEFORE, '--orders', '0,99', '-o', out]);
    expect(some.status).toBe(0);
    expect(some.stderr).toBe(`${out}: warning: no log has rows of order 99 (--orders): no panel for it; the logs have orders 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12\n`);
    expect(panelHeaders(readFileSync(out, 'utf8'))).toEqual(['4K:0']);
    const none = runCli(['compare', BEFORE, '--orders', '99,98', '-o', join(dir, 'no-orders.svg')]);
    expect(none.status).toBe(1);
    expect(none.stderr).toBe(
      `fmfi-plot: ${join(dir, 'no-orders.svg')}: no log has rows of orders 98, 99 (--orders): nothing written; the logs have orders 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12\n`,
    );
    expect(readdirSync(dir)).not.toContain('no-orders.svg');
  });

  it('leaves out a zone that never had a free block, as the chart does, and says so', () => {
    const out = join(dir, 'zones.svg');
    const log = join(FIXTURES, 'buddyinfo-2-nodes.log');
    const r = runCli(['compare', log, '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(
      `${log}: note: node 0 Movable, node 1 Movable: no free block in any sample (empty zone): not drawn\n` +
        `${log}: warning: 6 domains: only the first 4 are drawn; the other 2 (domains 5 to 6) are left out: draw one with --domain N\n`,
    );
    const svg = readFileSync(out, 'utf8');
    expect(svg).not.toContain('Movable');
    expect(svg).toContain('>node 0 Normal<');
  });

  it('with --domain draws that zone alone and says nothing of the zones beyond the first 4', () => {
    const out = join(dir, 'one-zone.svg');
    const log = join(FIXTURES, 'buddyinfo-2-nodes.log');
    // Domain 5 is node 1 DMA32: the sixth zone with free blocks, beyond the first 4.
    const r = runCli(['compare', log, '--domain', '5', '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`${log}: note: node 0 Movable, node 1 Movable: no free block in any sample (empty zone): not drawn\n`);
    const svg = readFileSync(out, 'utf8');
    expect(svg).not.toContain('left out');
    expect(panelHeaders(svg)).toHaveLength(11);
    // The band says which zone it is.
    expect(svg).toContain('>node 1 DMA32<');
    expect(svg).not.toContain('>node 0 Normal<');
  });

  it('names a file it cannot read, still draws the others, and exits 1', () => {
    const out = join(dir, 'missing.svg');
    const r = runCli(['compare', join(dir, 'nope.log'), BEFORE, '-o', out]);
    expect(r.stderr).toBe(`fmfi-plot: ${join(dir, 'nope.log')}: no such file\n`);
    expect(r.status).toBe(1);
    expect(panelHeaders(readFileSync(out, 'utf8'))).toHaveLength(13);
  });

  it('writes nothing and exits 1 when no log has samples', () => {
    const out = join(dir, 'nothing.svg');
    const r = runCli(['compare', join(FIXTURES, 'empty.log'), '-o', out]);
    expect(r.stderr).toContain(`fmfi-plot: ${out}: no log with samples to compare: nothing written`);
    expect(r.status).toBe(1);
    expect(() => readFileSync(out)).toThrow();
  });

  it('shows at most --warnings N per log, and fails on a warning under --strict', () => {
    const out = join(dir, 'strict.svg');
    const r = runCli(['compare', join(FIXTURES, 'stray-lines.log'), '-o', out, '--warnings', '1', '--strict']);
    expect(r.stderr.split('\n').filter((l) => l.includes('warning:'))).toHaveLength(1);
    expect(r.stderr).toContain('stray-lines.log: 2 more warnings not shown');
    expect(r.status).toBe(1);
    expect(readFileSync(out, 'utf8')).toContain('<svg');
  });

  it('refuses bad options and a missing -o as usage errors (exit 2)', () => {
    expect(runCli(['compare', BEFORE, '-o', join(dir, 'x.svg'), '--uptime', '3w']).stderr).toContain('expected a duration such as 3d, 12h, 90m or 1d12h, got "3w".');
    expect(runCli(['compare', BEFORE, '-o', join(dir, 'x.svg'), '--uptime', '3w']).status).toBe(2);
    expect(runCli(['compare', BEFORE, '-o', join(dir, 'x.svg'), '--orders', '1,x']).status).toBe(2);
    expect(runCli(['compare', BEFORE]).status).toBe(2);
  });

  it('refuses to overwrite an input', () => {
    const copy = join(dir, 'copy.log');
    writeFileSync(copy, readFileSync(BEFORE));
    const r = runCli(['compare', copy, '-o', copy]);
    expect(r.stderr).toBe(`fmfi-plot: ${copy}: is also an input: refusing to overwrite it\n`);
    expect(r.status).toBe(1);
  });

  it('writes to standard output with -o -, reading a log from standard input', () => {
    const r = runCli(['compare', '-', AFTER, '-o', '-'], { input: readFileSync(BEFORE) });
    expect(r.status).toBe(0);
    const svg = r.stdout.toString('utf8');
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('>standard input<');
  });

  it('writes a PNG that is not blank', () => {
    const out = join(dir, 'two.png');
    const r = runCli(['compare', BEFORE, AFTER, '-o', out, '--format', 'png']);
    expect(r.status).toBe(0);
    const png = readFileSync(out);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const image = decodePng(png);
    expect(image.width).toBeGreaterThan(1100);
    expect(distinctColours(image)).toBeGreaterThan(20);
    expect(inkedShare(image)).toBeGreaterThan(0.05);
  });

});

const chromiumPath = needProgram('/usr/bin/chromium', 'apt-get install chromium');

describe.skipIf(chromiumPath === null)('the comparison SVG in headless Chromium', () => {
  it('opens as a real picture with its title, every panel drawn', async () => {
    const out = join(dir, 'chromium.svg');
    expect(runCli(['compare', BEFORE, AFTER, '-o', out]).status).toBe(0);
    const svg = readFileSync(out, 'utf8');
    const [, w, h] = /<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svg)!;
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: chromiumPath!,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pathToFileURL(out).href);
      expect(await page.title()).toBe('Boot windows compared: FMFI by uptime');
      // Every panel's line is laid out with a real size in the browser.
      const lines = await page.$$eval('path[aria-roledescription="line mark"]', (ps) =>
        ps.map((p) => (p as unknown as { getBBox(): { width: number } }).getBBox()).filter((b) => b.width > 50).length,
      );
      expect(lines).toBeGreaterThanOrEqual(2 * 14); // two windows × (13 panels + A)
      const image = decodePng(await page.screenshot({ type: 'png' }));
      expect(errors).toEqual([]);
      expect(image.width).toBe(Number(w));
      expect(distinctColours(image)).toBeGreaterThan(20);
      expect(inkedShare(image)).toBeGreaterThan(0.05);
    } finally {
      await browser.close();
    }
  });
});
