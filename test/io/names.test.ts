import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { resolvedPath } from '../../src/io/names.js';

describe('resolvedPath', () => {
  const start = process.cwd();
  afterEach(() => process.chdir(start));

  // Paths made of the parts that path.resolve treats apart: `.`, `..`, empty parts (`//`), names.
  const part = fc.constantFrom('', '.', '..', 'a', 'logs', '.hidden', 'x.log', 'é', '...');
  const path = fc.tuple(fc.boolean(), fc.array(part, { minLength: 1, maxLength: 6 })).map(([absolute, parts]) => `${absolute ? '/' : ''}${parts.join('/')}`);

  it('is path.resolve, however the path is spelled', () => {
    fc.assert(fc.property(path, (p) => resolvedPath(p) === resolve(p)));
    for (const p of ['/', '.', '..', '', 'a/', '/a', '//a', 'a//b', './a', '../a', 'a/..', 'a/.']) expect(resolvedPath(p), p).toBe(resolve(p));
  });

  it('follows the working folder when it changes', () => {
    const dir = mkdtempSync(`${tmpdir()}/fmfi-resolve-`);
    try {
      expect(resolvedPath('logs/a.log')).toBe(resolve('logs/a.log'));
      process.chdir(dir);
      expect(resolvedPath('logs/a.log')).toBe(resolve(dir, 'logs/a.log'));
    } finally {
      process.chdir(start);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
