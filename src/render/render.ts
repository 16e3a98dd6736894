// Any Vega spec → standalone SVG (headless Vega, no browser, no canvas) → PNG (resvg with the bundled fonts, png.ts).
import type { Spec } from 'vega';
import { loadVega, vegaDrewOnce, type Vega } from './vega.js';
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

export interface SvgText {
  /** The document's `<title>`. */
  readonly title: string;
  /** Its `<desc>`: what the picture shows, for readers who cannot see it. */
  readonly description: string;
}

/**
 * A Vega spec as a standalone SVG document with a `<title>` and `<desc>`. `vega` is for
 * tests: by default Vega is loaded when first needed (here, not at the top: `fmfi-plot
 * csv` never renders and must not pay for Vega).
 */
export async function renderVegaSvg(spec: Spec, text: SvgText, vega?: Vega): Promise<string> {
  vega ??= await loadVega();
  const view = new vega.View(vega.parse(spec), { renderer: 'none', logLevel: vega.Warn });
  try {
    // Vega numbers the clip paths and gradients of its SVG from counters it keeps across
    // documents: without this, a picture's ids (clip169…) depend on what the thread drew before.
    vega.resetSVGDefIds();
    const svg = await view.toSVG();
    vegaDrewOnce();
    const body = svg.replace(/^<svg /, '<svg role="img" ');
    return `<?xml version="1.0" encoding="UTF-8"?>\n${addTitleAndDesc(body, text.title, text.description)}\n`;
  } finally {
    view.finalize();
  }
}

export { svgToPng } from './png.js';
