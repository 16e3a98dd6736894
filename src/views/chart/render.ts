// The chart of one boot window as an SVG document: its spec, drawn by the shared renderer.
import type { Spec } from 'vega';
import { renderVegaSvg, type SvgText } from '../../render/render.js';
import type { Vega } from '../../render/vega.js';
import type { TimeBins } from '../../summary/bins.js';
import type { Caption } from '../../summary/caption.js';
import type { ChartOptions } from './options.js';
import { chartSpec, rowBox } from './spec.js';
import { withStandIns } from './stand-ins.js';

/** The chart's `<title>` and `<desc>`: the log's name, and what the picture shows for readers who cannot see it. */
export function chartText(spec: Spec, caption: Caption): SvgText {
  return { title: caption.title, description: spec.description ?? caption.subtitle };
}

/** The chart of one boot window as a standalone SVG document. `bins` must hold at least one sample. */
export async function renderChartSvg(bins: TimeBins, caption: Caption, options: ChartOptions, vega?: Vega): Promise<string> {
  const spec = chartSpec(bins, caption, options);
  return (await drawChartSvg(spec, chartText(spec, caption), vega)).text();
}

/** A chart's SVG document, as text or as the bytes of its file. */
export interface ChartSvg {
  text(): string;
  /** The document as UTF-8; `edit` changes it first (the batch adds its stamp), the rows' paths still out of it. */
  bytes(edit?: (svg: string) => string): Uint8Array;
}

/** The chart's spec (chartSpec) drawn: the rows' paths go round Vega (stand-ins.ts). */
export async function drawChartSvg(spec: Spec, text: SvgText, vega?: Vega): Promise<ChartSvg> {
  const standIns = withStandIns(spec, 'rows', rowBox);
  const svg = await renderVegaSvg(standIns.spec, text, vega);
  if (!standIns.allIn(svg)) {
    // A Vega that writes paths otherwise: drawn again with the paths themselves.
    const plain = await renderVegaSvg(spec, text, vega);
    return { text: () => plain, bytes: (edit) => Buffer.from(edit === undefined ? plain : edit(plain), 'utf8') };
  }
  return {
    text: () => standIns.restore(svg),
    bytes: (edit) => standIns.encode(edit === undefined ? svg : edit(svg)),
  };
}
