// Batch mode: render every log whose chart is missing or out of date, in parallel, writing atomically.
//
//   1. the output folder: create it, clear what a killed run left
//   2. plan: pair logs with charts; a chart whose stamp matches its log and options is up to date
//   3. render the rest on the pool; write each chart as it arrives (temp file + rename)
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Failure, fileError, isFmfiError, Say } from '../errors.js';
import { displayName } from '../io/chunks.js';
import { writeFileAtomic } from '../io/sinks.js';
import { clearLeftovers } from '../io/temp.js';
import type { Reporter } from '../report.js';
import { assignOutputs, ensureDir } from './outputs.js';
import { runPool } from './pool.js';
import type { Progress } from './progress.js';
import { settingsKey, type RenderRequest, type RenderSettings } from './render-job.js';
import { readStamp, sameStamp, STAMP_HEAD_BYTES, type Stamp } from './stamp.js';

export interface BatchOptions {
  readonly outDir: string;
  /** The chart file of the one log (in `outDir`), instead of `<outDir>/<log name>.<format>`. */
  readonly outFile?: string;
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

async function readHead(path: string): Promise<Buffer | null> {
  try {
    const handle = await open(path, 'r');
    try {
      const head = Buffer.alloc(STAMP_HEAD_BYTES);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      return head.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
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
  const { assigned, refused } = assignOutputs(inputs, options.outDir, options.settings.format, options.outFile);
  for (const r of refused) fail(r.message);
  const optionsKey = settingsKey(options.settings);
  const jobs: Job[] = [];
  for (const { input, output } of assigned) {
    if (input === '-') {
      jobs.push({ input, output, size: 0, stamp: null });
      continue;
    }
    const st = await stat(input).catch((e: unknown) => e as NodeJS.ErrnoException);
    if (st instanceof Error) {
      fail(fileError(input, st, 'read').message);
      continue;
    }
    if (st.isDirectory()) {
      fail(Failure.INPUT_IS_DIRECTORY(input));
      continue;
    }
    const stamp: Stamp = { version: options.version, options: optionsKey, logSize: st.size, logMtimeMs: st.mtimeMs };
    if (!options.force) {
      const head = await readHead(output);
      const made = head === null ? null : readStamp(head);
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
    start: (i) => progress.begin(i, basename(displayName(jobs[i]!.input)), jobs[i]!.size),
    progress: (i, bytes) => progress.advance(i, bytes),
    done: async (i, outcome) => {
      const job = jobs[i]!;
      const file = displayName(job.input);
      for (const d of outcome.diagnostics) reporter.diagnostic(d);
      reporter.endFile(file, outcome.hiddenWarnings);
      if (outcome.kind === 'chart') {
        try {
          await writeFileAtomic(job.output, outcome.data);
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
