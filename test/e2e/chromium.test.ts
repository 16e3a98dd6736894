// End to end: the SVG chart opened in a real headless Chromium (Debian's `chromium`, never a download).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers/cli.js';
import { decodePng, distinctColours, inkedShare, PNG_SIGNATURE } from '../views/chart/png.js';
import { needProgram } from '../helpers/programs.js';

const chromiumPath = needProgram('/usr/bin/chromium', 'apt-get install chromium');

/** The flags of the issue: no sandbox (containers), no GPU, nothing that talks to the network. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

describe.skipIf(chromiumPath === null)('the SVG chart in headless Chromium', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fmfi-chromium-'));
    const { chromium } = await import('playwright-core');
    // Playwright starts the browser with a fresh, temporary --user-data-dir of its own.
    browser = await chromium.launch({ executablePath: chromiumPath!, args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Draws a fixture's chart with the command a user runs, opens the file as a user would, and screenshots it. */
  async function open(name: string): Promise<{ png: Buffer; width: number; height: number; title: string; errors: string[] }> {
    const made = runCli([join(FIXTURES, name), '-o', dir, '--force', '--quiet']);
    expect(made.status).toBe(0);
    const file = join(dir, name.replace(/\.log$/, '.svg'));
    const svg = readFileSync(file, 'utf8');
    const m = /<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svg)!;
    const width = Number(m[1]);
    const height = Number(m[2]);
    const page = await browser.newPage({ viewport: { width, height } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    try {
      await page.goto(pathToFileURL(file).href);
      // For an SVG document, document.title is the root's <title> child.
      const title = await page.title();
      const png = await page.screenshot({ type: 'png' });
      return { png, width, height, title, errors };
    } finally {
      await page.close();
    }
  }

  it('shows the chart of a 3-day window as a real picture of the right size', async () => {
    const shot = await open('vm_frag_20240408_1005.log');
    expect(shot.errors).toEqual([]);
    expect(shot.title).toBe('vm_frag_20240408_1005.log');
    expect(shot.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const image = decodePng(shot.png);
    expect({ width: image.width, height: image.height }).toEqual({ width: 1200, height: 700 });
    expect(distinctColours(image)).toBeGreaterThan(20);
    const inked = inkedShare(image);
    expect(inked).toBeGreaterThan(0.2);
    expect(inked).toBeLessThan(0.9);
  });

  it('shows every panel of a NUMA chart', async () => {
    const shot = await open('numa-2-domains.log');
    expect(shot.errors).toEqual([]);
    const image = decodePng(shot.png);
    expect({ width: image.width, height: image.height }).toEqual({ width: shot.width, height: shot.height });
    expect(shot.height).toBeGreaterThan(700); // the default height of one panel
    // Both halves are drawn on: the second panel is not left blank.
    const half = image.width * image.channels * Math.floor(image.height / 2);
    const lower = { ...image, height: image.height - Math.floor(image.height / 2), pixels: image.pixels.subarray(half) };
    expect(inkedShare(lower)).toBeGreaterThan(0.2);
  });
});
