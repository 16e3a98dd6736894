// Faults around the logs: inputs that cannot be read, outputs that cannot be written. Each gets a clear
// message and exit 1, and every other input is still processed.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, openSync, closeSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLog } from '../../fixtures/generate.js';
import { BIN, FIXTURES, runCli } from '../helpers/cli.js';
import { runBounded } from '../helpers/bounded.js';

let root: string;
let good: string[];
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'fmfi-faults-'));
  // Others may enter: the unreadable-file test runs as another user when it runs as root.
  chmodSync(root, 0o755);
  good = ['one-domain.log', 'gap.log'].map((f) => {
    const to = join(root, f);
    copyFileSync(join(FIXTURES, f), to);
    return to;
  });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The user nobody, to run as when root: null when there is none. */
function nobody(): { uid: number; gid: number } | null {
  const uid = spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'nobody'], { encoding: 'utf8' });
  return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout), gid: Number(gid.stdout) } : null;
}

const csvOf = (log: string): Buffer => runCli(['csv', log]).stdout;
const summaryOf = (stderr: string): string => stderr.trim().split('\n').at(-1) ?? '';

/** A fresh folder for one test's outputs. */
function folder(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { mode: 0o777 });
  chmodSync(dir, 0o777);
  return dir;
}

/** Checks a run with one bad input between the good ones: csv, the chart, stats and compare. */
function expectOthersProcessed(bad: string, message: string, run: (args: string[]) => { status: number | null; stdout: Buffer; stderr: string }, out: string): void {
  const csv = run(['csv', good[0]!, bad, good[1]!]);
  expect(csv.status).toBe(1);
  expect(csv.stderr).toBe(`fmfi-plot: ${bad}: ${message}\n`);
  expect(csv.stdout.equals(Buffer.concat(good.map(csvOf)))).toBe(true);

  const chart = run([good[0]!, bad, good[1]!, '-o', out, '--jobs', '1']);
  expect(chart.status).toBe(1);
  expect(chart.stderr).toBe(`fmfi-plot: ${bad}: ${message}\nfmfi-plot: 2 rendered, 0 up to date, 0 without samples, 1 failed\n`);
  expect(readdirSync(out).sort()).toEqual(['gap.svg', 'index.html', 'index.json', 'one-domain.svg']);
  for (const f of readdirSync(out).filter((f) => f.endsWith('.svg'))) expect(XMLValidator.validate(readFileSync(join(out, f), 'utf8'))).toBe(true);

  const stats = run(['stats', '--format', 'csv', good[0]!, bad, good[1]!]);
  expect(stats.status).toBe(1);
  expect(stats.stderr).toBe(`fmfi-plot: ${bad}: ${message}\n`);
  const logged = stats.stdout.toString('utf8').split('\r\n').slice(1, -1).map((l) => l.split(',')[0]);
  expect([...new Set(logged)]).toEqual(good);

  const compared = join(out, 'compare.svg');
  const compare = run(['compare', good[0]!, bad, good[1]!, '-o', compared]);
  expect(compare.status).toBe(1);
  expect(compare.stderr).toBe(`fmfi-plot: ${bad}: ${message}\n`);
  const svg = readFileSync(compared, 'utf8');
  expect(XMLValidator.validate(svg)).toBe(true);
  for (const g of good) expect(svg).toContain(g.split('/').pop()!);
}

describe('an input that cannot be read', () => {
  it('a missing file', () => {
    expectOthersProcessed(join(root, 'missing.log'), 'no such file', (a) => runCli(a), join(folder('missing'), 'out'));
  });

  it('a directory', () => {
    const dir = join(root, 'a-folder.log');
    mkdirSync(dir);
    expectOthersProcessed(dir, 'is a directory, not a log', (a) => runCli(a), join(folder('directory'), 'out'));
  });

  // chmod 000 does not stop root, who reads anything: as root, the CLI runs as nobody instead.
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? nobody() : undefined;
  if (user === null) process.stderr.write('SKIP: unreadable file: running as root, who reads any file, and there is no user nobody to run as\n');

  it.skipIf(user === null)('a file without read permission', async () => {
    const as = user ?? undefined;
    const dir = folder('unreadable');
    const locked = join(dir, 'locked.log');
    copyFileSync(good[0]!, locked);
    chmodSync(locked, 0o000);
    const sync = (args: string[]): { status: number | null; stdout: Buffer; stderr: string } => {
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, ...(as === undefined ? {} : { uid: as.uid, gid: as.gid }), maxBuffer: 1 << 30 });
      // EACCES here: that user cannot run this node (a folder above it closed to others, such as mktemp -d's 0700).
      if (r.error !== undefined) throw new Error(`cannot start ${process.execPath} as uid ${as?.uid ?? process.getuid?.()}: ${r.error.message}`);
      return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString() };
    };
    expectOthersProcessed(locked, 'permission denied', sync, join(dir, 'out'));
    // The same through the async helper, as a sanity check that it really ran as someone else.
    const r = await runBounded(['csv', locked], { ...(as === undefined ? {} : { user: as }), timeoutMs: 30_000 });
    expect(r.stderr).toBe(`fmfi-plot: ${locked}: permission denied\n`);
  });
});

describe('an output that cannot be written', () => {
  it('a folder that cannot be created: a path under a regular file', () => {
    const file = good[0]!;
    const before = readFileSync(file);
    const csvDir = runCli(['csv', good[1]!, '--out-dir', join(file, 'csv')]);
    expect(csvDir.status).toBe(1);
    expect(csvDir.stderr).toBe(`fmfi-plot: ${join(file, 'csv')}: cannot create the output folder: a part of the path is a file\n`);
    const csvFile = runCli(['csv', good[1]!, '-o', join(file, 'x.csv')]);
    expect(csvFile.status).toBe(1);
    expect(csvFile.stderr).toBe(`fmfi-plot: ${join(file, 'x.csv')}: cannot write: a part of the path is a file, not a folder\n`);
    expect(csvFile.stdout.length).toBe(0);
    const chart = runCli([good[1]!, '-o', join(file, 'charts')]);
    expect(chart.status).toBe(1);
    expect(chart.stderr).toBe(`fmfi-plot: ${join(file, 'charts')}: cannot create the output folder: a part of the path is a file\n`);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('an output that is one of the inputs, by any name: refused, the input untouched', () => {
    const dir = folder('onto-input');
    const input = join(dir, 'a.log');
    copyFileSync(good[0]!, input);
    const hardLink = join(dir, 'same.log');
    linkSync(input, hardLink);
    const before = readFileSync(input);
    for (const output of [input, join(dir, '..', 'onto-input', 'a.log'), hardLink]) {
      const r = runCli(['csv', '-o', output, input, good[1]!]);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(`fmfi-plot: ${output}: is also an input: refusing to overwrite it\n`);
    }
    // One output per log: the log whose output is an input is refused, the others written.
    const asCsv = join(dir, 'a.csv');
    copyFileSync(good[0]!, asCsv);
    const perLog = runCli(['csv', input, good[1]!, asCsv, '--out-dir', dir]);
    expect(perLog.status).toBe(1);
    expect(perLog.stderr).toContain(`fmfi-plot: ${asCsv}: is also an input: refusing to overwrite it\n`);
    expect(readFileSync(join(dir, 'gap.csv')).equals(csvOf(good[1]!))).toBe(true);
    // The chart of a.log would be a.svg, an input (a log of that name: a.svg.svg is its chart).
    const asSvg = join(dir, 'a.svg');
    copyFileSync(good[0]!, asSvg);
    const charts = runCli([input, asSvg, good[1]!, '-o', dir, '--jobs', '1']);
    expect(charts.status).toBe(1);
    expect(charts.stderr).toBe(`fmfi-plot: ${asSvg}: is also an input: refusing to overwrite it\nfmfi-plot: 2 rendered, 0 up to date, 0 without samples, 1 failed\n`);
    expect(readdirSync(dir).filter((f) => f.endsWith('.svg')).sort()).toEqual(['a.svg', 'a.svg.svg', 'gap.svg']);
    for (const f of [input, asCsv, asSvg]) expect(readFileSync(f).equals(before), f).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('fmfi-plot-tmp'))).toEqual([]);
  });

  // /dev/full takes no byte: ENOSPC on every write. Named as the output it is written in
  // place; as root the test names a device node of its own made like /dev/full, so nothing
  // can ever replace /dev/full itself.
  const hasDevFull = existsSync('/dev/full');
  if (!hasDevFull) process.stderr.write('SKIP: no /dev/full on this system (Linux has it): the full-device test is skipped\n');

  it.skipIf(!hasDevFull)('a full device as -o FILE, and as standard output', async () => {
    const dir = folder('dev-full');
    let full = '/dev/full';
    if (process.getuid?.() === 0) {
      full = join(dir, 'full.csv');
      const rdev = statSync('/dev/full').rdev;
      expect(spawnSync('mknod', [full, 'c', String(Math.floor(rdev / 256) & 0xfff), String(rdev & 0xff)]).status).toBe(0);
    }
    const r = runCli(['csv', good[0]!, good[1]!, '-o', full]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`fmfi-plot: ${full}: cannot write: no space left on the device\n`);
    expect(lstatSync(full).isCharacterDevice()).toBe(true);
    const fd = openSync('/dev/full', 'w');
    try {
      for (const args of [['csv', good[0]!, good[1]!], ['csv', '--dialect', 'csv', good[0]!]]) {
        const s = await runBounded(args, { stdoutFd: fd, timeoutMs: 30_000 });
        expect(s.timedOut).toBe(false);
        expect(s.status).toBe(1);
        expect(s.stderr).toBe('fmfi-plot: <stdout>: cannot write: no space left on the device\n');
      }
    } finally {
      closeSync(fd);
    }
  });

  describe('a full disk (a small tmpfs, mounted in a namespace of its own)', () => {
    // `unshare -rm` gives a private mount namespace, as root or (where the kernel allows
    // user namespaces) as anyone: the tmpfs disappears with the command, never left mounted.
    const probe = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=8k tmpfs "$1"', 'sh', tmpdir()], { encoding: 'utf8' });
    const why = probe.error !== undefined ? `unshare not found (${probe.error.message})` : probe.status !== 0 ? `cannot mount a tmpfs in a namespace here: ${probe.stderr.trim()}` : null;
    if (why !== null) process.stderr.write(`SKIP: full-disk tests: ${why}\n`);

    /** Runs fmfi-plot with a tmpfs of `size` mounted on `mnt`, then copies what it left there to `copy`. */
    function onFullDisk(size: string, mnt: string, copy: string, args: string[], prepare = '', stdoutTo = '/dev/null'): { status: number; stderr: string } {
      mkdirSync(mnt, { recursive: true });
      mkdirSync(copy, { recursive: true });
      const script = `mount -t tmpfs -o size=${size} tmpfs "$1" || exit 99; ${prepare} shift 2; "$@" > "${stdoutTo}"; s=$?; cp -a "$MNT/." "$COPY/"; exit $s`;
      const r = spawnSync('unshare', ['-rm', 'sh', '-c', script.replace(/\$MNT/g, mnt).replace(/\$COPY/g, copy), 'sh', mnt, copy, process.execPath, BIN, ...args], {
        encoding: 'utf8',
      });
      expect(r.status).not.toBe(99);
      return { status: r.status!, stderr: r.stderr };
    }

    let big: string;
    let small: string;
    beforeAll(() => {
      big = join(root, 'big.log');
      small = join(root, 'small.log');
      writeFileSync(big, generateLog({ samples: 432, seed: 3, intervalSeconds: 600 }));
      writeFileSync(small, generateLog({ samples: 1, seed: 3 }));
    });

    it.skipIf(why !== null)('csv -o FILE: a clear message, exit 1, the previous FILE kept, no temporary file left', () => {
      const mnt = join(root, 'tmpfs-csv');
      const copy = join(root, 'tmpfs-csv-left');
      const out = join(mnt, 'all.csv');
      const r = onFullDisk('40k', mnt, copy, ['csv', small, big, '-o', out], `echo previous > "${out}";`);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(`fmfi-plot: ${out}: cannot write: no space left on the device\n`);
      expect(readdirSync(copy)).toEqual(['all.csv']);
      expect(readFileSync(join(copy, 'all.csv'), 'utf8')).toBe('previous\n');
    });

    it.skipIf(why !== null)('csv > FILE: a clear message and exit 1 when standard output fills the disk', () => {
      const mnt = join(root, 'tmpfs-stdout');
      const copy = join(root, 'tmpfs-stdout-left');
      const out = join(mnt, 'all.csv');
      const r = onFullDisk('40k', mnt, copy, ['csv', small, big], '', out);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe('fmfi-plot: <stdout>: cannot write: no space left on the device\n');
      // What fitted is there, in order: standard output cannot be replaced whole, as -o FILE is.
      const left = readFileSync(join(copy, 'all.csv'));
      const whole = Buffer.concat([csvOf(small), csvOf(big)]);
      expect(left.length).toBeGreaterThan(csvOf(small).length);
      expect(left.length).toBeLessThan(whole.length);
      expect(left.equals(whole.subarray(0, left.length))).toBe(true);
    });

    it.skipIf(why !== null)('csv --out-dir: the log that does not fit fails, the next is still written', () => {
      const mnt = join(root, 'tmpfs-csv-dir');
      const copy = join(root, 'tmpfs-csv-dir-left');
      const r = onFullDisk('40k', mnt, copy, ['csv', big, small, '--out-dir', mnt]);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(`fmfi-plot: ${join(mnt, 'big.csv')}: cannot write: no space left on the device\n`);
      expect(readdirSync(copy)).toEqual(['small.csv']);
      expect(readFileSync(join(copy, 'small.csv')).equals(csvOf(small))).toBe(true);
    });

    it.skipIf(why !== null)('the chart: the chart that does not fit fails, the next is still written; so does the index page', () => {
      const mnt = join(root, 'tmpfs-chart');
      const copy = join(root, 'tmpfs-chart-left');
      const r = onFullDisk('40k', mnt, copy, [big, small, '-o', mnt, '--jobs', '1']);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(
        `fmfi-plot: ${join(mnt, 'big.svg')}: cannot write: no space left on the device\n` +
          `fmfi-plot: ${join(mnt, 'index.html')}: cannot write: no space left on the device\n` +
          'fmfi-plot: 1 rendered, 0 up to date, 0 without samples, 2 failed\n',
      );
      expect(readdirSync(copy)).toEqual(['small.svg']);
      expect(XMLValidator.validate(readFileSync(join(copy, 'small.svg'), 'utf8'))).toBe(true);
      expect(existsSync(join(copy, 'big.svg'))).toBe(false);
    });
  });
});
