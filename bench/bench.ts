// `npm run bench`: fmfi-plot side by side with the awk + gnuplot pipeline it replaces, in one run.
//
//   1. logs: generated deterministically, cached in .cache/bench between runs (and made
//      again when the options or the generator change)
//   2. timings: each pair alternates its two sides, RUNS times, and reports medians (the PNG
//      also as drawn where resvg has no native build, by its WebAssembly build); the
//      logs people mostly have first (a month at one sample every five minutes, a batch of
//      such windows, a rerun, start-up), then long logs
//   3. memory: peak resident memory of fmfi-plot on a 1,000,000-sample log (csv, chart, stats,
//      metrics), and of compare on ten windows
//   4. a markdown table on stdout, each row with its target, and the machine's load
//
// `npm run bench -- --only csv` measures the CSV rows only (no chart, no gnuplot needed).
// `npm run bench -- --node PATH` runs fmfi-plot (and the start-up line) under that node, such
// as another Node.js version; the bench itself runs on the one npm runs.
// BENCH_RUNS=n sets the number of runs of each side (default 5; the two pairs whose pipeline
// side takes ten seconds or more, the batch and the CSV of 1,000,000 samples, run at most 3).
//
// Both sides run without NODE_EXTRA_CA_CERTS: where it is set, Node.js 20 reads and
// parses that certificate file at every start, before any code of ours runs (fmfi-plot
// never opens a TLS connection, and a cron job's environment does not have it; 22 and 24
// no longer pay it at start). The line above the table says what it costs here when set.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateSamples, type GenerateOptions } from '../fixtures/generate.js';
import { locateReference, which, type Reference } from '../fixtures/reference.js';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'fmfi-plot.js');
// The original pipeline: FMFI_REFERENCE_DIR, else ../shared/reference; without it the pairs are skipped.
const REFERENCE = locateReference(ROOT);
const CACHE = join(ROOT, '.cache', 'bench');
const WORK = join(CACHE, 'work');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Runs of the pairs whose pipeline side is long. */
const LONG_RUNS = Math.min(RUNS, 3);
const GENERATOR = join(__dirname, '..', 'fixtures', 'generate.js');

interface BenchOptions {
  /** Everything, or (`--only csv`) the CSV rows. */
  readonly csvOnly: boolean;
  /** The node that runs fmfi-plot (`--node PATH`; default: the one running the bench). */
  readonly node: string;
}

function benchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({ args: argv, options: { only: { type: 'string' }, node: { type: 'string' } }, strict: true });
  if (values.only !== undefined && values.only !== 'csv') throw new Error(`--only takes "csv", got ${values.only}`);
  let node = process.execPath;
  if (values.node !== undefined) {
    // npm runs scripts in the package's folder; a relative path is meant from where npm was started.
    node = values.node.includes('/') ? resolve(process.env.INIT_CWD ?? process.cwd(), values.node) : values.node;
  }
  return { csvOnly: values.only === 'csv', node };
}

/** `node`'s version and real path, or an error that says why it cannot run. */
function nodeIdentity(node: string): { version: string; path: string } {
  const r = spawnSync(node, ['-p', 'process.version + " " + process.execPath'], { encoding: 'utf8' });
  if (r.error !== undefined || r.status !== 0) throw new Error(`--node ${node}: cannot run it (${r.error?.message ?? r.stderr.trim()})`);
  const [version, ...path] = r.stdout.trim().split(' ');
  return { version: version!, path: path.join(' ') };
}

function have(program: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;
}

// 1.
async function cachedLog(name: string, options: GenerateOptions, say = true): Promise<string> {
  const path = join(CACHE, name);
  const generator = createHash('sha256').update(readFileSync(GENERATOR)).digest('hex');
  const key = JSON.stringify({ options, generator });
  const keyPath = `${path}.options`;
  if (existsSync(path) && existsSync(keyPath) && readFileSync(keyPath, 'utf8') === key) return path;
  if (say) process.stderr.write(`generating ${name} (cached for later runs)…\n`);
  const out = createWriteStream(`${path}.partial`);
  for (const s of generateSamples(options)) if (!out.write(s)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((r) => out.end(() => r()));
  renameSync(`${path}.partial`, path);
  writeFileSync(keyPath, key);
  return path;
}

/** `count` logs of a batch in one folder, named by boot time as the cron job names them; cached like the others. */
async function cachedBatch(name: string, count: number, options: Omit<GenerateOptions, 'seed' | 'start'>): Promise<string[]> {
  const dir = join(CACHE, name);
  mkdirSync(dir, { recursive: true });
  const logs: string[] = [];
  process.stderr.write(`${name}: ${count} logs of ${options.samples} samples (made once, then cached)…\n`);
  for (let i = 0; i < count; i++) {
    // One boot window a day from 2024-01-01, each with a seed of its own.
    const day = new Date(Date.UTC(2024, 0, 1 + i));
    const stamp = day.toISOString().slice(0, 10).replaceAll('-', '');
    const start = `${day.toISOString().slice(0, 10)}_10:05:00`;
    logs.push(await cachedLog(join(name, `vm_frag_${stamp}_1005.log`), { ...options, seed: 1000 + i, start }, false));
  }
  return logs;
}

// 2.
interface Run {
  readonly seconds: number;
  /** Peak resident memory in bytes (VmHWM, read from /proc while it ran); 0 when not asked for. */
  readonly peakRss: number;
  readonly stderr: string;
}

/** The environment both sides run in. */
const CHILD_ENV: NodeJS.ProcessEnv = { ...process.env };
delete CHILD_ENV.NODE_EXTRA_CA_CERTS;

/**
 * Runs a command with stdout to a file. With `peakMemory`, polls /proc for its peak
 * resident memory; timed runs do not, as the polling takes CPU from the command.
 */
function run(argv: readonly string[], stdoutFile: string, { cwd = WORK, peakMemory = false, env = CHILD_ENV } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(stdoutFile);
    out.on('open', (fd) => {
      const start = process.hrtime.bigint();
      const child = spawn(argv[0]!, argv.slice(1), { cwd, env, stdio: ['ignore', fd, 'pipe'] as const });
      let stderr = '';
      child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
      let peak = 0;
      const poll = !peakMemory
        ? undefined
        : setInterval(() => {
            try {
              const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
              if (m) peak = Math.max(peak, Number(m[1]) * 1024);
            } catch {
              // gone already
            }
          }, 5);
      child.on('error', reject);
      child.on('close', (status) => {
        const seconds = Number(process.hrtime.bigint() - start) / 1e9;
        clearInterval(poll);
        out.close();
        if (status !== 0) reject(new Error(`${argv.join(' ')} exited ${status}: ${stderr}`));
        else resolve({ seconds, peakRss: peak, stderr });
      });
    });
  });
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

type Side = () => Promise<{ run: Run; outputBytes: number }>;

/** Alternates the sides `runs` times (a, b, a, b, …) so drift in the machine hits both alike. */
async function compare(sides: readonly Side[], runs = RUNS): Promise<Array<{ seconds: number; outputBytes: number }>> {
  const times: number[][] = sides.map(() => []);
  const sizes = sides.map(() => 0);
  for (let r = 0; r < runs; r++) {
    for (const [i, side] of sides.entries()) {
      const { run: result, outputBytes } = await side();
      times[i]!.push(result.seconds);
      sizes[i] = outputBytes;
    }
  }
  return times.map((t, i) => ({ seconds: median(t), outputBytes: sizes[i]! }));
}

/** Median time `node` takes to start and do nothing (`node -e 0`) in `env`. */
async function nodeStartup(node: string, env: NodeJS.ProcessEnv): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) times.push((await run([node, '-e', '0'], join(WORK, 'node.out'), { env })).seconds);
  return median(times);
}

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 1)} MB`;
const sec = (s: number): string => `${s.toFixed(2)} s`;

/** The original pipeline for one log: awk to CSV, the template with its name filled in, gnuplot. */
function pipelineSide(reference: Reference, log: string, base: string): Side {
  const template = readFileSync(reference.template, 'utf8').replaceAll('%%NAME%%', base);
  writeFileSync(join(WORK, `${base}.gnuplot`), template);
  return async () => {
    const awk = await run(['mawk', '-f', reference.awkScript, log], join(WORK, `${base}.csv`));
    const plot = await run(['gnuplot', `${base}.gnuplot`], join(WORK, 'gnuplot.out'));
    return { run: { seconds: awk.seconds + plot.seconds, peakRss: 0, stderr: '' }, outputBytes: statSync(join(WORK, `${base}.svg`)).size };
  };
}

/**
 * Preloaded to run fmfi-plot as where resvg has no native build (FreeBSD): the build's
 * package cannot be found, and PNGs are drawn by resvg's WebAssembly build.
 */
const HIDE_NATIVE_RESVG = join(ROOT, 'test', 'helpers', 'hide-native-resvg.cjs');

function chartSide(node: string, log: string, format: 'svg' | 'png' | 'png-wasm'): Side {
  const dir = join(WORK, `ours-${format}`);
  const name = `${log.split('/').pop()!.replace(/\.log$/, '')}.${format === 'svg' ? 'svg' : 'png'}`;
  const preload = format === 'png-wasm' ? ['--require', HIDE_NATIVE_RESVG] : [];
  return async () => {
    const r = await run([node, ...preload, BIN, log, '--force', '--quiet', '-o', dir, '--format', format === 'svg' ? 'svg' : 'png'], join(WORK, 'chart.out'));
    return { run: r, outputBytes: statSync(join(dir, name)).size };
  };
}

/** The rows of the table: what, the pipeline's side, fmfi-plot's side, the ratio, the target, the output. */
type Row = [string, string, string, string, string, string];

const times = (theirs: number, ours: number): string => `**${(theirs / ours).toFixed(1)}×**`;

/** Whether two files hold the same bytes (`cmp`: outputs of hundreds of megabytes are not read into memory). */
function sameFile(a: string, b: string): boolean {
  return spawnSync('cmp', ['-s', a, b]).status === 0;
}

/** The sizes of the files in `dir` whose names end in `ext`, added up. */
function bytesIn(dir: string, ext: string): number {
  return readdirSync(dir).filter((f) => f.endsWith(ext)).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
}

/** A CSV pair: mawk and `fmfi-plot csv` on one log, alternating `runs` times; the output compared. */
async function csvRow(reference: Reference, node: string, log: string, label: string, target: string, runs = RUNS): Promise<Row> {
  const theirsOut = join(WORK, 'awk.csv');
  const oursOut = join(WORK, 'ours.csv');
  const [theirs, ours] = await compare(
    [
      async () => ({ run: await run(['mawk', '-f', reference.awkScript, log], theirsOut), outputBytes: statSync(theirsOut).size }),
      async () => ({ run: await run([node, BIN, 'csv', log], oursOut), outputBytes: statSync(oursOut).size }),
    ],
    runs,
  );
  const same = sameFile(theirsOut, oursOut);
  rmSync(theirsOut, { force: true });
  rmSync(oursOut, { force: true });
  return [`CSV, ${label} (${mb(statSync(log).size)})`, `mawk ${sec(theirs!.seconds)}`, `fmfi-plot csv ${sec(ours!.seconds)}`,
    times(theirs!.seconds, ours!.seconds), target, `${mb(ours!.outputBytes)}${same ? ', identical' : ', DIFFERENT'}`];
}

/** A chart pair: mawk + gnuplot and `fmfi-plot` (SVG, and PNG unless `svgOnly`) on one log. */
async function chartRows(reference: Reference, node: string, log: string, label: string, target: string, svgOnly = false): Promise<Row[]> {
  const base = log.split('/').pop()!.replace(/\.log$/, '');
  const sides = [pipelineSide(reference, log, base), chartSide(node, log, 'svg'), ...(svgOnly ? [] : [chartSide(node, log, 'png'), chartSide(node, log, 'png-wasm')])];
  const [theirs, svg, png, wasm] = await compare(sides);
  rmSync(join(WORK, `${base}.csv`), { force: true });
  rmSync(join(WORK, `${base}.svg`), { force: true });
  const rows: Row[] = [[`chart, ${label}`, `mawk + gnuplot ${sec(theirs!.seconds)} (SVG ${mb(theirs!.outputBytes)})`,
    `fmfi-plot ${sec(svg!.seconds)}`, times(theirs!.seconds, svg!.seconds), target, `SVG ${mb(svg!.outputBytes)}`]];
  if (png !== undefined) {
    rows.push([`chart as PNG, ${label}`, '', `fmfi-plot --format png ${sec(png.seconds)}`, times(theirs!.seconds, png.seconds), '', `PNG ${mb(png.outputBytes)}`]);
  }
  if (png !== undefined && wasm !== undefined) {
    rows.push([`chart as PNG without resvg's native build (FreeBSD), ${label}`, '', `fmfi-plot --format png ${sec(wasm.seconds)}`, times(theirs!.seconds, wasm.seconds),
      '', `PNG ${mb(wasm.outputBytes)}, ${(wasm.seconds / png.seconds).toFixed(1)}× the native build's time`]);
  }
  return rows;
}

/**
 * The batch pair: render-all.sh in a folder of the logs (with `awk` being mawk, the faster
 * awk, as in the other pairs), and `fmfi-plot LOG... -o DIR` into an empty folder.
 */
async function batchRow(reference: Reference, node: string, logs: readonly string[], label: string): Promise<{ row: Row; pipelineSeconds: number }> {
  const shim = join(WORK, 'awk-is-mawk');
  mkdirSync(shim, { recursive: true });
  rmSync(join(shim, 'awk'), { force: true });
  symlinkSync(which('mawk')!, join(shim, 'awk'));
  const env = { ...CHILD_ENV, PATH: `${shim}:${process.env.PATH ?? ''}` };
  const theirsDir = join(WORK, 'batch-pipeline');
  const oursDir = join(WORK, 'batch-ours');
  const fresh = (dir: string): void => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
  };
  const [theirs, ours] = await compare(
    [
      async () => {
        fresh(theirsDir);
        for (const log of logs) symlinkSync(log, join(theirsDir, basename(log)));
        const r = await run(['sh', reference.renderAll], join(WORK, 'render-all.out'), { cwd: theirsDir, env });
        return { run: r, outputBytes: bytesIn(theirsDir, '.svg') };
      },
      async () => {
        rmSync(oursDir, { recursive: true, force: true });
        const r = await run([node, BIN, ...logs, '-o', oursDir, '--quiet'], join(WORK, 'batch.out'));
        return { run: r, outputBytes: bytesIn(oursDir, '.svg') };
      },
    ],
    LONG_RUNS,
  );
  const svgs = readdirSync(oursDir).filter((f) => f.endsWith('.svg')).length;
  if (svgs !== logs.length) throw new Error(`the batch made ${svgs} charts of ${logs.length} logs`);
  const row: Row = [`batch, ${label}, into an empty folder`, `render-all.sh ${sec(theirs!.seconds)} (SVG ${mb(theirs!.outputBytes)})`,
    `fmfi-plot ${sec(ours!.seconds)}`, times(theirs!.seconds, ours!.seconds), '≥ 5×', `SVG ${mb(ours!.outputBytes)}`];
  return { row, pipelineSeconds: theirs!.seconds };
}

/**
 * What the cron job's run after each reboot does: the batch's folder holds the charts and
 * the page of every window but the newest, whose log is new. fmfi-plot draws its chart and
 * the page again (with the comparison of the most recent windows), and reads no other log.
 * The pipeline has no such run: render-all.sh draws every window again, as in the batch
 * pair (`pipelineSeconds`, its median there; null: not run).
 */
async function afterRebootRow(node: string, logs: readonly string[], label: string, pipelineSeconds: number | null): Promise<Row> {
  const dir = join(WORK, 'after-reboot');
  const older = logs.slice(0, -1);
  const newest = logs.at(-1)!;
  const chart = join(dir, `${basename(newest, '.log')}.svg`);
  rmSync(dir, { recursive: true, force: true });
  // The folder as the last run before the reboot left it: not timed.
  await run([node, BIN, ...older, '-o', dir, '--quiet'], join(WORK, 'after-reboot.out'));
  const kept = join(WORK, 'after-reboot-page');
  mkdirSync(kept, { recursive: true });
  for (const f of ['index.html', 'index.json']) copyFileSync(join(dir, f), join(kept, f));
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    rmSync(chart, { force: true });
    for (const f of ['index.html', 'index.json']) copyFileSync(join(kept, f), join(dir, f));
    const r = await run([node, BIN, ...logs, '-o', dir], join(WORK, 'after-reboot.out'));
    if (!r.stderr.includes(`1 rendered, ${older.length} up to date`)) throw new Error(`the run after a reboot did not draw one chart: ${r.stderr.trim()}`);
    runs.push(r.seconds);
  }
  const ours = median(runs);
  return [`batch after a reboot: 1 new window among ${label}`, pipelineSeconds === null ? '' : `render-all.sh ${sec(pipelineSeconds)} (every window again, as above)`,
    `fmfi-plot ${sec(ours)}`, pipelineSeconds === null ? '' : times(pipelineSeconds, ours), '', `its chart, and the page with its comparison`];
}

/** A rerun of the batch over logs whose charts are all up to date (made once, kept in the cache). */
async function rerunRow(node: string, logs: readonly string[], label: string): Promise<Row> {
  const dir = join(CACHE, 'rerun-charts');
  const args = [node, BIN, ...logs, '-o', dir];
  // Makes what is missing or stale (a first run, a new generator): not timed.
  await run(args, join(WORK, 'rerun.out'));
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await run(args, join(WORK, 'rerun.out'));
    if (!r.stderr.includes(`0 rendered, ${logs.length} up to date`)) throw new Error(`the rerun had something to do: ${r.stderr.trim()}`);
    runs.push(r.seconds);
  }
  return [`batch rerun with nothing to do, ${label}`, '', `fmfi-plot ${sec(median(runs))}`, '', '< 0.25 s', `0 of ${logs.length} charts redrawn`];
}

/** `fmfi-plot --version` against Node.js starting to do nothing, alternating (three times RUNS: each takes a few ms). */
async function versionRow(node: string): Promise<Row> {
  const [nothing, version] = await compare(
    [
      async () => ({ run: await run([node, '-e', '0'], join(WORK, 'node.out')), outputBytes: 0 }),
      async () => ({ run: await run([node, BIN, '--version'], join(WORK, 'version.out')), outputBytes: 0 }),
    ],
    3 * RUNS,
  );
  return ['start-up: `fmfi-plot --version`', `\`node -e 0\` ${ms(nothing!.seconds)}`, `fmfi-plot --version ${ms(version!.seconds)}`,
    `${(version!.seconds / nothing!.seconds).toFixed(2)}× as long`, '≤ 1.6× as long', ''];
}

const ms = (s: number): string => `${(s * 1000).toFixed(0)} ms`;

async function main(): Promise<void> {
  const { csvOnly, node } = benchOptions(process.argv.slice(2));
  const fmfiNode = nodeIdentity(node);
  const loadAtStart = loadavg()[0]!;
  mkdirSync(WORK, { recursive: true });
  // The logs people mostly have: one sample every five minutes (a week is 2,000 samples, a month 9,000).
  const typical = { intervalSeconds: 300 };
  const month = await cachedLog('vm_frag_20240301_0800.log', { samples: 10_000, seed: 400, start: '2024-03-01_08:05:00', ...typical });
  const long = await cachedLog('vm_frag_20240408_1005.log', { samples: 100_000, seed: 100 });
  const numa = await cachedLog('vm_frag_20240601_0900.log', { samples: 20_000, domains: 4, seed: 200 });
  const huge = await cachedLog('vm_frag_20230101_0000.log', { samples: 1_000_000, seed: 300 });
  const batch = csvOnly ? [] : await cachedBatch('batch-50', 50, { samples: 5_000, ...typical });
  const rerun = csvOnly ? [] : await cachedBatch('batch-1000', 1_000, { samples: 12, ...typical });
  const mawk = have('mawk');
  const gnuplot = have('gnuplot');
  const rows: Row[] = [];
  const notes: string[] = [];
  if (!REFERENCE.found) notes.push(`${REFERENCE.problem}: the pairs with the original pipeline are skipped (set FMFI_REFERENCE_DIR).`);
  const reference = REFERENCE.found ? REFERENCE.reference : null;
  const withMawk = reference !== null && mawk ? reference : null;
  const withGnuplot = withMawk !== null && gnuplot ? withMawk : null;
  if (reference !== null && !mawk) notes.push('mawk not found: the pairs with the pipeline are skipped (apt-get install mawk).');
  if (withMawk !== null && !gnuplot && !csvOnly) notes.push('gnuplot not found: the chart and batch pairs are skipped (apt-get install gnuplot-nox).');

  // 2. The logs people mostly have.
  if (withMawk !== null) rows.push(await csvRow(withMawk, node, month, '10,000 samples, 1 domain', '≥ 2×'));
  if (!csvOnly) {
    let pipelineSeconds: number | null = null;
    if (withGnuplot !== null) {
      rows.push(...(await chartRows(withGnuplot, node, month, '10,000 samples, 1 domain', '≥ 2×', true)));
      const batchPair = await batchRow(withGnuplot, node, batch, '50 windows of 5,000 samples');
      rows.push(batchPair.row);
      pipelineSeconds = batchPair.pipelineSeconds;
    }
    rows.push(await afterRebootRow(node, batch, '50 of 5,000 samples', pipelineSeconds));
    rows.push(await rerunRow(node, rerun, '1,000 windows'));
    rows.push(await versionRow(node));
  }
  // Long logs.
  for (const [label, log] of [['100,000 samples, 1 domain', long], ['20,000 samples, 4 domains', numa]] as const) {
    if (withMawk !== null) rows.push(await csvRow(withMawk, node, log, label, '≥ 5×'));
    if (!csvOnly && withGnuplot !== null) rows.push(...(await chartRows(withGnuplot, node, log, label, '≥ 5×')));
  }
  if (withMawk !== null) rows.push(await csvRow(withMawk, node, huge, '1,000,000 samples, 1 domain', '≥ 12×', LONG_RUNS));

  // 3.
  const hugeSize = mb(statSync(huge).size);
  const monthMem = await run([node, BIN, 'csv', month], join(WORK, 'month.csv'), { peakMemory: true });
  const csvMem = await run([node, BIN, 'csv', huge], join(WORK, 'huge.csv'), { peakMemory: true });
  rmSync(join(WORK, 'huge.csv'), { force: true });
  rows.push([`peak memory, 1,000,000 samples (${hugeSize})`, '', `fmfi-plot csv ${mb(csvMem.peakRss)} (${sec(csvMem.seconds)})`, '',
    '< 200 MB, flat', `${mb(monthMem.peakRss)} on 10,000 samples`]);
  if (!csvOnly) {
    const chartMem = await run([node, BIN, huge, '--force', '--quiet', '-o', join(WORK, 'huge')], join(WORK, 'chart.out'), { peakMemory: true });
    rows.push([`peak memory, 1,000,000 samples`, '', `fmfi-plot ${mb(chartMem.peakRss)} (${sec(chartMem.seconds)})`, '', '< 200 MB', '']);
    // stats keeps every value of every order to give exact quantiles: its memory is the one that grows with the log.
    const statsMem = await run([node, BIN, 'stats', huge], join(WORK, 'stats.out'), { peakMemory: true });
    rows.push([`stats, 1,000,000 samples, 1 domain`, '', `fmfi-plot stats ${sec(statsMem.seconds)}, ${mb(statsMem.peakRss)}`, '', '< 200 MB', '']);
    // metrics has no counterpart in the pipeline: its rows say its time and memory alone. The
    // history keeps its values in a temporary file until all are read (OpenMetrics wants each
    // series whole); --latest is what a cron job runs after every sample.
    const om = join(WORK, 'huge.om');
    const history = await run([node, BIN, 'metrics', '--utc', huge, '-o', om], join(WORK, 'metrics.out'), { peakMemory: true });
    const omSize = statSync(om).size;
    rmSync(om, { force: true });
    rows.push(['metrics (OpenMetrics history), 1,000,000 samples', 'no counterpart', `fmfi-plot metrics ${sec(history.seconds)}, peak ${mb(history.peakRss)}`, '', '< 200 MB', `${mb(omSize)} of OpenMetrics`]);
    const latest = await run([node, BIN, 'metrics', '--latest', '--utc', huge, '-o', join(WORK, 'huge.prom')], join(WORK, 'metrics.out'), { peakMemory: true });
    rows.push(['metrics --latest, 1,000,000 samples', 'no counterpart', `fmfi-plot metrics --latest ${sec(latest.seconds)}, peak ${mb(latest.peakRss)}`, '', '', `${statSync(join(WORK, 'huge.prom')).size} bytes`]);
  }

  if (!csvOnly) {
    // fmfi-plot compare: ten windows of 100,000 samples (the long log under ten labels), one chart.
    const out = join(WORK, 'compare.svg');
    const logs = Array.from({ length: 10 }, (_, i) => `window ${i + 1}=${long}`);
    const cmp = await run([node, BIN, 'compare', ...logs, '-o', out], join(WORK, 'compare.out'), { peakMemory: true });
    rows.push(['compare, 10 windows of 100,000 samples', '', `fmfi-plot compare ${sec(cmp.seconds)}, peak ${mb(cmp.peakRss)}`, '', '< 200 MB', `SVG ${mb(statSync(out).size)}`]);
    rmSync(out, { force: true });
  }

  // 4.
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  let startup = `Node.js alone starts in ${ms(await nodeStartup(node, CHILD_ENV))} (\`node -e 0\`)`;
  if (process.env.NODE_EXTRA_CA_CERTS !== undefined) {
    startup += `; ${ms(await nodeStartup(node, process.env))} with NODE_EXTRA_CA_CERTS, which is set here (Node.js 20 parses those certificates at every start; 22 and 24 do not), so both sides ran without it`;
  }
  const load = `load average (1 minute) ${loadAtStart.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end`;
  const where = node === process.execPath ? '' : ` (--node ${fmfiNode.path}; the bench itself on ${process.version})`;
  process.stdout.write(`fmfi-plot on Node.js ${fmfiNode.version}${where}, ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${load}; medians of ${RUNS} alternating runs (${LONG_RUNS} for the batch and 1,000,000 samples)\n`);
  process.stdout.write(`${startup}.\n\n`);
  process.stdout.write('| what | the pipeline | fmfi-plot | ratio | target | output |\n|---|---|---|---|---|---|\n');
  for (const r of rows) process.stdout.write(`| ${r.join(' | ')} |\n`);
  for (const n of notes) process.stdout.write(`\n${n}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
