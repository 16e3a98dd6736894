// Spec → standalone SVG (headless Vega, no browser, no canvas) → PNG (resvg with the bundled fonts).
import type { TimeBins } from '../summary/bins.js';
import type { Caption } from '../summary/caption.js';
import { dejaVuFontFiles } from './fonts.js';
import type { ChartOptions } from '../views/chart/options.js';
import { chartSpec } from '../views/chart/spec.js';
import { loadVega, type Vega } from './vega.js';
import { escapeXml } from './xml-text.js';

/**
 * Vega writes its description only as aria attributes; screen readers and image
 * viewers look for `<title>` and `<desc>` as the first children of the root.
 */
export function addTitleAndDesc(svg: string, title: string, desc: string): string {
  const end = svg.indexOf('>', svg.indexOf('<svg'));
  if (end < 0) throw new Error('not an SVG document');
  return `${svg.slice(0, end + 1)}<title>${escapeXml(title)}</title><desc>${escapeXml(desc)}</desc>${svg.slice(end + 1)}`;
}

/**
 * The chart of one boot window as a standalone SVG document. `bins` must hold at least
 * one sample. `vega` is for tests: by default Vega is loaded when first needed (loaded
 * here, not at the top: `fmfi-plot csv` never renders and must not pay for Vega).
 */
export async function renderSvg(bins: TimeBins, caption: Caption, options: ChartOptions, vega?: Vega): Promise<string> {
  const spec = chartSpec(bins, caption, options);
  vega ??= await loadVega();
  const view = new vega.View(vega.parse(spec), { renderer: 'none', logLevel: vega.Warn });
  try {
    const svg = await view.toSVG();
    const body = svg.replace(/^<svg /, '<svg role="img" ');
    return `<?xml version="1.0" encoding="UTF-8"?>\n${addTitleAndDesc(body, caption.title, spec.description ?? caption.subtitle)}\n`;
  } finally {
    view.finalize();
  }
}

/** A PNG of the SVG at its own size, its text in the bundled DejaVu Sans whatever fonts the machine has. */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    font: {
      fontFiles: dejaVuFontFiles(),
      loadSystemFonts: false,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
    background: 'white',
  });
  return resvg.render().asPng();
}
