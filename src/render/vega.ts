// Vega, loaded as the one script it also ships as.
//
// Vega 6 is published as ES modules: some forty packages, which Node 20 takes about
// 130 ms to resolve and load, more than drawing a chart takes. Beside them the vega
// package ships the same code and version as one script for browsers (build/vega.js, a
// UMD bundle without imports). Compiled here the way a CommonJS module is, it loads in
// 40 ms (`npm run bench`: every chart pays this once per thread). Should a later Vega
// not have the script there, its ES modules are imported as before. Both give the same
// SVG, byte for byte (test/render/vega.test.ts).
//
// Of those 40 ms, compiling is most: V8's code cache of the script (io/code-cache.ts),
// written after the first chart a process draws, spares it to later processes.
import { dirname, join } from 'node:path';
import type { CompiledScript } from '../io/code-cache.js';
import { requireNothing, runUmdScript } from './umd.js';

export type Vega = typeof import('vega');

let loading: Promise<Vega> | null = null;
/** The script Vega was compiled from, until its code cache has been offered to be saved. */
let compiled: CompiledScript | null = null;

/** Vega, loaded once per thread. */
export function loadVega(): Promise<Vega> {
  loading ??= Promise.resolve(vegaScript() ?? vegaModules());
  return loading;
}

/** Vega from its ES modules. */
export function vegaModules(): Promise<Vega> {
  return import('vega');
}

/**
 * Vega from its one-file build, or null if the installed vega has none where Vega 6 puts
 * it. `cacheDir` is where its code cache is kept (default: the user's cache folder; null:
 * none).
 */
export function vegaScript(cacheDir?: string | null): Vega | null {
  let file: string;
  try {
    file = join(dirname(require.resolve('vega')), 'vega.js');
  } catch {
    return null;
  }
  // The ES modules will do where the script is missing or not the one this expects.
  const umd = runUmdScript(file, requireNothing, cacheDir);
  if (umd === null || typeof umd.exports.View !== 'function' || typeof umd.exports.parse !== 'function') return null;
  compiled = umd.script;
  return umd.exports as unknown as Vega;
}

/**
 * Saves the code cache of Vega's script if it had none: called after a chart was drawn,
 * so that the cache holds what drawing compiled. Once per process; never throws.
 */
export function vegaDrewOnce(): void {
  compiled?.save();
  compiled = null;
}
