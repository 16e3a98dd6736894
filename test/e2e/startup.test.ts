// What each command loads: `fmfi-plot csv` must not load Vega or the PNG renderer (start-up is part of every run).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { BIN, FIXTURES, ROOT } from '../helpers/cli.js';

/**
 * A module hook, registered before the program starts, that names on stderr every bare
 * package the program imports with import(); the script preloaded from test/helpers names
 * those it loads with require() or reads a file of (Vega's one-file build).
 */
const HOOK = `
import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`
  export async function resolve(specifier, context, next) {
    if (/^[@a-z]/.test(specifier) && !/^(?:node|file):/.test(specifier)) process.stderr.write('IMPORT ' + specifier + '\\\\n');
    return next(specifier, context);
  }
\`));
`;

/** Runs the program given as arguments, then names on stderr each module of Node.js it loaded. */
const SAY_BUILTINS = `
const [program, ...args] = process.argv.slice(1);
process.argv = [process.execPath, program, ...args];
process.on('exit', () => {
  for (const m of process.moduleLoadList) if (m.startsWith('NativeModule ')) process.stderr.write('BUILTIN ' + m.slice(13) + '\\n');
});
require(program);
`;

function loaded(args: string[], what: 'packages' | 'modules'): string[] {
  const preload = join(ROOT, 'test', 'helpers', 'name-loaded-packages.cjs');
  const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(HOOK)}`, '--require', preload, BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(r.status).toBe(0);
  const lines = what === 'packages' ? /^(?:IMPORT|LOADED) (\S+)$/gm : /^MODULE (\S+)$/gm;
  return [...r.stderr.matchAll(lines)].map((m) => m[1]!);
}

const packagesImported = (args: string[]): string[] => loaded(args, 'packages');

describe('start-up', () => {
  it('csv loads neither Vega nor the PNG renderer nor csv-stringify for the awk dialect', () => {
    const loaded = packagesImported(['csv', join(FIXTURES, 'one-domain.log'), '-o', '/dev/null']);
    expect(loaded).toContain('commander');
    expect(loaded.filter((p) => /^(vega|@resvg|csv-stringify)/.test(p))).toEqual([]);
  });

  it('metrics loads neither Vega nor the PNG renderer nor csv-stringify', () => {
    const loaded = packagesImported(['metrics', '--utc', '--latest', join(FIXTURES, 'one-domain.log'), '-o', '/dev/null']);
    expect(loaded).toContain('commander');
    expect(loaded.filter((p) => /^(vega|@resvg|csv-stringify)/.test(p))).toEqual([]);
  });

  it('--version loads no package, and says what commander would have said', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      expect(packagesImported([flag])).toEqual([]);
      const early = spawnSync(process.execPath, [BIN, flag], { encoding: 'utf8' });
      const late = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(join(ROOT, 'dist', 'src', 'cli', 'main.js'))}).main(process.argv)`, 'fmfi-plot', flag], { encoding: 'utf8' });
      expect([early.status, early.stdout, early.stderr]).toEqual([0, `${version}\n`, '']);
      expect([late.status, late.stdout, late.stderr]).toEqual([early.status, early.stdout, early.stderr]);
    }
  });

  it('reading a log loads the reader of its format only', () => {
    const readers = (log: string): string[] =>
      loaded(['csv', join(FIXTURES, log), '-o', '/dev/null'], 'modules').filter((m) => /^formats\/(?!registry)[^/]+\/(?!info\.js)/.test(m));
    const own = (format: string): RegExp => new RegExp(`^formats/${format}/`);
    const fragIdx = readers('one-domain.log');
    expect(fragIdx.some((m) => own('frag-idx').test(m))).toBe(true);
    expect(fragIdx.filter((m) => /^formats\/(phys-free|buddyinfo|counts)\//.test(m))).toEqual([]);
    const physFree = readers('phys-free-2-domains.log');
    expect(physFree.some((m) => own('phys-free').test(m))).toBe(true);
    expect(physFree.some((m) => own('counts').test(m))).toBe(true);
    expect(physFree.filter((m) => /^formats\/(frag-idx|buddyinfo)\//.test(m))).toEqual([]);
  });

  it('a rerun with nothing to do loads neither node:child_process (commander asks for it) nor node:crypto', () => {
    const out = join(ROOT, '.cache', 'startup-rerun');
    const args = [join(FIXTURES, 'one-domain.log'), '-o', out, '-q'];
    expect(spawnSync(process.execPath, [BIN, ...args]).status).toBe(0);
    const builtins = (program: string[]): string[] => {
      const r = spawnSync(process.execPath, ['-e', SAY_BUILTINS, ...program], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return [...r.stderr.matchAll(/^BUILTIN (\S+)$/gm)].map((m) => m[1]!);
    };
    const rerun = builtins([BIN, ...args]);
    expect(rerun).toContain('fs');
    expect(rerun.filter((m) => m === 'child_process' || m === 'crypto')).toEqual([]);
    // So the check can fail: drawing the page again loads node:crypto (its script's hash).
    expect(builtins([BIN, 'index', out])).toContain('crypto');
  });

  it('a chart does load Vega (so the check above can fail)', () => {
    const loaded = packagesImported([join(FIXTURES, 'one-domain.log'), '-o', join(ROOT, '.cache', 'startup-test'), '--force', '-q']);
    expect(loaded).toContain('vega');
  });
});
