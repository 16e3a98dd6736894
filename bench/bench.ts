// `npm run bench`: fmfi-plot side by side with the awk + gnuplot pipeline it replaces, in one run.
//
//   1. logs: generated deterministically, cached in .cache/bench between runs (and made
//      again when the options or the generator change)
//   2. timings: each pair alternates its two sides, RUNS times, and reports medians (the
//      PNG also as drawn where resvg has no native build, by its WebAssembly build)
//   3. memory: peak resident memory of fmfi-plot on a 1,000,000-sample log, and of compare on ten windows
//   4. a markdown table on stdout
//
// `npm run bench -- --only csv` measures the CSV rows only (no chart, no gnuplot needed).
// `npm run bench -- --node PATH` runs fmfi-plot (and the start-up line) under that node, such
// as another Node.js version; the bench itself runs on the one npm runs.
// BENCH_RUNS=n sets the number of runs of each side (default 5).
//
// Both sides run without NODE_EXTRA_CA_CERTS: where it is set, Node.js 20 reads and
// parses that certificate file at every start, before any code of ours runs (fmfi-plot
// never opens a TLS connection, and a cron job's environment does not have it; 22 and 24
// no longer pay it at start). The line above the table says what it costs here when set.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateSamples, type GenerateOptions } from '../fixtures/generate.js';
import { locateReference, type Reference } from '../fixtures/reference.js';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'fmfi-plot.js');
// The original pipeline: FMFI_REFERENCE_DIR, else ../shared/reference; without it the pairs are skipped.
const REFERENCE = locateReference(ROOT);
const CACHE = join(ROOT, '.cache', 'bench');
const WORK = join(CACHE, 'work');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
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
async function cachedLog(name: string, options: GenerateOptions): Promise<string> {
  const path = join(CACHE, name);
  const generator = createHash('sha256').update(readFileSync(GENERATOR)).digest('hex');
  const key = JSON.stringify({ options, generator });
  const keyPath = `${path}.options`;
  if (existsSync(path) && existsSync(keyPath) && readFileSync(keyPath, 'utf8') === key) return path;
  process.stderr.write(`generating ${name} (cached for later runs)…\n`);
  const out = createWriteStream(`${path}.partial`);
  for (const s of generateSamples(options)) if (!out.write(s)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((r) => out.end(() => r()));
  renameSync(`${path}.partial`, path);
  writeFileSync(keyPath, key);
  return path;
}

// 2.
interface Run {
  readonly seconds: number;
  /** Peak resident memory in bytes (VmHWM, read from /proc while it ran); 0 when not asked for. */
  readonly peakRss: number;
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
        else resolve({ seconds, peakRss: peak });
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

/** Alternates the sides RUNS times (a, b, a, b, …) so drift in the machine hits both alike. */
async function compare(sides: readonly Side[]): Promise<Array<{ seconds: number; outputBytes: number }>> {
  const times: number[][] = sides.map(() => []);
  const sizes = sides.map(() => 0);
  for (let r = 0; r < RUNS; r++) {
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
    return { run: { seconds: awk.seconds + plot.seconds, peakRss: 0 }, outputBytes: statSync(join(WORK, `${base}.svg`)).size };
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

async function main(): Promise<void> {
  const { csvOnly, node } = benchOptions(process.argv.slice(2));
  const fmfiNode = nodeIdentity(node);
  mkdirSync(WORK, { recursive: true });
  const long = await cachedLog('vm_frag_20240408_1005.log', { samples: 100_000, seed: 100 });
  const numa = await cachedLog('vm_frag_20240601_0900.log', { samples: 20_000, domains: 4, seed: 200 });
  const huge = await cachedLog('vm_frag_20230101_0000.log', { samples: 1_000_000, seed: 300 });
  const mawk = have('mawk');
  const gnuplot = have('gnuplot');
  const rows: string[][] = [];
  const notes: string[] = [];
  if (!REFERENCE.found) notes.push(`${REFERENCE.problem}: the pairs with the original pipeline are skipped (set FMFI_REFERENCE_DIR).`);
  const reference = REFERENCE.found ? REFERENCE.reference : null;

  for (const [label, log] of [['100,000 samples, 1 domain', long], ['20,000 samples, 4 domains', numa]] as const) {
    const size = mb(statSync(log).size);
    if (reference !== null && mawk) {
      const csvOut = join(WORK, 'ours.csv');
      const [theirs, ours] = await compare([
        async () => {
          const r = await run(['mawk', '-f', reference.awkScript, log], join(WORK, 'awk.csv'));
          return { run: r, outputBytes: statSync(join(WORK, 'awk.csv')).size };
        },
        async () => {
          const r = await run([node, BIN, 'csv', log], csvOut);
          return { run: r, outputBytes: statSync(csvOut).size };
        },
      ]);
      const same = readFileSync(join(WORK, 'awk.csv')).equals(readFileSync(csvOut));
      rows.push([`CSV, ${label} (${size})`, `mawk ${sec(theirs!.seconds)}`, `fmfi-plot csv ${sec(ours!.seconds)}`,
        `**${(theirs!.seconds / ours!.seconds).toFixed(1)}×**`, `${mb(ours!.outputBytes)}${same ? ', identical' : ', DIFFERENT'}`]);
    } else if (reference !== null) {
      notes.push('mawk not found: the CSV pair is skipped (apt-get install mawk).');
    }
    if (csvOnly) continue;
    if (reference !== null && mawk && gnuplot) {
      const base = log.split('/').pop()!.replace(/\.log$/, '');
      const [theirs, svg, png, wasm] = await compare([
        pipelineSide(reference, log, base),
        chartSide(node, log, 'svg'),
        chartSide(node, log, 'png'),
        chartSide(node, log, 'png-wasm'),
      ]);
      rows.push([`chart, ${label}`, `mawk + gnuplot ${sec(theirs!.seconds)} (SVG ${mb(theirs!.outputBytes)})`,
        `fmfi-plot ${sec(svg!.seconds)}`, `**${(theirs!.seconds / svg!.seconds).toFixed(1)}×**`, `SVG ${mb(svg!.outputBytes)}`]);
      rows.push([`chart as PNG, ${label}`, '', `fmfi-plot --format png ${sec(png!.seconds)}`,
        `**${(theirs!.seconds / png!.seconds).toFixed(1)}×**`, `PNG ${mb(png!.outputBytes)}`]);
      rows.push([`chart as PNG without resvg's native build (FreeBSD), ${label}`, '', `fmfi-plot --format png ${sec(wasm!.seconds)}`,
        `**${(theirs!.seconds / wasm!.seconds).toFixed(1)}×**`, `PNG ${mb(wasm!.outputBytes)}, ${(wasm!.seconds / png!.seconds).toFixed(1)}× the native build's time`]);
      rmSync(join(WORK, `${base}.csv`), { force: true });
      rmSync(join(WORK, `${base}.svg`), { force: true });
    } else if (reference !== null) {
      notes.push('mawk or gnuplot not found: the chart pair is skipped (apt-get install mawk gnuplot-nox).');
    }
  }

  // 3.
  const hugeSize = mb(statSync(huge).size);
  const csvMem = await run([node, BIN, 'csv', huge], join(WORK, 'huge.csv'), { peakMemory: true });
  rmSync(join(WORK, 'huge.csv'), { force: true });
  rows.push([`peak memory, 1,000,000 samples (${hugeSize})`, '', `fmfi-plot csv ${mb(csvMem.peakRss)} (${sec(csvMem.seconds)})`, '', 'target < 200 MB']);
  if (!csvOnly) {
    const chartMem = await run([node, BIN, huge, '--force', '--quiet', '-o', join(WORK, 'huge')], join(WORK, 'chart.out'), { peakMemory: true });
    rows.push([`peak memory, 1,000,000 samples`, '', `fmfi-plot ${mb(chartMem.peakRss)} (${sec(chartMem.seconds)})`, '', 'target < 200 MB']);
    // stats keeps every value of every order to give exact quantiles: its memory is the one that grows with the log.
    const statsMem = await run([node, BIN, 'stats', huge], join(WORK, 'stats.out'), { peakMemory: true });
    rows.push([`stats, 1,000,000 samples, 1 domain`, '', `fmfi-plot stats ${sec(statsMem.seconds)}, ${mb(statsMem.peakRss)}`, '', 'target < 200 MB']);
  }

  if (!csvOnly) {
    // fmfi-plot compare: ten windows of 100,000 samples (the long log under ten labels), one chart.
    const out = join(WORK, 'compare.svg');
    const logs = Array.from({ length: 10 }, (_, i) => `window ${i + 1}=${long}`);
    const cmp = await run([node, BIN, 'compare', ...logs, '-o', out], join(WORK, 'compare.out'), { peakMemory: true });
    rows.push(['compare, 10 windows of 100,000 samples', '', `fmfi-plot compare ${sec(cmp.seconds)}, peak ${mb(cmp.peakRss)}`, '', `SVG ${mb(statSync(out).size)}`]);
    rmSync(out, { force: true });
  }

  // 4.
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const ms = (s: number): string => `${(s * 1000).toFixed(0)} ms`;
  let startup = `Node.js alone starts in ${ms(await nodeStartup(node, CHILD_ENV))} (\`node -e 0\`)`;
  if (process.env.NODE_EXTRA_CA_CERTS !== undefined) {
    startup += `; ${ms(await nodeStartup(node, process.env))} with NODE_EXTRA_CA_CERTS, which is set here (Node.js 20 parses those certificates at every start; 22 and 24 do not), so both sides ran without it`;
  }
  const where = node === process.execPath ? '' : ` (--node ${fmfiNode.path}; the bench itself on ${process.version})`;
  process.stdout.write(`fmfi-plot on Node.js ${fmfiNode.version}${where}, ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; medians of ${RUNS} alternating runs\n`);
  process.stdout.write(`${startup}.\n\n`);
  process.stdout.write('| what | the pipeline | fmfi-plot | ratio | output |\n|---|---|---|---|---|\n');
  for (const r of rows) process.stdout.write(`| ${r.join(' | ')} |\n`);
  for (const n of notes) process.stdout.write(`\n${n}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
