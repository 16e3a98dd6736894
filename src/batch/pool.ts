// Renders requests on this thread and up to N - 1 worker threads (on this one alone when that suffices); results arrive as they finish.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { renderLog, type RenderOutcome, type RenderRequest } from './render-job.js';
import type { WorkerMessage, WorkerTask } from './worker.js';

export interface PoolEvents {
  start(index: number): void;
  progress(index: number, bytes: number): void;
  done(index: number, outcome: RenderOutcome): Promise<void> | void;
}

// What a thread costs and what it does, in milliseconds of a 2-core machine (`npm run bench`):
// a worker starts a thread of Node.js, loads fmfi-plot and a Vega of its own, and compiles
// its hot code anew (V8 optimises per thread); a warm thread draws a chart, and reads a
// megabyte of log, in about this.
const WORKER_START_MS = 300;
const CHART_MS = 40;
const MS_PER_MB = 6;

/**
 * How many threads to render logs of these sizes (bytes) on: one more thread only for
 * work that pays for starting it, so that a few small logs stay on this thread, and no
 * more than the cores the machine's load leaves free (`load`: the load average of the last
 * minute). On two busy cores, two threads for 50 logs of 5,000 samples took a third
 * longer than one, a third more CPU time and half as much memory again.
 */
export function threadsFor(sizes: readonly number[], cores: number, load = 0): number {
  let work = 0;
  for (const bytes of sizes) work += CHART_MS + (bytes / 1e6) * MS_PER_MB;
  const free = Math.ceil(cores - load);
  return Math.max(1, Math.min(cores, free, sizes.length, Math.floor(work / (2 * WORKER_START_MS))));
}

/**
 * Renders every request on `threads` threads: this one, and `threads - 1` workers.
 * `events.done` runs for each, in completion order, one at a time.
 */
export async function runPool(requests: readonly RenderRequest[], threads: number, events: PoolEvents): Promise<void> {
  let next = 0;
  // `done` may write files; chaining keeps its calls in order and one at a time.
  let reporting: Promise<void> = Promise.resolve();
  const report = (index: number, outcome: RenderOutcome): Promise<void> => (reporting = reporting.then(() => events.done(index, outcome)));
  const take = (): number | null => (next < requests.length ? next++ : null);

  /** This thread's share: the next request whenever it is free, without a worker's start-up and second Vega. */
  const here = async (): Promise<void> => {
    for (let index = take(); index !== null; index = take()) {
      const i = index;
      events.start(i);
      await report(i, await renderLog(requests[i]!, (bytes) => events.progress(i, bytes)));
    }
  };

  const count = Math.min(threads, requests.length) - 1;
  const workers = Array.from({ length: Math.max(0, count) }, () => new Worker(join(__dirname, 'worker.js')));
  try {
    await Promise.all([
      here(),
      ...workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            // A worker has the next request queued while it renders one: this thread, busy
            // rendering too, may take a while to hear that a worker is done.
            let queued = 0;
            const give = (): void => {
              const index = take();
              if (index === null) {
                if (queued === 0) resolve();
                return;
              }
              queued++;
              worker.postMessage({ id: index, request: requests[index]! } satisfies WorkerTask);
            };
            worker.on('message', (m: WorkerMessage) => {
              if (m.type === 'start') return events.start(m.id);
              if (m.type === 'progress') return events.progress(m.id, m.bytes);
              queued--;
              report(m.id, m.outcome).then(give, reject);
            });
            worker.on('error', reject);
            give();
            give();
          }),
      ),
    ]);
    await reporting;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
