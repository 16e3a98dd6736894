import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it, vi } from 'vitest';
import { FIXTURES as CATALOGUE } from '../../../fixtures/catalogue.js';
import { chartCaption } from '../../../src/summary/caption.js';
import { DEFAULT_CHART_OPTIONS } from '../../../src/views/chart/options.js';
import { addTitleAndDesc, svgToPng } from '../../../src/render/render.js';
import { renderChartSvg } from '../../../src/views/chart/render.js';
import { decodePng, distinctColours, inkedShare, PNG_SIGNATURE } from './png.js';
import { fixture, generated } from './load.js';
import { elementNames } from '../../helpers/svg.js';

const MAX_SVG_BYTES = 1.5 * 1024 * 1024;

function valid(svg: string): void {
  expect(XMLValidator.validate(svg)).toBe(true);
}

function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svg);
  return { width: Number(m![1]), height: Number(m![2]) };
}

const withSamples = CATALOGUE.filter((f) => fixture(f.name).bins.samples > 0).map((f) => f.name);

describe('renderChartSvg', () => {
  it.each(withSamples)('writes a well-formed standalone SVG for %s', async (name) => {
    const { bins, caption } = fixture(name);
    const svg = await renderChartSvg(bins, caption, DEFAULT_CHART_OPTIONS);
    valid(svg);
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  });

  it('renders every fixture without a Vega warning (they would reach the user\'s terminal)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      for (const name of withSamples) {
        const { bins, caption } = fixture(name);
        await renderChartSvg(bins, caption, DEFAULT_CHART_OPTIONS);
        await renderChartSvg(bins, caption, { ...DEFAULT_CHART_OPTIONS, zRange: { kind: 'auto' } });
      }
      expect(warn).not.toHaveBeenCalled();
      expect(error).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
  });

  it('opens with <title> and <desc> for screen readers', async () => {
    const { bins, caption } = fixture('vm_frag_20240408_1005.log');
    const svg = await renderChartSvg(bins, caption, DEFAULT_CHART_OPTIONS);
    expect(svg).toMatch(/<svg [^>]*><title>vm_frag_20240408_1005\.log<\/title><desc>3D chart of the memory fragmentation index/);
    const desc = /<desc>([^<]*)<\/desc>/.exec(svg)![1]!;
    expect(desc).toContain(caption.subtitle);
    expect(desc).toMatch(/4K −[\d,]+ to −[\d,]+; 8K/);
    expect(desc).toContain('16M');
  });

  it.each([
    ['numa-2-domains.log', 2],
    ['numa-4-domains.log', 4],
    ['one-domain.log', 1],
  ])('draws one panel per NUMA domain for %s', async (name, domains) => {
    const { bins, caption } = fixture(name);
    const svg = await renderChartSvg(bins, caption, DEFAULT_CHART_OPTIONS);
    const panels = [...svg.matchAll(/<g aria-label="domain (\d+)"/g)].map((m) => Number(m[1]));
    expect(panels).toEqual([...Array(domains).keys()]);
    const labels = [...svg.matchAll(/>domain (\d+)<\/text>/g)].map((m) => Number(m[1]));
    // A single domain needs no label.
    expect(labels).toEqual(domains > 1 ? [...Array(domains).keys()] : []);
    // The panels stack: the picture grows by one panel per further domain.
    expect(svgSize(svg).width).toBe(DEFAULT_CHART_OPTIONS.width);
  });

  it('escapes a file name full of markup: no element is injected and the title reads as given', async () => {
    const { bins } = fixture('one-domain.log');
    const name = 'a<script>alert(1)</script>&.log';
    const caption = { ...chartCaption('x.log', null, bins), title: name };
    const svg = await renderChartSvg(bins, caption, DEFAULT_CHART_OPTIONS);
    valid(svg);
    expect(svg).not.toContain('<script');
    const doc = new XMLParser({ preserveOrder: true, ignoreAttributes: false, processEntities: true, htmlEntities: true }).parse(svg);
    expect(elementNames(doc)).not.toContain('script');
    expect(svg).toContain('<title>a&lt;script&gt;alert(1)&lt;/script&gt;&amp;.log</title>');
    expect(svg).toContain('>a&lt;script&gt;alert(1)&lt;/script&gt;&amp;.log</text>');
  });

  it('escapes a file name given as a path, and keeps only its base name', async () => {
    const { bins } = fixture('one-domain.log');
    const caption = chartCaption('logs/"quoted" & <odd>.log', null, bins);
    const svg = await renderChartSvg(bins, caption, DEFAULT_CHART_OPTIONS);
    valid(svg);
    expect(svg).toContain('<title>"quoted" &amp; &lt;odd&gt;.log</title>');
  });

  it('replaces characters XML cannot carry, so a control character in a name leaves the SVG valid', async () => {
    const { bins } = fixture('one-domain.log');
    const caption = { ...chartCaption('x.log', null, bins), title: 'bell\u0007\ud800.log' };
    const svg = await renderChartSvg(bins, caption, DEFAULT_CHART_OPTIONS);
    valid(svg);
    expect(svg).toContain('<title>bell\ufffd\ufffd.log</title>');
  });

  it('stays under 1.5 MB for a generated 100,000-sample log', async () => {
    const { bins, caption } = generated({ seed: 11, samples: 100_000, intervalSeconds: 60, gapsAfter: [40_000] });
    expect(bins.samples).toBe(100_000);
    const svg = await renderChartSvg(bins, caption, DEFAULT_CHART_OPTIONS);
    valid(svg);
    expect(Buffer.byteLength(svg)).toBeLessThanOrEqual(MAX_SVG_BYTES);
    // One path per row, not one element per bar.
    expect(svg.match(/<path /g)!.length).toBeLessThan(100);
  });

  it('asks for DejaVu Sans first, with fallbacks of the same metrics', async () => {
    const { bins, caption } = fixture('one-domain.log');
    const svg = await renderChartSvg(bins, caption, DEFAULT_CHART_OPTIONS);
    const families = new Set([...svg.matchAll(/font-family="([^"]*)"/g)].map((m) => m[1]));
    expect([...families]).toEqual(["'DejaVu Sans', 'Bitstream Vera Sans', Verdana, Geneva, sans-serif"]);
  });
});

describe('addTitleAndDesc', () => {
  it('puts both right after the root element opens', () => {
    expect(addTitleAndDesc('<svg a="1"><g/></svg>', 'T<', 'D&')).toBe('<svg a="1"><title>T&lt;</title><desc>D&amp;</desc><g/></svg>');
  });
});

describe('svgToPng', () => {
  it('makes a PNG of the SVG\'s size that is a real picture, not a blank', async () => {
    const { bins, caption } = fixture('numa-2-domains.log');
    const svg = await renderChartSvg(bins, caption, DEFAULT_CHART_OPTIONS);
    const png = await svgToPng(svg);
    expect(Buffer.from(png.subarray(0, 8)).equals(PNG_SIGNATURE)).toBe(true);
    const image = decodePng(png);
    expect({ width: image.width, height: image.height }).toEqual(svgSize(svg));
    expect(distinctColours(image)).toBeGreaterThan(20);
    const inked = inkedShare(image);
    expect(inked).toBeGreaterThan(0.2);
    expect(inked).toBeLessThan(0.9);
  });

  it('draws the text with the bundled fonts', async () => {
    const { bins, caption } = fixture('one-domain.log');
    const svg = await renderChartSvg(bins, caption, DEFAULT_CHART_OPTIONS);
    const withText = decodePng(await svgToPng(svg));
    const withoutText = decodePng(await svgToPng(svg.replace(/<text [^>]*>[^<]*<\/text>/g, '')));
    // The title's band: only text is drawn there.
    const band = (img: ReturnType<typeof decodePng>) => img.pixels.subarray(0, img.width * img.channels * 56);
    expect(band(withoutText).every((v) => v === 255)).toBe(true);
    expect(band(withText).some((v) => v < 128)).toBe(true);
  });
});

describe('the chart modules', () => {
  it('load Vega only when rendering, so `fmfi-plot csv` never pays for it', () => {
    const dir = join(__dirname, '..', '..', '..', 'src');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text, file).not.toMatch(/^import (?!type )[^;]*from 'vega'/m);
      expect(text, file).not.toMatch(/^import (?!type )[^;]*from '@resvg\/resvg-js'/m);
    }
  });
});
