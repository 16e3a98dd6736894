// fmfi-plot's version, from its package.json (recorded in every chart's stamp).
import { readFileSync } from 'node:fs';

let cached: string | null = null;

export function version(): string {
  cached ??= (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return cached;
}
