// What -o names: with one log, a name ending in .svg or .png is the chart file; anything else is a folder.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers/cli.js';
import { PNG_SIGNATURE } from '../views/chart/png.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fmfi-output-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const log = join(FIXTURES, 'vm_frag_20240408_1005.log');
const other = join(FIXTURES, 'gap.log');

describe('fmfi-plot LOG -o', () => {
  it('chart.svg writes that file, not a folder of that name; a rerun finds it up to date', () => {
    const out = join(dir, 'one', 'chart.svg');
    const r = runCli([log, '-o', out]);
    expect(r.stderr).toBe('fmfi-plot: 1 rendered, 0 up to date, 0 without samples, 0 failed\n');
    expect(r.status).toBe(0);
    expect(statSync(out).isFile()).toBe(true);
    expect(readFileSync(out, 'utf8')).toMatch(/^<\?xml [^>]*\?>\n<!-- fmfi-plot-stamp /);
    expect(readdirSync(join(dir, 'one'))).toEqual(['chart.svg']);
    expect(runCli([log, '-o', out]).stderr).toBe('fmfi-plot: 0 rendered, 1 up to date, 0 without samples, 0 failed\n');
    // The same chart as in a folder, bar the stamp's options (same) and the file name.
    const folder = join(dir, 'one-folder');
    expect(runCli([log, '-o', folder]).status).toBe(0);
    expect(readFileSync(join(folder, 'vm_frag_20240408_1005.svg')).equals(readFileSync(out))).toBe(true);
  });

  it('chart.png writes a PNG there, whatever the case of its ending; --format must agree', () => {
    const out = join(dir, 'chart.PNG');
    expect(runCli([log, '-o', out]).status).toBe(0);
    expect(readFileSync(out).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(runCli([log, '-o', join(dir, 'agree.png'), '--format', 'png']).status).toBe(0);
    const clash = runCli([log, '-o', join(dir, 'clash.png'), '--format', 'svg']);
    expect(clash.status).toBe(2);
    expect(clash.stderr).toBe(`fmfi-plot: -o ${join(dir, 'clash.png')} names a file of another format than --format svg\n(see 'fmfi-plot render --help')\n`);
    expect(existsSync(join(dir, 'clash.png'))).toBe(false);
  });

  it('reads standard input into the one file', () => {
    const out = join(dir, 'stdin.svg');
    expect(runCli(['-', '-o', out, '-q'], { input: readFileSync(log) }).status).toBe(0);
    expect(statSync(out).isFile()).toBe(true);
  });

  it('is a folder otherwise: a name without .svg or .png, or a folder that exists', () => {
    const plain = join(dir, 'charts');
    expect(runCli([log, '-o', plain, '-q']).status).toBe(0);
    expect(readdirSync(plain)).toEqual(['index.html', 'index.json', 'vm_frag_20240408_1005.svg']);
    const folder = join(dir, 'old.svg');
    mkdirSync(folder);
    expect(runCli([log, '-o', folder, '-q']).status).toBe(0);
    expect(readdirSync(folder)).toEqual(['index.html', 'index.json', 'vm_frag_20240408_1005.svg']);
    const outDir = join(dir, 'named.svg');
    expect(runCli([log, '--out-dir', outDir, '-q']).status).toBe(0);
    expect(readdirSync(outDir)).toEqual(['index.html', 'index.json', 'vm_frag_20240408_1005.svg']);
  });

  it('a chart file name for several logs is a usage error, and nothing is written', () => {
    const out = join(dir, 'several.svg');
    const r = runCli([log, other, '-o', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`fmfi-plot: -o ${out} names one chart file, but 2 logs make 2 charts: give a folder (-o DIR)\n(see 'fmfi-plot render --help')\n`);
    expect(existsSync(out)).toBe(false);
    const both = runCli([log, '-o', join(dir, 'x'), '--out-dir', join(dir, 'y')]);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/^fmfi-plot: -o and --out-dir do not go together/);
  });

  it('refuses a chart file that is the log itself', () => {
    const input = join(dir, 'input.svg');
    copyFileSync(log, input);
    const r = runCli([input, '-o', input]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`fmfi-plot: ${input}: is also an input: refusing to overwrite it\n`);
    expect(readFileSync(input).equals(readFileSync(log))).toBe(true);
  });
});

describe('fmfi-plot compare -o', () => {
  it('takes the format from the file name unless --format says it, and the two must agree', () => {
    const logs = ['vm_frag_20240610_0912.log', 'vm_frag_20240617_1430.log'].map((f) => join(FIXTURES, f));
    const png = join(dir, 'compare.png');
    expect(runCli(['compare', ...logs, '-o', png]).status).toBe(0);
    expect(readFileSync(png).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const svg = join(dir, 'compare.svg');
    expect(runCli(['compare', ...logs, '-o', svg]).status).toBe(0);
    expect(readFileSync(svg, 'utf8')).toMatch(/^<\?xml /);
    expect(runCli(['compare', ...logs, '-o', join(dir, 'c.svg'), '--format', 'png']).status).toBe(2);
  });
});
