// A vega-lite spec → Vega spec → SVG, vega-lite loaded only by the runs that draw one.
import type { TopLevelSpec } from 'vega-lite';
import type { Spec } from 'vega';
import { renderVegaSvg, type SvgText } from './render.js';

type VegaLite = typeof import('vega-lite');

let loading: Promise<VegaLite> | null = null;

/** vega-lite, loaded once per thread (its ES modules: `fmfi-plot csv` and the chart never pay for them). */
export function loadVegaLite(): Promise<VegaLite> {
  loading ??= import('vega-lite');
  return loading;
}

/** The Vega spec vega-lite compiles the spec to. */
export async function compileVegaLite(spec: TopLevelSpec): Promise<Spec> {
  const { compile } = await loadVegaLite();
  return compile(spec).spec;
}

/** A vega-lite spec as a standalone SVG document with a `<title>` and `<desc>`. */
export async function renderVegaLiteSvg(spec: TopLevelSpec, text: SvgText): Promise<string> {
  return renderVegaSvg(await compileVegaLite(spec), text);
}
