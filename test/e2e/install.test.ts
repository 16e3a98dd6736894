// The README's install line, run as written in a fresh copy of the repository, into a temporary prefix;
// then the installed fmfi-plot from another folder, PNG included, with resvg's native build and without.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from '../helpers/cli.js';
import { inCI } from '../helpers/programs.js';
import { decodePng, PNG_SIGNATURE } from '../views/chart/png.js';

/** The install line of the README's Install section. */
function readmeInstallLine(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Install'));
  return /```sh\n(.*)\n```/.exec(section)![1]!;
}

/** The files a clone of this repository has (tracked, or new and not ignored), or null outside a git checkout. */
function repositoryFiles(): string[] | null {
  const r = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) return null;
  return r.stdout.split('\0').filter((f) => f !== '' && existsSync(join(ROOT, f)));
}

const files = repositoryFiles();
if (files === null) {
  const message = 'not a git checkout: the install test, which copies what a clone has, is skipped';
  if (inCI) throw new Error(`${message}; CI=true, so this is a failure`);
  process.stderr.write(`SKIP: ${message}\n`);
}

let dir: string;
let prefix: string;
let elsewhere: string;
let installed: string;
let install: { status: number | null; output: string };

beforeAll(() => {
  if (files === null) return;
  dir = mkdtempSync(join(tmpdir(), 'fmfi-install-'));
  const clone = join(dir, 'clone');
  for (const file of files) {
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(clone, file));
  }
  prefix = join(dir, 'prefix');
  elsewhere = join(dir, 'elsewhere');
  mkdirSync(elsewhere);
  // The README's line, into the temporary prefix instead of npm's global one; this node first on PATH.
  const line = readmeInstallLine().replace('npm install -g ', 'npm install -g --prefix "$PREFIX" ');
  const env = { ...process.env, PREFIX: prefix, PATH: `${dirname(process.execPath)}:${process.env.PATH}`, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
  const r = spawnSync('sh', ['-c', line], { cwd: clone, env, encoding: 'utf8' });
  install = { status: r.status, output: r.stdout + r.stderr };
  installed = join(prefix, 'lib', 'node_modules', 'fmfi-plot');
  // The clone is not needed once installed.
  rmSync(clone, { recursive: true, force: true });
}, 600_000);

afterAll(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

/** The installed command, run from another folder with the test's node first on PATH. */
function fmfiPlot(args: readonly string[]): { status: number | null; stdout: Buffer; stderr: string } {
  const r = spawnSync(join(prefix, 'bin', 'fmfi-plot'), args, { cwd: elsewhere, env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH}` } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

describe.skipIf(files === null)('the README\'s install line, in a fresh copy of the repository', () => {
  it('is npm ci, npm pack and npm install -g of the package, and it succeeds', () => {
    expect(readmeInstallLine()).toBe('npm ci && npm pack && npm install -g ./fmfi-plot-*.tgz');
    expect(install.status, install.output).toBe(0);
  });

  it('installs a copy, not a link to the clone, with the manual page', () => {
    expect(lstatSync(installed).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(installed, 'package.json'), 'utf8')).toBe(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(readFileSync(join(prefix, 'share', 'man', 'man1', 'fmfi-plot.1'), 'utf8')).toBe(readFileSync(join(ROOT, 'man', 'fmfi-plot.1'), 'utf8'));
    expect(existsSync(join(installed, 'LICENSE'))).toBe(true);
  });

  it('gives a working fmfi-plot in another folder: version, CSV, and a chart as SVG and PNG', () => {
    const version = fmfiPlot(['--version']);
    expect(version.stdout.toString()).toBe(`${(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`);
    const log = join(elsewhere, 'vm_frag_20240408_1005.log');
    copyFileSync(join(FIXTURES, 'vm_frag_20240408_1005.log'), log);
    const csv = fmfiPlot(['csv', 'vm_frag_20240408_1005.log']);
    expect(csv.status).toBe(0);
    expect(csv.stdout.toString().split('\n')[0]).toBe('12 2024-04-08_10:10:00 629');
    expect(fmfiPlot(['vm_frag_20240408_1005.log', '-o', 'chart.svg', '-q']).status).toBe(0);
    expect(readFileSync(join(elsewhere, 'chart.svg'), 'utf8')).toContain('<title>vm_frag_20240408_1005.log</title>');
    const png = fmfiPlot(['vm_frag_20240408_1005.log', '-o', 'native.png']);
    expect(png.stderr).toBe('fmfi-plot: 1 rendered, 0 up to date, 0 without samples, 0 failed\n');
    const bytes = readFileSync(join(elsewhere, 'native.png'));
    expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(decodePng(bytes).width).toBe(1200);
  });

  it('draws the same PNG with resvg\'s native build removed, as on FreeBSD', () => {
    const resvg = join(installed, 'node_modules', '@resvg');
    const native = readdirSync(resvg).filter((name) => /^resvg-js-/.test(name));
    expect(native.length).toBeGreaterThan(0);
    const loads = (): number | null => spawnSync(process.execPath, ['-e', "require('@resvg/resvg-js')"], { cwd: installed }).status;
    expect(loads()).toBe(0);
    const away = join(dir, 'native-builds');
    mkdirSync(away);
    for (const name of native) renameSync(join(resvg, name), join(away, name));
    try {
      // Now the binding cannot load: this is the installed package as FreeBSD has it.
      expect(loads()).not.toBe(0);
      const png = fmfiPlot(['vm_frag_20240408_1005.log', '-o', 'wasm.png']);
      expect(png.stderr).toBe('fmfi-plot: 1 rendered, 0 up to date, 0 without samples, 0 failed\n');
      expect(png.status).toBe(0);
      expect(readFileSync(join(elsewhere, 'wasm.png')).equals(readFileSync(join(elsewhere, 'native.png')))).toBe(true);
    } finally {
      for (const name of native) renameSync(join(away, name), join(resvg, name));
    }
  });

  it('prints a completion script that names its commands', () => {
    const bash = fmfiPlot(['completion', 'bash']);
    expect(bash.status).toBe(0);
    expect(bash.stdout.toString()).toContain('complete -F _fmfi_plot fmfi-plot\n');
    writeFileSync(join(elsewhere, 'completion.bash'), bash.stdout);
    expect(execFileSync('bash', ['-n', join(elsewhere, 'completion.bash')]).length).toBe(0);
  });
});
