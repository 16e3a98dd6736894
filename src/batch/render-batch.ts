// Batch mode: render every log whose chart is missing or out of date, in parallel, writing atomically.
//
//   1. the output folder: create it, clear what a killed run left
//   2. plan: pair logs with charts; a chart whose stamp matches its log and options is up to date,
//      and so is a window's digest for the index page whose stamp matches
//   3. render the rest on the pool (an up-to-date chart whose digest is not: read for the digest
//      only); write each chart as it arrives (temp file + rename)
//   4. the index page, from the digests (see index-page.ts)
import { availableParallelism, loadavg } from 'node:os';
import { basename } from 'node:path';
import { escapeName, Failure, isFmfiError, Say, Warn } from '../errors.js';
import { displayName } from '../io/chunks.js';
import { InputSet } from '../io/guard.js';
import { checkInputSync, inputFile, lstatOrNull } from '../io/places.js';
import { writeFileAtomic } from '../io/sinks.js';
import { clearLeftovers } from '../io/temp.js';
import { madeChart } from './made.js';
import type { Reporter } from '../report.js';
import { pictureSize, WindowsLost } from './index-data.js';
import { IndexUpdate, type PageOptions } from './index-page.js';
import { assignOutputs, ensureDir } from './outputs.js';
import type { WindowDigest } from './digest.js';
import type { Progress } from './progress.js';
import type { RenderRequest } from './render-job.js';
import { settingsKey, type RenderSettings } from './settings.js';
import { sameStamp, STAMP_HEAD_BYTES, type Stamp } from './stamp.js';

export interface BatchOptions {
  readonly outDir: string;
  /** The chart file of the one log (in `outDir`), instead of `<outDir>/<log name>.<format>`. */
  readonly outFile?: string;
  readonly settings: RenderSettings;
  /** Render even what is up to date. */
  readonly force: boolean;
  /** Logs rendered at once: a number, or null to choose from the size of the logs and the cores the machine's load leaves free. */
  readonly jobs: number | null;
  readonly version: string;
  /** The index page of the folder; null leaves it alone (--no-index). */
  readonly page: Omit<PageOptions, 'rewrite'> | null;
  /** --strict: a chart found up to date whose log gave warnings says so, as a warning. */
  readonly strict?: boolean;
}

export interface BatchSummary {
  rendered: number;
  upToDate: number;
  withoutSamples: number;
  failed: number;
}

export function formatSummary(s: BatchSummary): string {
  return Say.BATCH_SUMMARY(s.rendered, s.upToDate, s.withoutSamples, s.failed);
}

interface Job {
  readonly input: string;
  readonly output: string;
  readonly size: number;
  readonly stamp: Stamp | null;
  /** False: the chart is up to date, the log is read for its digest only. */
  readonly draw: boolean;
  readonly digest: boolean;
  /** The first bytes of the chart there, if any. */
  readonly head: Buffer | null;
}

export async function renderBatch(
  inputs: readonly string[],
  options: BatchOptions,
  reporter: Reporter,
  progress: Progress,
): Promise<BatchSummary> {
  const summary: BatchSummary = { rendered: 0, upToDate: 0, withoutSamples: 0, failed: 0 };
  const fail = (message: string): void => {
    summary.failed++;
    reporter.error(message);
  };

  // 1.
  await ensureDir(options.outDir);
  await clearLeftovers(options.outDir);

  // 2.
  const { assigned, refused } = assignOutputs(inputs, options.outDir, options.settings.format, options.outFile);
  for (const r of refused) fail(r.message);
  const index = options.page === null ? null : await IndexUpdate.open(options.outDir, options.version);
  const optionsKey = settingsKey(options.settings);
  // Every chart is checked against every log, however either is reached.
  const guard = await InputSet.of(inputs);
  const jobs: Job[] = [];
  /** Up to date, digest and all: not read, unless index.json's windows are lost by the end (step 4). */
  const kept: Array<Pick<Job, 'input' | 'output' | 'size' | 'stamp'>> = [];
  const headBuffer = Buffer.allocUnsafe(STAMP_HEAD_BYTES);
  for (const { input, output } of assigned) {
    const chartName = basename(output);
    // A FIFO, socket or device among the logs could hold the batch up for ever: skipped.
    let st;
    try {
      const known = guard.statOf(input);
      st = known === undefined ? checkInputSync(input) : inputFile(input, known);
    } catch (e) {
      if (!isFmfiError(e)) throw e;
      fail(e.message);
      continue;
    }
    // One lstat of the chart's path for both looks at it.
    const entry = lstatOrNull(output);
    if (guard.holdsFile(output, entry)) {
      fail(Failure.OUTPUT_IS_INPUT(output));
      continue;
    }
    if (st === null) {
      // A stream: standard input or a process substitution, read as it comes.
      jobs.push({ input, output, size: 0, stamp: null, draw: true, digest: index !== null, head: null });
      continue;
    }
    const stamp: Stamp = { version: options.version, options: optionsKey, logSize: st.size, logMtimeMs: st.mtimeMs };
    // Only a whole chart this tool wrote counts, never what a link at its path points to. Its
    // stamp is read from it unless index.json knows the very file (--strict wants the
    // warnings of the chart's own stamp).
    let made: Stamp | null = null;
    let head: Buffer | null = null;
    if (!options.force) {
      made = options.strict === true ? null : (index?.stampOf(chartName, entry) ?? null);
      if (made === null) {
        const chart = madeChart(output, headBuffer, entry);
        made = chart?.stamp ?? null;
        head = chart?.head ?? null;
      }
    }
    const draw = made === null || !sameStamp(made, stamp);
    const digest = index !== null && !index.isFresh(chartName, stamp);
    if (!draw) {
      summary.upToDate++;
      const warnings = made?.warnings ?? 0;
      if (options.strict === true && warnings > 0) {
        const message = Warn.STAMPED_WARNINGS(output, warnings);
        reporter.diagnostic({ code: 'STAMPED_WARNINGS', severity: 'warning', file: displayName(input), line: 0, message });
        reporter.endFile(displayName(input));
      }
      if (!digest) {
        index?.keep(chartName, input, entry);
        kept.push({ input, output, size: st.size, stamp });
        continue;
      }
    }
    // The head buffer is reused for every chart: a job keeps a copy (its picture size, for the page).
    jobs.push({ input, output, size: st.size, stamp, draw, digest, head: head === null ? null : Buffer.from(head) });
  }

  // 3.
  await runJobs(jobs, options, reporter, progress, summary, fail, index);

  // 4.
  if (index !== null && options.page !== null) {
    try {
      try {
        await index.finish({ ...options.page, rewrite: false }, inputs);
      } catch (e) {
        if (!(e instanceof WindowsLost)) throw e;
        // index.json was replaced or damaged since its refs were read: the digests it was to
        // give are read from the logs, as for a folder without one.
        const lost = new Set(index.forgetStored());
        const again: Job[] = [];
        // The charts kept as they were, and those drawn again whose digest was fresh.
        for (const k of [...kept, ...jobs]) {
          if (!lost.has(basename(k.output))) continue;
          const chart = madeChart(k.output, headBuffer);
          again.push({ ...k, draw: false, digest: true, head: chart === null ? null : Buffer.from(chart.head) });
        }
        await runJobs(again, options, reporter, progress, summary, fail, index);
        await index.finish({ ...options.page, rewrite: false }, inputs);
      }
    } catch (e) {
      if (!isFmfiError(e)) throw e;
      fail(e.message);
    }
  }
  return summary;
}

/** Step 3: renders and reads the jobs on the pool, writing each chart and recording each digest as it arrives. */
async function runJobs(
  jobs: readonly Job[],
  options: BatchOptions,
  reporter: Reporter,
  progress: Progress,
  summary: BatchSummary,
  fail: (message: string) => void,
  index: IndexUpdate | null,
): Promise<void> {
  if (jobs.length === 0) return;
  progress.expect(jobs.length);
  // Loaded only now: a rerun with nothing to do neither reads nor draws.
  const { runPool, threadsFor } = require('./pool.js') as typeof import('./pool.js');
  const requests: RenderRequest[] = jobs.map((j) => ({ input: j.input, settings: options.settings, stamp: j.stamp, draw: j.draw, digest: j.digest }));
  const threads = options.jobs ?? threadsFor(jobs.map((j) => j.size), availableParallelism(), loadavg()[0]);
  await runPool(requests, threads, {
    // Names only: the folder is the same for all, and the line is one terminal row.
    start: (i) => progress.begin(i, escapeName(basename(displayName(jobs[i]!.input))), jobs[i]!.size),
    progress: (i, bytes) => progress.advance(i, bytes),
    done: async (i, outcome) => {
      const job = jobs[i]!;
      const chart = basename(job.output);
      // A log read for its digest only said all this when its chart was made.
      if (job.draw) {
        for (const d of outcome.diagnostics) reporter.diagnostic(d);
        reporter.endFile(displayName(job.input), outcome.hiddenWarnings);
      }
      const record = (head: Uint8Array | null, digest: WindowDigest): void => {
        const size = head === null ? null : pictureSize(head);
        if (size !== null) index?.record(chart, job.input, { stamp: job.stamp, ...size }, digest, outcome.diagnostics, outcome.hiddenWarnings);
      };
      if (outcome.kind === 'chart') {
        try {
          await writeFileAtomic(job.output, outcome.data, { role: options.outFile === undefined ? 'derived' : 'named' });
          summary.rendered++;
          if (outcome.digest === null) index?.keep(chart, job.input);
          else record(outcome.data.subarray(0, STAMP_HEAD_BYTES), outcome.digest);
        } catch (e) {
          if (!isFmfiError(e)) throw e;
          fail(e.message);
        }
      } else if (outcome.kind === 'digest') {
        record(job.head, outcome.digest);
      } else if (outcome.kind === 'empty') {
        if (job.draw) summary.withoutSamples++;
      } else {
        fail(outcome.message);
      }
      progress.finish(i);
    },
  });
}
