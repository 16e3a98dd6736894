// Hostile file names through the CLI: whatever of the input reaches the SVG is escaped, so no markup gets in.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers/cli.js';
import { elementNames } from '../helpers/svg.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fmfi-escaping-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The text of the document's first `<title>`, entities decoded. */
function titleOf(svg: string): string {
  const doc = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: true }).parse(svg) as { svg: { title: unknown } };
  return String(doc.svg.title);
}

/** Renders `arg` (a path relative to `cwd`) and returns the one chart it wrote. */
function chartOf(cwd: string, arg: string): string {
  const r = runCli([arg, '-o', 'out'], { cwd });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stderr).toBe('fmfi-plot: 1 rendered, 0 up to date, 0 without samples, 0 failed\n');
  // The index page beside it has its own test (index-page.test.ts).
  const files = readdirSync(join(cwd, 'out')).filter((f) => !f.startsWith('index.'));
  expect(files).toHaveLength(1);
  return readFileSync(join(cwd, 'out', files[0]!), 'utf8');
}

function expectNoMarkupFrom(svg: string): void {
  expect(XMLValidator.validate(svg)).toBe(true);
  expect(svg).not.toMatch(/<script/i);
  const doc = new XMLParser({ preserveOrder: true, ignoreAttributes: false, processEntities: true, htmlEntities: true }).parse(svg);
  const names = elementNames(doc).map((n) => n.toLowerCase());
  expect(names).not.toContain('script');
  expect(names.filter((n) => !/^[a-z?]/.test(n))).toEqual([]);
}

describe('a log whose name is markup', () => {
  it('a<script>alert(1)</script>&.log: a folder and a file, as the shell reads it; the chart is titled by the file', () => {
    const cwd = join(dir, 'path');
    mkdirSync(join(cwd, 'a<script>alert(1)<'), { recursive: true });
    copyFileSync(join(FIXTURES, 'one-domain.log'), join(cwd, 'a<script>alert(1)<', 'script>&.log'));
    const svg = chartOf(cwd, 'a<script>alert(1)</script>&.log');
    expectNoMarkupFrom(svg);
    expect(titleOf(svg)).toBe('script>&.log');
    expect(svg).toContain('<title>script&gt;&amp;.log</title>');
  });

  it.each([
    ['<script>alert(1)<script>&.log'],
    [`"><script>alert('x')<script>&amp;.log`],
    [`it's "quoted" <b>&<i>.log`],
    ['bell\u0007 and <!-- -->.log'],
    [']]><svg onload=alert(1)>.log'],
  ])('%s: a well-formed SVG without a script element, titled exactly by the name', (name) => {
    const cwd = join(dir, `flat-${Math.random().toString(16).slice(2)}`);
    mkdirSync(cwd);
    copyFileSync(join(FIXTURES, 'one-domain.log'), join(cwd, name));
    const svg = chartOf(cwd, name);
    expectNoMarkupFrom(svg);
    // Characters XML cannot carry become U+FFFD, as a terminal shows them.
    expect(titleOf(svg)).toBe(name.replace(/\u0007/g, '\ufffd'));
    expect(elementNames(new XMLParser({ preserveOrder: true }).parse(svg)).filter((n) => n === 'svg')).toHaveLength(1);
  });
});
