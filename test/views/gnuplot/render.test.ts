// End to end: `node bin/fmfi-plot.js gnuplot FIXTURE | gnuplot` with the real gnuplot.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES as CATALOGUE } from '../../../fixtures/catalogue.js';
import { wallColours } from '../../../src/views/gnuplot/palette.js';
import { FIXTURES, runCli } from '../../helpers/cli.js';
import { needProgram } from '../../helpers/programs.js';

const gnuplot = needProgram('gnuplot', 'apt-get install gnuplot-nox');

interface Drawn {
  readonly status: number | null;
  readonly stderr: string;
  readonly out: Buffer;
}

/** Pipes a script into gnuplot, as `fmfi-plot gnuplot x.log | gnuplot > x.svg` does. */
function draw(script: Buffer, cwd?: string, env?: NodeJS.ProcessEnv): Drawn {
  const r = spawnSync(gnuplot!, [], { input: script, cwd, env: env ?? process.env, maxBuffer: 1 << 30 });
  return { status: r.status, stderr: r.stderr.toString('utf8'), out: r.stdout };
}

function scriptFor(args: readonly string[], cwd?: string): Buffer {
  const r = runCli(['gnuplot', ...args], { cwd });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

/** The `<text>` contents gnuplot's SVG terminal wrote (labels are not enhanced, so never split). */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text>([^<]*)<\/text>/g)].map((m) => m[1]!);
}

/** The fill colours of the filled polygons, as `#rrggbb`. */
function polygonFills(svg: string): string[] {
  return [...svg.matchAll(/<polygon fill = 'rgb\(\s*(\d+),\s*(\d+),\s*(\d+)\)'/g)].map(
    (m) => `#${[m[1], m[2], m[3]].map((c) => Number(c).toString(16).padStart(2, '0')).join('')}`,
  );
}

describe.skipIf(gnuplot === null)('fmfi-plot gnuplot FIXTURE | gnuplot', () => {
  it.each([
    ['one-domain.log', 1, 13],
    ['numa-2-domains.log', 2, 13],
    ['numa-4-domains.log', 4, 13],
    ['orders-11.log', 1, 11],
    ['orders-17.log', 1, 17],
  ])('%s: well-formed SVG, no gnuplot warning, a panel per domain, every wall filled', (fixture, domains, orders) => {
    const drawn = draw(scriptFor([join(FIXTURES, fixture)]));
    expect(drawn.stderr).toBe('');
    expect(drawn.status).toBe(0);
    const svg = drawn.out.toString('utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toMatch(/^<\?xml/);
    expect(svg).toContain('width="1200"');

    const labels = texts(svg);
    expect(labels.filter((t) => /^domain \d+$/.test(t))).toEqual(Array.from({ length: domains }, (_, d) => `domain ${d}`));
    expect(labels).toContain(fixture);
    expect(labels.some((t) => t.startsWith('boot time unknown · 2024-04-08 10:05 – '))).toBe(true);
    expect(labels).toContain('4K');

    // Filled: gnuplot 5.4 draws zerrorfill as filled polygons, in each wall's own colour.
    const fills = polygonFills(svg);
    expect(fills.length).toBeGreaterThanOrEqual(orders * domains);
    expect(new Set(fills)).toEqual(new Set(wallColours(orders).map((c) => c.fill)));
  });

  it.each(CATALOGUE.map((f) => f.name))('%s: gnuplot draws it without a word on stderr', (fixture) => {
    const r = runCli(['gnuplot', join(FIXTURES, fixture)]);
    expect(r.status).toBe(0);
    const drawn = draw(r.stdout);
    expect(drawn.stderr).toBe('');
    expect(drawn.status).toBe(0);
    expect(XMLValidator.validate(drawn.out.toString('utf8'))).toBe(true);
  });

  it('says so in the picture when a log has no values', () => {
    const r = runCli(['gnuplot', join(FIXTURES, 'no-sysctl.log')]);
    expect(r.stderr).toContain('no-sysctl.log: warning: none of its 6 samples has vm.phys_frag_idx output');
    expect(r.status).toBe(0);
    const drawn = draw(r.stdout);
    expect(drawn.stderr).toBe('');
    expect(texts(drawn.out.toString('utf8'))).toContain(
      'none of its 6 samples has vm.phys_frag_idx output (kernel without the sysctl?)',
    );
  });

  it('draws PNG with --terminal pngcairo and PDF with --terminal pdfcairo', () => {
    const png = draw(scriptFor([join(FIXTURES, 'numa-2-domains.log'), '--terminal', 'pngcairo', '--width', '900']));
    expect(png.stderr).toBe('');
    expect(png.out.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(png.out.readUInt32BE(16)).toBe(900); // IHDR width
    const pdf = draw(scriptFor([join(FIXTURES, 'one-domain.log'), '--terminal', 'pdfcairo']));
    expect(pdf.stderr).toBe('');
    expect(pdf.out.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('shows the logged wall-clock times whatever the zone of the machine', () => {
    const labelsIn = (tz: string): string[] => {
      const env = { ...process.env, TZ: tz };
      const script = runCli(['gnuplot', join(FIXTURES, 'one-domain.log')], { env }).stdout;
      return texts(draw(script, undefined, env).out.toString('utf8'));
    };
    const newYork = labelsIn('America/New_York');
    expect(newYork).toEqual(labelsIn('Asia/Kolkata'));
    expect(newYork).toEqual(expect.arrayContaining(['11:00', '12:00', '13:00', '14:00']));
  });
});

describe.skipIf(gnuplot === null)('a hostile log name cannot make gnuplot run anything', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fmfi-gnuplot-names-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    `a'; system("touch pwned1"); '.log`,
    'b`touch pwned2`.log',
    'c"; system("touch pwned3"); ".log',
    'd\\"; system("touch pwned4"); #\\.log',
    'e\n system("touch pwned5")\n.log',
    'f@pwned6 $(touch pwned7) ]]><x>&amp;.log',
  ])('%j', (name) => {
    copyFileSync(join(FIXTURES, 'one-domain.log'), join(dir, name));
    const drawn = draw(scriptFor([name], dir), dir);
    expect(drawn.stderr).toBe('');
    expect(drawn.status).toBe(0);
    expect(readdirSync(dir).filter((f) => f.includes('pwned') && !f.endsWith('.log'))).toEqual([]);
    const svg = drawn.out.toString('utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    // The title shows the name, control characters made visible.
    const shown = name.replace(/\n/g, '\\n').replace(']]>', ']]\u200b>');
    expect(texts(svg)).toContain(shown.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
  });
});
