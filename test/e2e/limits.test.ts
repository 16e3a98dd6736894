// Logs and runs at the edges: thousands of domains, signals in the middle of a render, what a
// killed run left, charts cut off, the largest block sizes and orders, the years 0000 to 9999,
// junk inside a sample. Runs that could hang bound their own time.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, FIXTURES, runCli } from '../helpers/cli.js';
import { runBounded } from '../helpers/bounded.js';
import { needProgram } from '../helpers/programs.js';
import { kernelRow, shapedLog } from '../helpers/shaped.js';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'fmfi-limits-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

let folders = 0;
function folder(): string {
  const dir = join(root, `case-${++folders}`);
  mkdirSync(dir);
  return dir;
}

const row = kernelRow;

const tempsIn = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.fmfi-plot-tmp'));

describe('a log of thousands of NUMA domains', { timeout: 180_000 }, () => {
  let log: string;
  beforeAll(() => {
    log = join(folder(), 'vm_frag_20240408_1005.log');
    writeFileSync(log, shapedLog(1, 20_000, 1));
    expect(statSync(log).size).toBeGreaterThan(1_000_000);
  });

  const warning = (file: string): string =>
    `${file}: warning: 20000 domains: only the first 8 are drawn; the other 19992 (domains 8 to 19999) are left out: draw one with --domain N\n`;

  it('gets a message and a chart of 8 panels, the others named in its note', async () => {
    const out = join(root, 'many-domains');
    const r = await runBounded([log, '-o', out], { timeoutMs: 60_000 });
    expect(r.timedOut).toBe(false);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`${warning(log)}fmfi-plot: 1 rendered, 0 up to date, 0 without samples, 0 failed\n`);
    const svg = readFileSync(join(out, 'vm_frag_20240408_1005.svg'), 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg.match(/>domain \d+</g)).toEqual(['>domain 0<', '>domain 1<', '>domain 2<', '>domain 3<', '>domain 4<', '>domain 5<', '>domain 6<', '>domain 7<']);
    expect(svg).toContain('20,000 NUMA domains (8 drawn)');
    expect(svg).toContain('draw one with --domain N');
    expect(statSync(join(out, 'vm_frag_20240408_1005.svg')).size).toBeLessThan(1_500_000);
  });

  it('--domain N draws any one of them, the gnuplot script is as bounded', async () => {
    const out = join(root, 'one-domain');
    const r = await runBounded([log, '-o', out, '--domain', '19999'], { timeoutMs: 60_000 });
    expect(r.stderr).toBe('fmfi-plot: 1 rendered, 0 up to date, 0 without samples, 0 failed\n');
    expect(readFileSync(join(out, 'vm_frag_20240408_1005.svg'), 'utf8')).toContain('>domain 19999<');
    const script = await runBounded(['gnuplot', log], { timeoutMs: 60_000 });
    expect(script.status).toBe(0);
    expect(script.stderr).toBe(warning(log));
    expect(script.stdout.toString().match(/^\$d\d+ << EOD$/gm)).toHaveLength(8);
  });

  it('70,000 domains in one sample: no hang, the domains beyond 65,536 (or 262,144 rows) skipped with a message', async () => {
    const dir = folder();
    const huge = join(dir, 'huge.log');
    const lines = ['2024-04-08_10:05:00', 'vm.phys_frag_idx: '];
    for (let d = 0; d < 70_000; d++) lines.push(`DOMAIN ${d}`, row(0, 4, d % 1000));
    writeFileSync(huge, `${lines.join('\n')}\n`);
    const r = await runBounded(['csv', huge], { timeoutMs: 60_000 });
    expect(r.timedOut).toBe(false);
    expect(r.status).toBe(0);
    // The awk dialect's note on mixed domains comes after the warning, once the log is read.
    const mixed = (file: string, domains: number): string =>
      `${file}:1: note: its samples have ${domains} domains: as parse_vm_frag.awk does, the awk dialect prints the rows of all of them mixed, ` +
      'with nothing to tell them apart; --domain N keeps one, --dialect csv adds a domain column\n';
    expect(r.stderr).toBe(
      `${huge}:131075: warning: the sample of 2024-04-08_10:05:00 is larger than any machine's (more than 65536 domains or 262144 rows): the rows of its domains from here on are skipped\n` +
        mixed(huge, 65_536),
    );
    expect(r.stdout.toString().split('\n').length - 1).toBe(65_536);
    // As many rows in fewer domains: 21,000 domains of 13 orders pass 262,144 rows in domain 20,165.
    const wide = join(dir, 'wide.log');
    writeFileSync(wide, shapedLog(1, 21_000, 13));
    const w = await runBounded(['csv', wide], { timeoutMs: 60_000 });
    expect(w.timedOut).toBe(false);
    expect(w.stderr).toBe(
      `${wide}:383140: warning: the sample of 2024-04-08_10:05:00 is larger than any machine's (more than 65536 domains or 262144 rows): the rows of its domains from here on are skipped\n` +
        mixed(wide, 20_165),
    );
    expect(w.stdout.toString().split('\n').length - 1).toBe(20_165 * 13);
  });
});

describe('signals', { timeout: 180_000 }, () => {
  /**
   * Starts a render of `log` read from standard input (so its reading surely ends before the
   * signal: the input is closed first), sends `signal` once the render is under way, and
   * returns how long the process took to stop after it. Killed after 10 s: a hang fails.
   */
  async function signalDuringRender(log: string, out: string, signal: NodeJS.Signals): Promise<{ ms: number; signal: NodeJS.Signals | null }> {
    const child = spawn(process.execPath, [BIN, '-', '-o', out, '--format', 'png'], { stdio: ['pipe', 'ignore', 'ignore'] });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
    await new Promise<void>((resolve) => child.stdin.end(log, () => resolve()));
    // Reading the rest of the pipe takes milliseconds; the render of this chart takes seconds.
    await new Promise((r) => setTimeout(r, 400));
    const sent = Date.now();
    child.kill(signal);
    const guard = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const sig = await exited;
    clearTimeout(guard);
    return { ms: Date.now() - sent, signal: sig };
  }

  it('SIGINT and SIGTERM in the middle of a long render stop the run within a second, leaving no temporary file', async () => {
    // As many bars as a chart draws at most: 8 panels of 48 orders.
    const log = shapedLog(140, 8, 48);
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const out = folder();
      const { ms, signal: got } = await signalDuringRender(log, out, signal);
      expect(got).toBe(signal);
      expect(ms, `${signal} took ${ms} ms`).toBeLessThan(1000);
      expect(readdirSync(out)).toEqual([]);
    }
  });

  it('after a SIGKILL of csv -o FILE, the next run into the same folder clears what it left', async () => {
    const dir = folder();
    const out = join(dir, 'all.csv');
    const child = spawn(process.execPath, [BIN, 'csv', '-', '-o', out], { stdio: ['pipe', 'ignore', 'ignore'] });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.stdin.on('error', () => undefined);
    child.stdin.write(shapedLog(100, 1, 13));
    const until = Date.now() + 20_000;
    while (tempsIn(dir).length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await exited;
    expect(tempsIn(dir)).toHaveLength(1);
    expect(runCli(['csv', join(FIXTURES, 'gap.log'), '-o', out]).status).toBe(0);
    expect(tempsIn(dir)).toEqual([]);
  });

  it('cleaning removes only temporary files this tool made, by their exact name, of processes that are gone', () => {
    const dir = folder();
    const gone = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    const left = `.x.svg.${gone}-1-0123abcd.fmfi-plot-tmp`;
    const leftByGnuplot = `.x.gp.${gone}-3-89abcdef.fmfi-plot-tmp`;
    const alive = `.y.svg.${process.pid}-1-0123abcd.fmfi-plot-tmp`;
    const others = ['notes.fmfi-plot-tmp', `.z.svg.${gone}-1-NOTHEX00.fmfi-plot-tmp`, `z.svg.${gone}-1-0123abcd.fmfi-plot-tmp`];
    for (const name of [left, leftByGnuplot, alive, ...others]) writeFileSync(join(dir, name), 'x');
    mkdirSync(join(dir, `.d.svg.${gone}-2-0123abcd.fmfi-plot-tmp`));
    expect(runCli(['gnuplot', join(FIXTURES, 'gap.log'), '-o', join(dir, 'x.gp')]).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([`.d.svg.${gone}-2-0123abcd.fmfi-plot-tmp`, alive, ...others, 'x.gp'].sort());
    expect(runCli([join(FIXTURES, 'gap.log'), '-o', dir]).status).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.fmfi-plot-tmp')).sort()).toEqual([`.d.svg.${gone}-2-0123abcd.fmfi-plot-tmp`, alive, ...others].sort());
  });
});

describe('edge values', { timeout: 180_000 }, () => {
  it('a chart cut off after its stamp is not up to date: it is drawn again', () => {
    const dir = folder();
    const log = join(dir, 'a.log');
    copyFileSync(join(FIXTURES, 'one-domain.log'), log);
    for (const format of ['svg', 'png']) {
      const chart = join(dir, 'out', `a.${format}`);
      expect(runCli([log, '-o', join(dir, 'out'), '--format', format]).status).toBe(0);
      const whole = readFileSync(chart);
      truncateSync(chart, 5000);
      const again = runCli([log, '-o', join(dir, 'out'), '--format', format]);
      expect(again.stderr, format).toBe('fmfi-plot: 1 rendered, 0 up to date, 0 without samples, 0 failed\n');
      expect(readFileSync(chart).equals(whole)).toBe(true);
      expect(runCli([log, '-o', join(dir, 'out'), '--format', format]).stderr).toBe('fmfi-plot: 0 rendered, 1 up to date, 0 without samples, 0 failed\n');
    }
  });

  it('block sizes up to 2^53 KiB and orders up to 63 are read; beyond, the row is malformed', () => {
    const dir = folder();
    const lines = ['2024-04-08_10:05:00', 'vm.phys_frag_idx: ', '--', '', 'DOMAIN 0', '', '  ORDER (SIZE) |  FMFI', '--'];
    for (let o = 63; o >= 0; o--) lines.push(row(o, Math.min(4 * 2 ** o, 2 ** 53), 1000 - o));
    lines.push(row(64, 4, 1), '', '');
    writeFileSync(join(dir, 'big.log'), `${lines.join('\n')}\n`);
    const r = runCli(['csv', '--dialect', 'csv', join(dir, 'big.log')]);
    const records = r.stdout.toString().trim().split('\r\n').slice(1);
    expect(records).toHaveLength(64);
    expect(records[0]).toBe('2024-04-08T10:05:00,0,63,9007199254740992,937');
    expect(records).toContain('2024-04-08T10:05:00,0,48,1125899906842624,952');
    expect(r.stderr).toContain(`${join(dir, 'big.log')}:73: warning: malformed FMFI row ("  64 (     4K) |  1 "): skipped\n`);
  });

  const gnuplot = needProgram('gnuplot', 'apt-get install gnuplot-nox');
  it.skipIf(gnuplot === null)('a gnuplot script for a window from the year 0000 to 9999 is valid', () => {
    const dir = folder();
    const sample = (date: string, v: number): string[] => [date, 'vm.phys_frag_idx: ', '--', '', 'DOMAIN 0', '', '  ORDER (SIZE) |  FMFI', '--', ...[2, 1, 0].map((o) => row(o, 4 * 2 ** o, v - o)), '', ''];
    const log = join(dir, 'years.log');
    writeFileSync(log, `${[...sample('0000-01-01_00:00:00', 500), ...sample('5000-06-01_12:00:00', 0), ...sample('9999-12-31_23:59:59', -500)].join('\n')}\n`);
    const script = runCli(['gnuplot', log]);
    expect(script.status).toBe(0);
    const text = script.stdout.toString();
    expect(text).toContain('set xrange ["0000-01-01_00:00:00":"9999-12-31_23:59:59"]');
    for (const m of text.matchAll(/^(\S+) -?\d+ /gm)) expect(m[1]).toMatch(/^\d{4}-\d\d-\d\d_\d\d:\d\d:\d\d$/);
    const drawn = spawnSync(gnuplot!, [], { input: script.stdout, timeout: 60_000 });
    expect(drawn.stderr.toString()).toBe('');
    expect(drawn.status).toBe(0);
    expect(XMLValidator.validate(drawn.stdout.toString())).toBe(true);
  });

  it('a junk line shaped like a date inside a sample does not drop the rows after it, which go on with that sample', () => {
    const dir = folder();
    const log = join(dir, 'junk.log');
    const rows = [3, 2, 1, 0].map((o) => row(o, 4 * 2 ** o, 100 - o));
    const text = ['2024-04-08_10:05:00', 'vm.phys_frag_idx: ', '--', '', 'DOMAIN 0', '', '  ORDER (SIZE) |  FMFI', '--', rows[0], rows[1], '2024-99-99_99:99:99', rows[2], rows[3], '', ''];
    writeFileSync(log, `${text.join('\n')}\n`);
    const r = runCli(['csv', log]);
    expect(r.stdout.toString()).toBe(['3 2024-04-08_10:05:00 97', '2 2024-04-08_10:05:00 98', '1 2024-04-08_10:05:00 99', '0 2024-04-08_10:05:00 100', ''].join('\n'));
    expect(r.stderr).toBe(
      `${log}:11: warning: "2024-99-99_99:99:99" is not a real date, inside the sample of 2024-04-08_10:05:00, whose rows go on after it: line skipped\n`,
    );
    // A bad date line that starts a sample of its own still has its rows skipped.
    const own = join(dir, 'own.log');
    const whole = [...text.slice(0, 10), ...text.slice(11)];
    writeFileSync(own, `${[...whole, '2024-99-99_99:99:99', ...whole.slice(1)].join('\n')}\n`);
    const o = runCli(['csv', own]);
    expect(o.stdout.toString().split('\n').filter((l) => l !== '')).toHaveLength(4);
    expect(o.stderr).toContain('"2024-99-99_99:99:99" is not a real date: line and its 4 rows skipped');
  });
});
