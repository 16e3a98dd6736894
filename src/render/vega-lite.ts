// A vega-lite spec → Vega spec → SVG, vega-lite loaded only by the runs that draw one.
//
// vega-lite 6 is published as ES modules: some three hundred files, which Node.js 20 took
// about 0.6 s to load through its ES module loader, in every run that drew a comparison,
// and so in every `fmfi-plot LOG -o DIR` whose index page shows one. Beside them the package
// ships the same code and version as one script for browsers (build/vega-lite.min.js, a UMD
// bundle whose one import is Vega). Compiled here the way vega.ts compiles Vega's script,
// with V8's code cache, it is handed the Vega the charts use. Should a later vega-lite not
// have the script there, its ES modules are imported as before. Both compile a spec to the
// same Vega spec (test/render/vega-lite.test.ts).
import { dirname, join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { Spec } from 'vega';
import type { CompiledScript } from '../io/code-cache.js';
import { renderVegaSvg, type SvgText } from './render.js';
import { requireNothing, runUmdScript } from './umd.js';
import { loadVega, type Vega } from './vega.js';

export type VegaLite = typeof import('vega-lite');

let loading: Promise<VegaLite> | null = null;
/** The script vega-lite was compiled from, until its code cache has been offered to be saved. */
let compiled: CompiledScript | null = null;

/** vega-lite, loaded once per thread (`fmfi-plot csv` and a chart without a page never pay for it). */
export function loadVegaLite(): Promise<VegaLite> {
  loading ??= loadVega().then((vega) => vegaLiteScript(vega) ?? vegaLiteModules());
  return loading;
}

/** vega-lite from its ES modules. */
export function vegaLiteModules(): Promise<VegaLite> {
  return import('vega-lite');
}

/**
 * vega-lite from its one-file build, importing `vega` as the Vega given; null if the
 * installed vega-lite has no such script. `cacheDir` as for compileWithCache.
 */
export function vegaLiteScript(vega: Vega, cacheDir?: string | null): VegaLite | null {
  let file: string;
  try {
    file = join(dirname(require.resolve('vega-lite')), 'vega-lite.min.js');
  } catch {
    return null;
  }
  const requireVega = (name: string): unknown => (name === 'vega' ? vega : requireNothing(name));
  // The ES modules will do where the script is missing or not the one this expects.
  const umd = runUmdScript(file, requireVega, cacheDir);
  if (umd === null || typeof umd.exports.compile !== 'function' || typeof umd.exports.version !== 'string') return null;
  compiled = umd.script;
  return umd.exports as unknown as VegaLite;
}

/** The Vega spec vega-lite compiles the spec to. */
export async function compileVegaLite(spec: TopLevelSpec): Promise<Spec> {
  const { compile } = await loadVegaLite();
  const vega = compile(spec).spec;
  // Saves vega-lite's code cache if it had none, now that compiling has compiled what it uses. Never throws.
  compiled?.save();
  compiled = null;
  return vega;
}

/** A vega-lite spec as a standalone SVG document with a `<title>` and `<desc>`. */
export async function renderVegaLiteSvg(spec: TopLevelSpec, text: SvgText): Promise<string> {
  return renderVegaSvg(await compileVegaLite(spec), text);
}
