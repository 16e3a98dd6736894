// Batch mode: render every log whose chart is missing or out of date, in parallel, writing atomically.
//
//   1. the output folder: create it, clear what a killed run left
//   2. plan: pair logs with charts; a chart whose stamp matches its log and options is up to date
//   3. render the rest on the pool; write each chart as it arrives (temp file + rename)
import { basename } from 'node:path';
import { escapeName, Failure, isFmfiError, Say } from '../errors.js';
import { displayName } from '../io/chunks.js';
import { InputSet } from '../io/guard.js';
import { checkInput } from '../io/places.js';
import { writeFileAtomic } from '../io/sinks.js';
import { clearLeftovers } from '../io/temp.js';
import { madeStamp } from './made.js';
import type { Reporter } from '../report.js';
import { assignOutputs, ensureDir } from './outputs.js';
import { runPool } from './pool.js';
import type { Progress } from './progress.js';
import { settingsKey, type RenderRequest, type RenderSettings } from './render-job.js';
import { sameStamp, type Stamp } from './stamp.js';

export interface BatchOptions {
  readonly outDir: string;
  readonly settings: RenderSettings;
  /** Render even what is up to date. */
  readonly force: boolean;
  readonly jobs: number;
  readonly version: string;
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
  const { assigned, refused } = assignOutputs(inputs, options.outDir, options.settings.format);
  for (const r of refused) fail(r.message);
  const optionsKey = settingsKey(options.settings);
  // Every chart is checked against every log, however either is reached.
  const guard = await InputSet.of(inputs);
  const jobs: Job[] = [];
  for (const { input, output } of assigned) {
    // A FIFO, socket or device among the logs could hold the batch up for ever: skipped.
    let st;
    try {
      st = await checkInput(input);
    } catch (e) {
      if (!isFmfiError(e)) throw e;
      fail(e.message);
      continue;
    }
    if (await guard.holds(output)) {
      fail(Failure.OUTPUT_IS_INPUT(output));
      continue;
    }
    if (st === null) {
      // A stream: standard input or a process substitution, read as it comes.
      jobs.push({ input, output, size: 0, stamp: null });
      continue;
    }
    const stamp: Stamp = { version: options.version, options: optionsKey, logSize: st.size, logMtimeMs: st.mtimeMs };
    if (!options.force) {
      const made = await madeStamp(output);
      if (made !== null && sameStamp(made, stamp)) {
        summary.upToDate++;
        continue;
      }
    }
    jobs.push({ input, output, size: st.size, stamp });
  }

  // 3.
  const requests: RenderRequest[] = jobs.map((j) => ({ input: j.input, settings: options.settings, stamp: j.stamp }));
  await runPool(requests, options.jobs, {
    // Names only: the folder is the same for all, and the line is one terminal row.
    start: (i) => progress.begin(i, escapeName(basename(displayName(jobs[i]!.input))), jobs[i]!.size),
    progress: (i, bytes) => progress.advance(i, bytes),
    done: async (i, outcome) => {
      const job = jobs[i]!;
      const file = displayName(job.input);
      for (const d of outcome.diagnostics) reporter.diagnostic(d);
      reporter.endFile(file, outcome.hiddenWarnings);
      if (outcome.kind === 'chart') {
        try {
          await writeFileAtomic(job.output, outcome.data, { role: 'derived' });
          summary.rendered++;
        } catch (e) {
          if (!isFmfiError(e)) throw e;
          fail(e.message);
        }
      } else if (outcome.kind === 'empty') {
        summary.withoutSamples++;
      } else {
        fail(outcome.message);
      }
      progress.finish(i);
    },
  });
  return summary;
}
