// fmfi-plot's version, from its package.json (recorded in every chart's stamp).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | null = null;

/** The nearest package.json above this module: fmfi-plot's, whether it runs built (dist/src/cli) or from source. */
function packageJson(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const path = join(dir, 'package.json');
    if (existsSync(path)) return path;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${__dirname}`);
  }
}

export function version(): string {
  cached ??= (JSON.parse(readFileSync(packageJson(), 'utf8')) as { version: string }).version;
  return cached;
}
