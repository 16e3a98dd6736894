// Vega, loaded as the one script it also ships as.
//
// Vega 6 is published as ES modules: some forty packages, which Node 20 takes about
// 130 ms to resolve and load, more than drawing a chart takes. Beside them the vega
// package ships the same code and version as one script for browsers (build/vega.js, a
// UMD bundle without imports). Compiled here the way a CommonJS module is, it loads in
// 40 ms (`npm run bench`: every chart pays this once per thread). Should a later Vega
// not have the script there, its ES modules are imported as before. Both give the same
// SVG, byte for byte (test/render/vega.test.ts).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runInThisContext } from 'node:vm';

export type Vega = typeof import('vega');

let loading: Promise<Vega> | null = null;

/** Vega, loaded once per thread. */
export function loadVega(): Promise<Vega> {
  loading ??= Promise.resolve(vegaScript() ?? vegaModules());
  return loading;
}

/** Vega from its ES modules. */
export function vegaModules(): Promise<Vega> {
  return import('vega');
}

/** Vega from its one-file build, or null if the installed vega has none where Vega 6 puts it. */
export function vegaScript(): Vega | null {
  let file: string;
  let source: string;
  try {
    file = join(dirname(require.resolve('vega')), 'vega.js');
    source = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  // The UMD wrapper fills `exports` when it sees CommonJS's `exports` and `module`.
  const exports: Record<string, unknown> = {};
  try {
    const factory = runInThisContext(`(function (exports, module) {${source}\n})`, { filename: file }) as (
      exports: Record<string, unknown>,
      module: { exports: Record<string, unknown> },
    ) => void;
    factory(exports, { exports });
  } catch {
    return null; // not the script this expects: the ES modules will do
  }
  return typeof exports.View === 'function' && typeof exports.parse === 'function' ? (exports as unknown as Vega) : null;
}
