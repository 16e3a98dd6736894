// File-system shapes a local user can put where fmfi-plot reads and writes (links, FIFOs,
// devices, odd names, streams): nothing is written through a link, no input holds a run up,
// no name gets lost or forges a line. Runs that could hang are bounded by their own time limit.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, FIXTURES, runCli } from '../helpers/cli.js';
import { runBounded } from '../helpers/bounded.js';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'fmfi-shapes-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

let folders = 0;
/** A fresh folder with copies of two fixture logs, `a.log` and `b.log`. */
function folder(): { dir: string; a: string; b: string } {
  const dir = join(root, `case-${++folders}`);
  mkdirSync(dir);
  const a = join(dir, 'a.log');
  const b = join(dir, 'b.log');
  copyFileSync(join(FIXTURES, 'one-domain.log'), a);
  copyFileSync(join(FIXTURES, 'gap.log'), b);
  return { dir, a, b };
}

const csvOf = (log: string): Buffer => runCli(['csv', log]).stdout;
const mkfifo = (path: string): void => expect(spawnSync('mkfifo', [path]).status).toBe(0);
/** A shell command line run with bash: `$F` is the command (node and fmfi-plot). */
function sh(script: string, cwd: string): { status: number | null; stdout: Buffer; stderr: string } {
  const r = spawnSync('bash', ['-c', `F() { "${process.execPath}" "${BIN}" "$@"; }; ${script}`], { cwd, maxBuffer: 1 << 30, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString() };
}

describe('outputs never follow links', { timeout: 180_000 }, () => {
  it('a link at a chart path to the very log it charts is replaced; the log keeps its bytes', () => {
    const { dir, a } = folder();
    const before = readFileSync(a);
    mkdirSync(join(dir, 'out'));
    symlinkSync('../a.log', join(dir, 'out', 'a.svg'));
    const r = runCli([a, '-o', join(dir, 'out')]);
    expect(r.stderr).toBe('fmfi-plot: 1 rendered, 0 up to date, 0 without samples, 0 failed\n');
    expect(readFileSync(a).equals(before)).toBe(true);
    expect(lstatSync(join(dir, 'out', 'a.svg')).isFile()).toBe(true);
    expect(XMLValidator.validate(readFileSync(join(dir, 'out', 'a.svg'), 'utf8'))).toBe(true);
  });

  it('a link at a chart path to a file outside the folder, or to a device, is replaced: neither gets the chart', () => {
    const { dir, a, b } = folder();
    const outside = join(dir, 'outside.txt');
    writeFileSync(outside, 'keep me\n');
    mkdirSync(join(dir, 'out'));
    symlinkSync(outside, join(dir, 'out', 'a.svg'));
    symlinkSync('/dev/null', join(dir, 'out', 'b.svg'));
    const r = runCli([a, b, '-o', join(dir, 'out'), '--jobs', '1']);
    expect(r.status).toBe(0);
    expect(readFileSync(outside, 'utf8')).toBe('keep me\n');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    for (const chart of ['a.svg', 'b.svg']) {
      expect(lstatSync(join(dir, 'out', chart)).isFile(), chart).toBe(true);
      expect(XMLValidator.validate(readFileSync(join(dir, 'out', chart), 'utf8'))).toBe(true);
    }
  });

  it('a link at a csv --out-dir path to another input is replaced; that input keeps its bytes', () => {
    const { dir, a, b } = folder();
    const before = readFileSync(b);
    mkdirSync(join(dir, 'csv'));
    symlinkSync('../b.log', join(dir, 'csv', 'a.csv'));
    const r = runCli(['csv', a, b, '--out-dir', join(dir, 'csv')]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(b).equals(before)).toBe(true);
    expect(lstatSync(join(dir, 'csv', 'a.csv')).isFile()).toBe(true);
    expect(readFileSync(join(dir, 'csv', 'a.csv')).equals(csvOf(a))).toBe(true);
  });

  it('an output that is an input however it is reached is refused: a hard link, a link among the inputs, --out-dir against every input', () => {
    const { dir, a, b } = folder();
    const before = readFileSync(b);
    mkdirSync(join(dir, 'csv'));
    // The CSV of a.log would replace a second name of b.log.
    linkSync(b, join(dir, 'csv', 'a.csv'));
    const perLog = runCli(['csv', a, b, '--out-dir', join(dir, 'csv')]);
    expect(perLog.status).toBe(1);
    expect(perLog.stderr).toBe(`fmfi-plot: ${join(dir, 'csv', 'a.csv')}: is also an input: refusing to overwrite it\n`);
    expect(readFileSync(join(dir, 'csv', 'b.csv')).equals(csvOf(b))).toBe(true);
    // An input that is a link to where a chart goes: the chart would replace what the log is.
    mkdirSync(join(dir, 'out'));
    const target = join(dir, 'out', 'c.svg');
    copyFileSync(b, target);
    symlinkSync(target, join(dir, 'c.log'));
    const charts = runCli([join(dir, 'c.log'), '-o', join(dir, 'out')]);
    expect(charts.status).toBe(1);
    expect(charts.stderr).toBe(`fmfi-plot: ${target}: is also an input: refusing to overwrite it\nfmfi-plot: 0 rendered, 0 up to date, 0 without samples, 1 failed\n`);
    expect(readFileSync(target).equals(before)).toBe(true);
    // Standard output redirected onto an input.
    const appended = sh('F csv a.log >> a.log', dir);
    expect(appended.status).toBe(1);
    expect(appended.stderr).toBe('fmfi-plot: <stdout>: is also an input: refusing to overwrite it\n');
    expect(readFileSync(a).equals(readFileSync(join(FIXTURES, 'one-domain.log')))).toBe(true);
  });

  it('-o /dev/stdout and -o /dev/fd/N write where the shell points them, as -o - does: >> appends, nothing lost', () => {
    const { dir } = folder();
    writeFileSync(join(dir, 'all.csv'), 'first line\n');
    expect(sh('F csv a.log -o /dev/stdout >> all.csv && F csv b.log -o /dev/fd/3 3>> all.csv', dir).status).toBe(0);
    expect(readFileSync(join(dir, 'all.csv')).equals(Buffer.concat([Buffer.from('first line\n'), csvOf(join(dir, 'a.log')), csvOf(join(dir, 'b.log'))]))).toBe(true);
    expect(lstatSync(join(dir, 'all.csv')).isFile()).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('fmfi-plot-tmp'))).toEqual([]);
  });

  it('a replaced output keeps the mode of the file it replaces', () => {
    const { dir, a } = folder();
    const out = join(dir, 'a.csv');
    writeFileSync(out, 'previous\n');
    chmodSync(out, 0o640);
    expect(runCli(['csv', a, '-o', out]).status).toBe(0);
    expect(statSync(out).mode & 0o7777).toBe(0o640);
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'a.svg'), 'previous\n');
    chmodSync(join(dir, 'out', 'a.svg'), 0o600);
    expect(runCli([a, '-o', join(dir, 'out')]).status).toBe(0);
    expect(statSync(join(dir, 'out', 'a.svg')).mode & 0o7777).toBe(0o600);
  });
});

describe('inputs never stall a batch', { timeout: 180_000 }, () => {
  it('a FIFO, a socket and a link to /dev/zero among the logs are skipped with what they are; the others are drawn', async () => {
    const { dir, a, b } = folder();
    mkfifo(join(dir, 'vm_frag_fifo.log'));
    symlinkSync('/dev/zero', join(dir, 'vm_frag_zero.log'));
    // A socket file: what `nc -lU` leaves, made here by a server that is closed at once.
    const socket = join(dir, 'vm_frag_socket.log');
    expect(spawnSync(process.execPath, ['-e', `const s = require('net').createServer(); s.listen(${JSON.stringify(socket)}, () => process.exit(0));`]).status).toBe(0);
    expect(lstatSync(socket).isSocket()).toBe(true);
    const logs = [a, join(dir, 'vm_frag_fifo.log'), join(dir, 'vm_frag_zero.log'), socket, b];
    for (const jobs of ['1', '2']) {
      const out = join(dir, `out-${jobs}`);
      const r = await runBounded([...logs, '-o', out, '--jobs', jobs], { timeoutMs: 30_000 });
      expect(r.timedOut).toBe(false);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(
        `fmfi-plot: ${logs[1]}: is a FIFO (named pipe), not a log file: skipped\n` +
          `fmfi-plot: ${logs[2]}: is a character device, not a log file: skipped\n` +
          `fmfi-plot: ${socket}: is a socket, not a log file: skipped\n` +
          'fmfi-plot: 2 rendered, 0 up to date, 0 without samples, 3 failed\n',
      );
      expect(readdirSync(out).sort()).toEqual(['a.svg', 'b.svg', 'index.html', 'index.json']);
    }
    // Every command, not only the charts.
    const csv = await runBounded(['csv', a, logs[1]!, b], { timeoutMs: 30_000 });
    expect(csv.timedOut).toBe(false);
    expect(csv.status).toBe(1);
    expect(csv.stdout.equals(Buffer.concat([csvOf(a), csvOf(b)]))).toBe(true);
    const stats = await runBounded(['stats', a, logs[2]!], { timeoutMs: 30_000 });
    expect(stats.timedOut).toBe(false);
    expect(stats.stderr).toBe(`fmfi-plot: ${logs[2]}: is a character device, not a log file: skipped\n`);
  });

  it('- and /dev/fd/N (a process substitution) are still read as streams', () => {
    const { dir, a, b } = folder();
    const r = sh('F - <(cat b.log) -o out < a.log', dir);
    expect(r.status, r.stderr).toBe(0);
    // Two charts, and the index page with its data.
    expect(readdirSync(join(dir, 'out')).length).toBe(4);
    expect(sh('F csv <(cat a.log) - < b.log', dir).stdout.equals(Buffer.concat([csvOf(a), csvOf(b)]))).toBe(true);
  });

  it('a FIFO at a chart path is replaced, never opened', async () => {
    const { dir, a } = folder();
    mkdirSync(join(dir, 'out'));
    mkfifo(join(dir, 'out', 'a.svg'));
    // Opening it (to read a stamp, or to write the chart) would wait for ever for the other end.
    const r = await runBounded([a, '-o', join(dir, 'out')], { timeoutMs: 20_000 });
    expect(r.timedOut).toBe(false);
    expect(r.status).toBe(0);
    expect(lstatSync(join(dir, 'out', 'a.svg')).isFile()).toBe(true);
    expect(XMLValidator.validate(readFileSync(join(dir, 'out', 'a.svg'), 'utf8'))).toBe(true);
  });
});

describe('names of any length and bytes', { timeout: 180_000 }, () => {
  it('a log name of 240 bytes gets its chart (the temporary name still fits a file name)', () => {
    const { dir, a } = folder();
    const name = `vm_frag_20240408_1005_${'x'.repeat(240 - 'vm_frag_20240408_1005_'.length - '.log'.length)}.log`;
    expect(Buffer.byteLength(name)).toBe(240);
    copyFileSync(a, join(dir, name));
    const r = runCli([join(dir, name), '-o', join(dir, 'out'), '--format', 'png']);
    expect(r.stderr).toBe('fmfi-plot: 1 rendered, 0 up to date, 0 without samples, 0 failed\n');
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['index.html', 'index.json', name.replace(/\.log$/, '.png')]);
    // Two bytes of UTF-8 a character: the name is cut between characters, never inside one.
    const wide = `${'é'.repeat(118)}.log`;
    expect(Buffer.byteLength(wide)).toBe(240);
    copyFileSync(a, join(dir, wide));
    expect(runCli(['csv', join(dir, wide), '-o', join(dir, `${'é'.repeat(118)}.csv`)]).status).toBe(0);
  });

  it('names that are not valid UTF-8 are read, and their outputs keep the same bytes', () => {
    const { dir } = folder();
    // bash's $'…' gives the raw bytes: \xff and \xfe are never UTF-8.
    const r = sh(`cp a.log $'vm_frag_\\xff\\xfe.log' && F $'vm_frag_\\xff\\xfe.log' -o out && F csv $'vm_frag_\\xff\\xfe.log' -o $'\\xff.csv' && ls out | od -An -c && cmp $'\\xff.csv' <(F csv a.log) && echo same`, dir);
    expect(r.stderr).toBe('fmfi-plot: 1 rendered, 0 up to date, 0 without samples, 0 failed\n');
    expect(r.stdout.toString().replace(/\s+/g, ' ').trim()).toBe('i n d e x . h t m l \\n i n d e x . j s o n \\n v m _ f r a g _ 377 376 . s v g \\n same');
  });

  it('file names in messages are escaped as log content is: no forged line, no escape sequence', () => {
    const { dir } = folder();
    const forged = 'x\nfmfi-plot: 9 rendered, 0 up to date, 0 without samples, 0 failed\n\x1b[2J.log';
    const r = runCli([join(dir, forged), join(dir, 'a.log'), '-o', join(dir, 'out')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `fmfi-plot: ${dir}/x\\x0afmfi-plot: 9 rendered, 0 up to date, 0 without samples, 0 failed\\x0a\\x1b[2J.log: no such file\n` +
        'fmfi-plot: 1 rendered, 0 up to date, 0 without samples, 1 failed\n',
    );
    // A warning about the content of such a log names it the same way.
    writeFileSync(join(dir, 'tab\there.log'), 'junk\n');
    expect(runCli(['csv', join(dir, 'tab\there.log')]).stderr).toContain(`${dir}/tab\\x09here.log:1: warning: unexpected line ("junk"): skipped\n`);
  });

  it('with standard output closed, csv fails with a message instead of losing the data', () => {
    const { dir } = folder();
    const r = sh('F csv a.log >&-', dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('fmfi-plot: <stdout>: cannot write: it is closed (what would be written would be lost)\n');
    // Standard output sent to /dev/null by the shell is a choice, not a closed output.
    expect(sh('F csv a.log > /dev/null', dir).status).toBe(0);
  });
});

describe('a read-only output folder', { timeout: 180_000 }, () => {
  const asRoot = process.getuid?.() === 0;
  const nobody = spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' });
  const user = nobody.status === 0 ? { uid: Number(nobody.stdout), gid: Number(spawnSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).stdout) } : null;
  if (asRoot && user === null) process.stderr.write('SKIP: read-only folder: running as root, who writes anywhere, and there is no user nobody to run as\n');

  it.skipIf(asRoot && user === null)('fails each chart with a message, leaves no temporary file, and goes on to the summary', async () => {
    const { dir, a, b } = folder();
    chmodSync(root, 0o755);
    chmodSync(dir, 0o755);
    for (const f of [a, b]) chmodSync(f, 0o644);
    const out = join(dir, 'out');
    mkdirSync(out);
    chmodSync(out, 0o555);
    const r = await runBounded([a, b, '-o', out, '--jobs', '1'], { timeoutMs: 30_000, ...(asRoot && user !== null ? { user } : {}) });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `fmfi-plot: ${join(out, 'a.svg')}: cannot write: permission denied\nfmfi-plot: ${join(out, 'b.svg')}: cannot write: permission denied\n` +
        'fmfi-plot: 0 rendered, 0 up to date, 0 without samples, 2 failed\n',
    );
    expect(readdirSync(out)).toEqual([]);
    expect(existsSync(join(out, 'a.svg'))).toBe(false);
  });
});
