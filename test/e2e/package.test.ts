// The packed package as a library: `npm pack`, installed into new projects, running the README's examples.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/** The code blocks of one language in the README's "Use as a library" section. */
function readmeExamples(lang: string): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('## Use as a library');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  return [...section.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let dir: string;
let tarball: string;

/** A new project with the packed fmfi-plot installed in it. */
function project(name: string, packageJson: object): string {
  const at = join(dir, name);
  mkdirSync(at);
  writeFileSync(join(at, 'package.json'), JSON.stringify({ name, private: true, ...packageJson }));
  const r = spawnSync(NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: at, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm install of the packed package failed:\n${r.stderr}`);
  return at;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fmfi-pack-'));
  // dist/ is built by `npm test` before the tests run; pack it as it is.
  const name = execFileSync(NPM, ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' }).trim();
  tarball = join(dir, name.split('\n').pop()!);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the packed package', () => {
  it('runs the README\'s CommonJS example', () => {
    const [example] = readmeExamples('js');
    expect(example).toMatch(/require\('fmfi-plot'\)/);
    const at = project('cjs', {});
    writeFileSync(join(at, 'example.cjs'), example!);
    const r = spawnSync(process.execPath, ['example.cjs'], { cwd: at, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\r\n');
    expect(lines[0]).toBe('time,domain,order,size_kib,fmfi');
    expect(lines[1]).toBe('2024-04-08T10:10:00,0,12,16384,629');
    // One record per order of the first sample, and the end of the last record.
    expect(lines).toHaveLength(1 + 13 + 1);
    expect(lines[13]).toMatch(/^2024-04-08T10:10:00,0,0,4,-\d+$/);
  }, 180_000);

  it('type-checks and runs the README\'s TypeScript example as an ES module', () => {
    const [example] = readmeExamples('ts');
    expect(example).toMatch(/from 'fmfi-plot'/);
    const at = project('esm', { type: 'module' });
    writeFileSync(join(at, 'example.ts'), example!);
    writeFileSync(
      join(at, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noUncheckedIndexedAccess: true, outDir: 'out', types: ['node'] },
        files: ['example.ts'],
      }),
    );
    // The Node.js types of this checkout, so the check needs nothing from the network.
    mkdirSync(join(at, 'node_modules', '@types'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', '@types', 'node'), join(at, 'node_modules', '@types', 'node'));
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', at], { cwd: at, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);

    const r = spawnSync(process.execPath, [join('out', 'example.js')], { cwd: at, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^432 samples; FMFI of the smallest block at the end: -\d+\n$/);
    const svg = readFileSync(join(at, 'chart.svg'), 'utf8');
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg role="img" /);
    expect(svg).toContain('<title>vm_frag_20240408_1005.log</title>');
  }, 180_000);

  it('exposes the same names to require() and to import', () => {
    const at = join(dir, 'cjs');
    const names = (code: string, ext: string): string[] => {
      writeFileSync(join(at, `names.${ext}`), code);
      const r = spawnSync(process.execPath, [`names.${ext}`], { cwd: at, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout) as string[];
    };
    const required = names("console.log(JSON.stringify(Object.keys(require('fmfi-plot')).sort()))", 'cjs');
    // Node.js 23 and later also name the whole exports object 'module.exports' in the namespace.
    const imported = names("import * as f from 'fmfi-plot'; console.log(JSON.stringify(Object.keys(f).filter((k) => !['default', '__esModule', 'module.exports'].includes(k)).sort()))", 'mjs');
    expect(imported).toEqual(required);
    for (const stage of ['parseLog', 'streamLog', 'readWindow', 'binSamples', 'chartSpec', 'renderChartSvg', 'renderVegaSvg', 'svgToPng', 'formatCsv', 'gnuplotScript', 'FmfiError']) {
      expect(required).toContain(stage);
    }
  }, 60_000);
});
