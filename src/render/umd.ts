// A package's one-file build for browsers (UMD), run here the way a CommonJS module is.
import type { CompiledScript } from '../io/code-cache.js';
import { compileWithCache } from '../io/code-cache.js';

/** What running a UMD script gave: its exports, and the script (to save its code cache once it has done its work). */
export interface UmdScript {
  readonly exports: Record<string, unknown>;
  readonly script: CompiledScript;
}

/**
 * The script `file` compiled with V8's code cache (`cacheDir` as for compileWithCache) and
 * run with CommonJS's `exports`, `module` and `require` (the one a UMD wrapper looks for
 * before it fills `exports`); null when there is no such file, or it is not a script that
 * runs. `require` answers the script's imports.
 */
export function runUmdScript(file: string, require: (name: string) => unknown, cacheDir?: string | null): UmdScript | null {
  let script: CompiledScript;
  try {
    script = compileWithCache(file, '(function (exports, module, require) {', '\n})', cacheDir);
  } catch {
    return null; // no such file, or not a script
  }
  const exports: Record<string, unknown> = {};
  try {
    const factory = script.script.runInThisContext() as (exports: Record<string, unknown>, module: { exports: Record<string, unknown> }, require: (name: string) => unknown) => void;
    factory(exports, { exports }, require);
  } catch {
    return null; // not the script this expects
  }
  return { exports, script };
}

/** A `require` for a script that imports nothing. */
export function requireNothing(name: string): never {
  throw new Error(`a one-file build asked for ${name}`);
}
