// End to end: the index page that `fmfi-plot LOG... -o DIR` writes, opened from disk in a real headless Chromium.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers/cli.js';
import { needProgram } from '../helpers/programs.js';
import { decodePng, distinctColours } from '../views/chart/png.js';

// The page's objects, as far as these tests look at them: the tests compile without the DOM library.
interface PageImage {
  readonly naturalWidth: number;
  readonly complete: boolean;
  addEventListener(type: 'load', listener: () => void, options: { once: boolean }): void;
}
declare const document: { readonly activeElement: { readonly tagName: string; readonly textContent: string | null } | null };
declare const window: { scrollTo(x: number, y: number): void };

const chromiumPath = needProgram('/usr/bin/chromium', 'apt-get install chromium');

/** As in chromium.test.ts: no sandbox (containers), no GPU, nothing that talks to the network. */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];

/** The logs of the folder: real windows, a NUMA one, one with warnings, and names that are markup. */
const LOGS: ReadonlyArray<readonly [string, string]> = [
  ['vm_frag_20240408_1005.log', 'vm_frag_20240408_1005.log'],
  ['vm_frag_20240610_0912.log', 'vm_frag_20240610_0912.log'],
  ['vm_frag_20240617_1430.log', 'vm_frag_20240617_1430.log'],
  ['numa-2-domains.log', 'vm_frag_20240415_0930.log'],
  ['stray-lines.log', 'stray-lines.log'],
  ['one-domain.log', '<script>alert(1)<script>&.log'],
  ['gap.log', `it's "quoted" & <b>bold<b>.log`],
  ['orders-11.log', 'new\nline.log'],
];

describe.skipIf(chromiumPath === null)('the index page in headless Chromium', () => {
  let browser: Browser;
  let root: string;
  let out: string;
  let url: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fmfi-index-page-'));
    const logs = join(root, 'logs');
    mkdirSync(logs);
    const paths = LOGS.map(([fixture, name]) => {
      copyFileSync(join(FIXTURES, fixture), join(logs, name));
      return join(logs, name);
    });
    out = join(root, 'charts');
    const made = runCli([...paths, '-o', out, '--quiet']);
    expect(made.status, made.stderr).toBe(0);
    url = pathToFileURL(join(out, 'index.html')).href;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: chromiumPath!, args: ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  /** Opens the page as a reader would, with every picture loaded; collects errors and requests. */
  async function open(options: { colorScheme?: 'light' | 'dark'; javaScriptEnabled?: boolean } = {}): Promise<{ page: Page; errors: string[]; requests: string[]; close: () => Promise<void> }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: options.colorScheme ?? 'light', javaScriptEnabled: options.javaScriptEnabled ?? true });
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url);
    // The thumbnails load lazily: bring each into view, as scrolling does, and wait for it.
    for (const img of await page.locator('img').all()) {
      await img.scrollIntoViewIfNeeded();
      await img.evaluate((i) => {
        const image = i as unknown as PageImage;
        return image.complete ? undefined : new Promise<void>((r) => image.addEventListener('load', r, { once: true }));
      });
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    return { page, errors, requests, close: () => context.close() };
  }

  const names = (page: Page): Promise<string[]> => page.locator('tbody th[scope=row] a').allTextContents();

  it('loads with no error, asks for nothing outside its folder, and every chart picture shows', async () => {
    const { page, errors, requests, close } = await open();
    try {
      expect(errors).toEqual([]);
      const folder = `${pathToFileURL(out).href}/`;
      expect(requests.length).toBeGreaterThan(LOGS.length);
      expect(requests.filter((r) => !r.startsWith(folder))).toEqual([]);
      const widths = await page.locator('img').evaluateAll((imgs) => imgs.map((i) => (i as unknown as PageImage).naturalWidth));
      expect(widths).toHaveLength(LOGS.length);
      expect(widths.every((w) => w === 1200)).toBe(true);
      expect(await page.title()).toBe(`${LOGS.length} boot windows · fmfi-plot`);
      // The comparison chart is inline, with its own title for screen readers.
      expect(await page.locator('figure.compare svg > title').textContent()).toBe('Boot windows compared: FMFI by uptime');
    } finally {
      await close();
    }
  });

  it('has one row per window, named exactly by its log, markup in names shown as text', async () => {
    const { page, close } = await open();
    try {
      expect((await names(page)).sort()).toEqual(LOGS.map(([, name]) => name.replace('\n', '\ufffd')).sort());
      expect(await page.locator('script').count()).toBe(1);
      expect(await page.locator('tbody b, tbody script').count()).toBe(0);
      // Each link leads to its own chart, whatever its name holds.
      const hrefs = await page.locator('tbody th[scope=row] a').evaluateAll((as) => as.map((a) => decodeURIComponent(new URL((a as unknown as { href: string }).href).pathname.split('/').pop()!)));
      expect(hrefs.sort()).toEqual(LOGS.map(([, name]) => name.replace(/\.log$/, '.svg')).sort());
      // Newest first: by the boot times in the names (the others by their first sample).
      expect((await names(page)).filter((n) => n.startsWith('vm_frag_'))).toEqual(['vm_frag_20240617_1430.log', 'vm_frag_20240610_0912.log', 'vm_frag_20240415_0930.log', 'vm_frag_20240408_1005.log']);
      const alt = await page.locator('tbody img').first().getAttribute('alt');
      expect(alt).toMatch(/^3D chart of the memory fragmentation index \(FMFI\) over time/);
    } finally {
      await close();
    }
  });

  it('sorts by a column when its heading is clicked, and again reversed; the headings are reached and pressed by keyboard', async () => {
    const { page, errors, close } = await open();
    try {
      const keys = (column: number): Promise<number[]> =>
        page.locator(`tbody tr > :nth-child(${column})`).evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-sort'))));
      await page.getByRole('button', { name: 'Samples' }).click();
      const descending = await keys(3);
      expect(descending).toEqual([...descending].sort((a, b) => b - a));
      expect(new Set(descending).size).toBeGreaterThan(2);
      expect(await page.locator('th', { hasText: 'Samples' }).getAttribute('aria-sort')).toBe('descending');
      await page.getByRole('button', { name: 'Samples' }).click();
      expect(await keys(3)).toEqual([...descending].reverse());
      expect(await page.locator('th', { hasText: 'Samples' }).getAttribute('aria-sort')).toBe('ascending');

      // Tab to the heading "A median" and press Enter.
      let focused = '';
      for (let i = 0; i < 60 && focused !== 'A median'; i++) {
        await page.keyboard.press('Tab');
        focused = await page.evaluate(() => (document.activeElement?.tagName === 'BUTTON' ? (document.activeElement.textContent ?? '') : ''));
      }
      expect(focused).toBe('A median');
      await page.keyboard.press('Enter');
      const medians = await keys(5);
      expect(medians).toEqual([...medians].sort((a, b) => b - a));
      expect(await page.locator('th', { hasText: 'A median' }).getAttribute('aria-sort')).toBe('descending');
      expect(await page.locator('th[aria-sort]').count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('shows the warnings of a window in a details element', async () => {
    const { page, close } = await open();
    try {
      const row = page.locator('tbody tr', { hasText: 'stray-lines.log' });
      await row.locator('summary').click();
      expect(await row.locator('summary').textContent()).toBe('3 warnings');
      expect(await row.locator('details li').allTextContents()).toEqual([
        `line 47: unexpected line ("sysctl: unknown oid 'vm.phys_frag_idx_extra'"): skipped`,
        'line 71: unexpected line ("~"): skipped',
        'line 72: unexpected line (":wq"): skipped',
      ]);
    } finally {
      await close();
    }
  });

  it('draws a page in light and in dark, as the reader\'s setting asks', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page, close } = await open({ colorScheme: scheme });
      try {
        const shot = decodePng(await page.screenshot({ type: 'png' }));
        expect({ width: shot.width, height: shot.height }).toEqual({ width: 1280, height: 900 });
        expect(distinctColours(shot)).toBeGreaterThan(50);
        // The page's background, in the top left corner.
        const [r, g, b] = shot.pixels.subarray(0, 3);
        if (scheme === 'light') expect(Math.min(r!, g!, b!)).toBeGreaterThan(240);
        else expect(Math.max(r!, g!, b!)).toBeLessThan(40);
        const full = decodePng(await page.screenshot({ type: 'png', fullPage: true }));
        expect(full.height).toBeGreaterThan(2000);
      } finally {
        await close();
      }
    }
  });

  it('still shows the whole table, newest first, without JavaScript', async () => {
    const { page, errors, close } = await open({ javaScriptEnabled: false });
    try {
      expect(errors).toEqual([]);
      expect(await page.locator('tbody tr').count()).toBe(LOGS.length);
      expect((await names(page))[0]).toBe('vm_frag_20240617_1430.log');
      expect(await page.locator('thead button').count()).toBe(0);
      expect(await page.locator('#sort-hint').isVisible()).toBe(false);
      const widths = await page.locator('img').evaluateAll((imgs) => imgs.map((i) => (i as unknown as PageImage).naturalWidth));
      expect(widths.every((w) => w > 0)).toBe(true);
    } finally {
      await close();
    }
  });
});
