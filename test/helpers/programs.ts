// Outside programs for end-to-end tests: skip with a message on a developer machine, fail in CI.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

export const inCI = process.env.CI === 'true';

/** The path of `name` on PATH (or as given when absolute), or null. */
export function findProgram(name: string): string | null {
  if (name.startsWith('/')) {
    try {
      accessSync(name, constants.X_OK);
      return name;
    } catch {
      return null;
    }
  }
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const path = r.stdout.trim();
  return r.status === 0 && path !== '' ? path : null;
}

/**
 * For `describe.skipIf(!program)`: returns the program's path, or null after saying why the
 * tests that need it are skipped. Under CI=true a missing program throws: CI must have it.
 */
export function needProgram(name: string, installHint: string): string | null {
  const path = findProgram(name);
  if (path !== null) return path;
  const message = `${name} not found: the tests that need it are skipped (install: ${installHint})`;
  if (inCI) throw new Error(`${message}; CI=true, so this is a failure`);
  process.stderr.write(`SKIP: ${message}\n`);
  return null;
}
