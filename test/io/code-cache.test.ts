// V8's code cache: used when valid, ignored and rebuilt when stale, damaged or foreign, and never a failure.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheDir, cacheKey, cachePath, checksum, compileWithCache, writeCache } from '../../src/io/code-cache.js';

const BEFORE = '(function () {';
const AFTER = '\n})';

let root: string;
let script: string;
let dir: string;

/** Compiles the script, runs it and offers its cache; says what it returned and whether a cache was taken. */
function runOnce(cache: string | null = dir): { value: unknown; cached: boolean } {
  const compiled = compileWithCache(script, BEFORE, AFTER, cache);
  const value = (compiled.script.runInThisContext() as () => unknown)();
  compiled.save();
  return { value, cached: compiled.cached };
}

function cacheFile(): string {
  const files = readdirSync(dir);
  expect(files).toHaveLength(1);
  return join(dir, files[0]!);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'fmfi-code-cache-'));
  script = join(root, 'script.js');
  dir = join(root, 'cache');
  writeFileSync(script, 'const square = (x) => x * x;\nreturn [1, 2, 3].map(square).join(" ");');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('compileWithCache', () => {
  it('compiles without a cache the first time, writes it, and takes it the next time', () => {
    expect(runOnce()).toEqual({ value: '1 4 9', cached: false });
    const file = cacheFile();
    expect(readFileSync(file).toString('latin1')).toMatch(/^fmfi-plot code cache 1 \{.*\}\n/);
    expect(runOnce()).toEqual({ value: '1 4 9', cached: true });
  });

  it('ignores a cache of another version of the script, and replaces it', () => {
    runOnce();
    // The same length: V8's own check, the source's length, would not see the change.
    writeFileSync(script, 'const square = (x) => x + x;\nreturn [1, 2, 3].map(square).join(" ");');
    expect(runOnce()).toEqual({ value: '2 4 6', cached: false });
    expect(runOnce()).toEqual({ value: '2 4 6', cached: true });
  });

  it('ignores a cache made for other text around the script', () => {
    runOnce();
    const other = compileWithCache(script, '(function ( ) {', AFTER, dir);
    expect(other.cached).toBe(false);
    expect((other.script.runInThisContext() as () => unknown)()).toBe('1 4 9');
  });

  it.each([
    ['a byte of V8\'s data flipped', (b: Buffer) => { b[b.length - 7]! ^= 0x10; return b; }],
    ['cut short', (b: Buffer) => b.subarray(0, b.length - 100)],
    ['without its header', (b: Buffer) => b.subarray(b.indexOf(10) + 1)],
    ['a header that is not JSON', (b: Buffer) => Buffer.concat([Buffer.from('fmfi-plot code cache 1 {"node":\n'), b.subarray(b.indexOf(10) + 1)])],
    ['empty', () => Buffer.alloc(0)],
  ])('ignores a damaged cache (%s) and rebuilds it', (_, damage) => {
    runOnce();
    const file = cacheFile();
    writeFileSync(file, damage(readFileSync(file)));
    expect(runOnce()).toEqual({ value: '1 4 9', cached: false });
    expect(runOnce()).toEqual({ value: '1 4 9', cached: true });
  });

  it('survives data V8 rejects, though its header and checksum are right', () => {
    // A script this process has not compiled yet: V8 would take a script it has compiled
    // from its own memory, without looking at the cache.
    writeFileSync(script, `return ${Date.now()} > 0 ? '1 4 9' : '';`);
    expect(writeCache(cachePath(dir, script), cacheKey(script, BEFORE, AFTER), Buffer.alloc(4096, 7))).toBe(true);
    expect(runOnce()).toEqual({ value: '1 4 9', cached: false });
    expect(runOnce()).toEqual({ value: '1 4 9', cached: true });
  });

  it('does not use a cache file that others could have written', () => {
    runOnce();
    chmodSync(cacheFile(), 0o666);
    expect(runOnce()).toEqual({ value: '1 4 9', cached: false });
    expect(runOnce()).toEqual({ value: '1 4 9', cached: true });
  });

  it('works where the cache cannot be written (even as root), and without a cache at all', () => {
    const file = join(root, 'a-file');
    writeFileSync(file, '');
    const unwritable = join(file, 'cache');
    expect(runOnce(unwritable)).toEqual({ value: '1 4 9', cached: false });
    expect(runOnce(unwritable)).toEqual({ value: '1 4 9', cached: false });
    expect(runOnce(null)).toEqual({ value: '1 4 9', cached: false });
    expect(readdirSync(root).sort()).toEqual(['a-file', 'script.js']);
  });

  it('leaves no temporary file behind', () => {
    mkdirSync(dir);
    runOnce();
    runOnce();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('pruning', () => {
  it('removes, when it writes a cache, the caches of scripts that are gone, and nothing else', () => {
    runOnce();
    const kept = cacheFile();
    // Another install of the script, since removed; a third that still exists; a file not ours.
    const gone = join(root, 'old', 'script.js');
    const other = join(root, 'other.js');
    writeFileSync(other, 'return 1;');
    mkdirSync(join(root, 'old'));
    writeFileSync(gone, 'return 2;');
    for (const f of [gone, other]) writeCache(cachePath(dir, f), cacheKey(f, BEFORE, AFTER), new Uint8Array([1, 2, 3]));
    writeFileSync(join(dir, 'notes.v8-cache'), 'not a cache of ours');
    rmSync(join(root, 'old'), { recursive: true });
    expect(readdirSync(dir)).toHaveLength(4);

    // A run that takes its cache writes nothing, and removes nothing.
    expect(runOnce().cached).toBe(true);
    expect(readdirSync(dir)).toHaveLength(4);

    // A run that writes one (the script changed) removes the cache of the one that is gone.
    writeFileSync(script, 'return "changed";');
    expect(runOnce()).toEqual({ value: 'changed', cached: false });
    expect(readdirSync(dir).sort()).toEqual([kept, cachePath(dir, other), join(dir, 'notes.v8-cache')].map((p) => p.slice(dir.length + 1)).sort());
  });
});

describe('checksum', () => {
  it('changes with any byte, at any offset, and with the length', () => {
    const bytes = Buffer.alloc(1027, 0xab);
    const whole = checksum(bytes);
    for (const at of [0, 1, 2, 3, 512, 1024, 1025, 1026]) {
      const changed = Buffer.from(bytes);
      changed[at]! ^= 1;
      expect(checksum(changed)).not.toBe(whole);
      // Not only when the bytes start on a word boundary.
      if (at > 0) expect(checksum(changed.subarray(1))).not.toBe(checksum(bytes.subarray(1)));
    }
    expect(checksum(bytes.subarray(0, 1026))).not.toBe(whole);
    // The same bytes give the same sum wherever they lie in memory.
    const elsewhere = Buffer.alloc(1028);
    bytes.copy(elsewhere, 1);
    expect(checksum(elsewhere.subarray(1, 1028))).toBe(whole);
  });
});

describe('cacheDir', () => {
  it('is $XDG_CACHE_HOME/fmfi-plot, else ~/.cache/fmfi-plot', () => {
    expect(cacheDir({ XDG_CACHE_HOME: '/x/cache', HOME: '/home/u' })).toBe('/x/cache/fmfi-plot');
    expect(cacheDir({ HOME: '/home/u' })).toBe('/home/u/.cache/fmfi-plot');
    // The XDG rule: a relative path is to be ignored.
    expect(cacheDir({ XDG_CACHE_HOME: 'rel', HOME: '/home/u' })).toBe('/home/u/.cache/fmfi-plot');
    expect(cacheDir({ HOME: '' })).toBeNull();
  });
});
