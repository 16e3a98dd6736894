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
import { compileWithCache, type CompiledScript } from '../io/code-cache.js';
import { renderVegaSvg, type SvgText } from './render.js';
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
  let script: CompiledScript;
  try {
    const file = join(dirname(require.resolve('vega-lite')), 'vega-lite.min.js');
    // The UMD wrapper fills `exports` when it sees CommonJS's `exports` and `module`, and asks `require` for vega.
    script = compileWithCache(file, '(function (exports, module, require) {', '\n})', cacheDir);
  } catch {
    return null; // no such file, or not a script: the ES modules will do
  }
  const exports: Record<string, unknown> = {};
  const requireVega = (name: string): unknown => {
    if (name !== 'vega') throw new Error(`vega-lite's script asked for ${name}`);
    return vega;
  };
  try {
    const factory = script.script.runInThisContext() as (exports: Record<string, unknown>, module: { exports: Record<string, unknown> }, require: (name: string) => unknown) => void;
    factory(exports, { exports }, requireVega);
  } catch {
    return null; // not the script this expects: the ES modules will do
  }
  if (typeof exports.compile !== 'function' || typeof exports.version !== 'string') return null;
  compiled = script;
  return exports as unknown as VegaLite;
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
