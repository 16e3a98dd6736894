// End to end: the index page kept up to date by the chart batch, on a folder of 50 boot windows.
import { appendFileSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLog } from '../../fixtures/generate.js';
import { FIXTURES, ROOT, runCli, runCliAsync, type CliResult } from '../helpers/cli.js';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'fmfi-index-batch-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const COUNT_READS = join(ROOT, 'test', 'helpers', 'count-reads.cjs');

/** Runs fmfi-plot and returns, besides its result, the logs it opened (in any thread). */
async function runCounting(args: readonly string[]): Promise<CliResult & { read: string[] }> {
  const file = join(root, `reads-${Math.random().toString(16).slice(2)}`);
  writeFileSync(file, '');
  const r = await runCliAsync(args, { env: { ...process.env, NODE_OPTIONS: `--require ${COUNT_READS}`, FMFI_TEST_READS: file } });
  const read = readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');
  return { ...r, read };
}

function mtimes(dir: string): Record<string, number> {
  return Object.fromEntries(readdirSync(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs]));
}

const changed = (before: Record<string, number>, after: Record<string, number>): string[] =>
  Object.keys(after).filter((f) => after[f] !== before[f]).sort();

const rowsOf = (html: string): string[] => /<tbody>([\s\S]*)<\/tbody>/.exec(html)![1]!.split('<tr>').slice(1);
const summaryOf = (stderr: string): string => stderr.trim().split('\n').at(-1) ?? '';

/** `2024-01-02_03:04:00` and the log name of a window that booted five minutes before it. */
function windowName(day: number): { start: string; name: string } {
  const t = new Date(Date.UTC(2024, 0, 1 + day * 3, 8, 0));
  const two = (n: number): string => String(n).padStart(2, '0');
  const ymd = `${t.getUTCFullYear()}${two(t.getUTCMonth() + 1)}${two(t.getUTCDate())}`;
  return { start: `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6)}_08:05:00`, name: `vm_frag_${ymd}_0800.log` };
}

describe('a folder of 50 boot windows, one of 100,000 samples', () => {
  let logs: string[];
  let out: string;

  beforeAll(async () => {
    const dir = join(root, 'fifty');
    mkdirSync(dir);
    logs = Array.from({ length: 50 }, (_, i) => {
      const { start, name } = windowName(i);
      const path = join(dir, name);
      // The oldest window is the long one: 70 days at one sample a minute.
      writeFileSync(path, generateLog(i === 0 ? { samples: 100_000, seed: 1, start } : { samples: 288, seed: 10 + i, start, intervalSeconds: 300 }));
      return path;
    });
    out = join(root, 'fifty-charts');
    const r = await runCliAsync([...logs, '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(summaryOf(r.stderr)).toBe('fmfi-plot: 50 rendered, 0 up to date, 0 without samples, 0 failed');
  }, 600_000);

  it('writes the page: one row per window, the six most recent compared', () => {
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('<h1>50 boot windows</h1>');
    const rows = rowsOf(html);
    expect(rows).toHaveLength(50);
    expect(rows[0]).toContain(`href="${windowName(49).name.replace('.log', '.svg')}"`);
    expect(rows[49]).toContain('<td class="n" data-sort="100000">100,000</td>');
    expect(html).toContain('<h2 id="compare-title">The 6 most recent windows by uptime</h2>');
    const legend = [...html.matchAll(/vm_frag_(\d{8})_0800\.log \(booted/g)].map((m) => m[1]);
    expect(new Set(legend)).toEqual(new Set(Array.from({ length: 6 }, (_, i) => windowName(49 - i).name.slice(8, 16))));
  });

  it('a rerun with nothing changed reads no log and writes nothing', async () => {
    const before = mtimes(out);
    const r = await runCounting([...logs, '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('fmfi-plot: 0 rendered, 50 up to date, 0 without samples, 0 failed\n');
    expect(r.read).toEqual([]);
    expect(mtimes(out)).toEqual(before);
  }, 120_000);

  it('a log that grew is the only one read again; its chart and the page are written, nothing else', async () => {
    const before = mtimes(out);
    const touched = logs[46]!;
    appendFileSync(touched, generateLog({ samples: 3, seed: 99, start: windowName(46).start.replace('08:05', '23:55') }));
    const r = await runCounting([...logs, '-o', out]);
    expect(r.status).toBe(0);
    expect(summaryOf(r.stderr)).toBe('fmfi-plot: 1 rendered, 49 up to date, 0 without samples, 0 failed');
    expect(r.read).toEqual([touched]);
    expect(changed(before, mtimes(out))).toEqual(['index.html', 'index.json', windowName(46).name.replace('.log', '.svg')]);
    expect(rowsOf(readFileSync(join(out, 'index.html'), 'utf8'))[3]).toContain('<td class="n" data-sort="291">291</td>');
  }, 120_000);

  it('fmfi-plot index DIR makes the page again without reading a log', async () => {
    const before = mtimes(out);
    const r = await runCounting(['index', out, '--index-compare', '3']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.read).toEqual([]);
    expect(changed(before, mtimes(out))).toEqual(['index.html', 'index.json']);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('The 3 most recent windows by uptime');
  }, 120_000);
});

describe('the page follows the folder', () => {
  function logFolder(name: string, fixtures: readonly string[]): { dir: string; logs: string[]; out: string } {
    const dir = join(root, name);
    mkdirSync(dir);
    const logs = fixtures.map((f) => {
      copyFileSync(join(FIXTURES, f), join(dir, f));
      return join(dir, f);
    });
    return { dir, logs, out: join(dir, 'charts') };
  }

  it('keeps a window whose log is gone, marked, until its chart is deleted', async () => {
    const { logs, out } = logFolder('gone', ['vm_frag_20240408_1005.log', 'gap.log', 'one-domain.log']);
    expect(runCli([...logs, '-o', out]).status).toBe(0);
    renameSync(logs[1]!, `${logs[1]!}.old`);
    const r = await runCounting([logs[0]!, logs[2]!, '-o', out]);
    expect(summaryOf(r.stderr)).toBe('fmfi-plot: 0 rendered, 2 up to date, 0 without samples, 0 failed');
    expect(r.read).toEqual([]);
    let rows = rowsOf(readFileSync(join(out, 'index.html'), 'utf8'));
    expect(rows).toHaveLength(3);
    expect(rows.filter((row) => row.includes('log gone'))).toHaveLength(1);
    expect(rows.find((row) => row.includes('log gone'))).toContain('href="gap.svg"');
    unlinkSync(join(out, 'gap.svg'));
    expect(runCli(['index', out]).status).toBe(0);
    rows = rowsOf(readFileSync(join(out, 'index.html'), 'utf8'));
    expect(rows).toHaveLength(2);
    expect(rows.join('')).not.toContain('gap');
  });

  it('--no-index writes no page; a later run makes it, reading the logs once but drawing nothing', async () => {
    const { logs, out } = logFolder('later', ['buddyinfo-2-nodes.log', 'buddyinfo_20240408_1005.log', 'phys-free-2-domains.log']);
    // --no-index is not the negation of --index: both are given here, and both are obeyed.
    const r = runCli([...logs, '-o', out, '--no-index', '--index', 'unusable', '--zone', 'Normal', '--quiet']);
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['buddyinfo-2-nodes.svg', 'buddyinfo_20240408_1005.svg', 'phys-free-2-domains.svg']);
    expect(readFileSync(join(out, 'buddyinfo-2-nodes.svg'), 'utf8')).toContain('unusable free space index');
    const again = await runCounting([...logs, '-o', out, '--index', 'unusable', '--zone', 'Normal']);
    expect(summaryOf(again.stderr)).toBe('fmfi-plot: 0 rendered, 3 up to date, 0 without samples, 0 failed');
    expect(again.read.sort()).toEqual([...logs].sort());
    expect(rowsOf(readFileSync(join(out, 'index.html'), 'utf8'))).toHaveLength(3);
    // The page counts FMFI whatever the chart's height shows, of the zones --zone keeps.
    const buddy = rowsOf(readFileSync(join(out, 'index.html'), 'utf8')).find((row) => row.includes('buddyinfo-2-nodes.svg'))!;
    expect(buddy).toContain('<span class="sub">node 0 Normal</span><span class="sub">node 1 Normal</span>');
    expect(buddy).not.toContain('DMA');
    expect((await runCounting([...logs, '-o', out, '--index', 'unusable', '--zone', 'Normal'])).read).toEqual([]);
  });

  it('knows each chart by its file: one changed in place, its time put back, is drawn again', async () => {
    const { logs, out } = logFolder('in-place', ['gap.log', 'one-domain.log']);
    expect(runCli([...logs, '-o', out]).status).toBe(0);
    // The chart's time set to a whole second (which utimes(2) puts back exactly), and known so.
    const chart = join(out, 'gap.svg');
    const mtime = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    const atime = mtime;
    utimesSync(chart, atime, mtime);
    expect(summaryOf(runCli([...logs, '-o', out]).stderr)).toBe('fmfi-plot: 0 rendered, 2 up to date, 0 without samples, 0 failed');
    // The stamp made to say another log size, of the same length, written into the same file,
    // and the file's times put back: only its ctime says it was written.
    const { ino, size } = statSync(chart);
    const text = readFileSync(chart, 'utf8');
    const logSize = statSync(logs[0]!).size;
    const other = String(logSize + 1).length === String(logSize).length ? logSize + 1 : logSize - 1;
    writeFileSync(chart, text.replace(`"logSize":${logSize},`, `"logSize":${other},`));
    utimesSync(chart, atime, mtime);
    expect(statSync(chart)).toMatchObject({ ino, size, mtimeMs: mtime.getTime() });
    const r = await runCounting([...logs, '-o', out]);
    expect(summaryOf(r.stderr)).toBe('fmfi-plot: 1 rendered, 1 up to date, 0 without samples, 0 failed');
    expect(r.read).toEqual([logs[0]]);
    expect(readFileSync(chart, 'utf8')).toBe(text);
  });

  it('a folder copied elsewhere: its charts are checked by their stamps once, then known by their files again', async () => {
    const { dir, logs, out } = logFolder('copied', ['gap.log', 'one-domain.log']);
    expect(runCli([...logs, '-o', out]).status).toBe(0);
    const copy = join(dir, 'copy');
    cpSync(out, copy, { recursive: true });
    const before = mtimes(copy);
    const r = await runCounting([...logs, '-o', copy]);
    expect(summaryOf(r.stderr)).toBe('fmfi-plot: 0 rendered, 2 up to date, 0 without samples, 0 failed');
    expect(r.read).toEqual([]);
    // The new files written down; the page, which shows the same, is not written.
    expect(changed(before, mtimes(copy))).toEqual(['index.json']);
    const after = mtimes(copy);
    expect((await runCounting([...logs, '-o', copy])).read).toEqual([]);
    expect(mtimes(copy)).toEqual(after);
  });

  it("index.json's windows damaged: found when the page changes, read again from the logs, nothing lost", async () => {
    const { logs, out } = logFolder('damaged', ['gap.log', 'one-domain.log', 'vm_frag_20240408_1005.log']);
    expect(runCli([...logs, '-o', out]).status).toBe(0);
    const rows = rowsOf(readFileSync(join(out, 'index.html'), 'utf8'));
    const data = join(out, 'index.json');
    writeFileSync(data, readFileSync(data, 'utf8').replace('"samples":', '"samples":1'));
    // Nothing changed: the windows are not needed, nor read.
    expect(summaryOf((await runCounting([...logs, '-o', out])).stderr)).toBe('fmfi-plot: 0 rendered, 3 up to date, 0 without samples, 0 failed');
    expect(runCli(['index', out])).toMatchObject({
      status: 1,
      stderr: `fmfi-plot: ${out}: no index.json of this version of fmfi-plot: run fmfi-plot LOG... -o ${out} to make the charts and the page\n`,
    });
    // A log changed: the page must be written, the windows are found damaged and read from
    // the logs, that of a chart deleted and drawn again (its window was fresh) among them.
    const grown = logs[1]!;
    const sample = readFileSync(grown, 'utf8');
    appendFileSync(grown, '');
    utimesSync(grown, new Date(), new Date(Date.now() + 5000));
    unlinkSync(join(out, 'gap.svg'));
    const r = await runCounting([...logs, '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(summaryOf(r.stderr)).toBe('fmfi-plot: 2 rendered, 1 up to date, 0 without samples, 0 failed');
    // gap.log twice: drawn, then read for its window.
    expect(r.read.sort()).toEqual([...logs, logs[0]!].sort());
    expect(readFileSync(grown, 'utf8')).toBe(sample);
    expect(rowsOf(readFileSync(join(out, 'index.html'), 'utf8'))).toEqual(rows);
    expect(runCli(['index', out]).status).toBe(0);
    expect(rowsOf(readFileSync(join(out, 'index.html'), 'utf8'))).toEqual(rows);
  });

  it('--index-compare 0 leaves the comparison out', () => {
    const { logs, out } = logFolder('no-compare', ['gap.log']);
    expect(runCli([...logs, '-o', out, '--index-compare', '0']).status).toBe(0);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('compare-title');
  });

  it('leaves a page that is not its own alone, says so, and still draws the charts', () => {
    const { logs, out } = logFolder('foreign', ['gap.log']);
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), '<p>my own page</p>\n');
    const r = runCli([...logs, '-o', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`fmfi-plot: ${join(out, 'index.html')}: not written by fmfi-plot: left as it is (--no-index: no index page)\nfmfi-plot: 1 rendered, 0 up to date, 0 without samples, 1 failed\n`);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('<p>my own page</p>\n');
    expect(existsSync(join(out, 'gap.svg'))).toBe(true);
    expect(runCli([...logs, '-o', out, '--no-index']).status).toBe(0);
  });

  it('fmfi-plot index says why when there is nothing to make the page from', () => {
    const { dir } = logFolder('empty', []);
    const missing = join(dir, 'missing');
    expect(runCli(['index', missing])).toMatchObject({ status: 1, stderr: `fmfi-plot: ${missing}: no such file\n` });
    expect(runCli(['index', dir])).toMatchObject({
      status: 1,
      stderr: `fmfi-plot: ${dir}: no index.json of this version of fmfi-plot: run fmfi-plot LOG... -o ${dir} to make the charts and the page\n`,
    });
    const file = join(FIXTURES, 'gap.log');
    expect(runCli(['index', file])).toMatchObject({ status: 1, stderr: `fmfi-plot: ${file}: not a folder of charts\n` });
    expect(runCli(['index']).status).toBe(2);
  });
});
