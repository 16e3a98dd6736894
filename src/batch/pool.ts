// Runs render requests on up to N worker threads (inline when one suffices); results arrive as they finish.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { renderLog, type RenderOutcome, type RenderRequest } from './render-job.js';
import type { WorkerMessage, WorkerTask } from './worker.js';

export interface PoolEvents {
  start(index: number): void;
  progress(index: number, bytes: number): void;
  done(index: number, outcome: RenderOutcome): Promise<void> | void;
}

/** Renders every request; `events.done` runs for each, in completion order, one at a time. */
export async function runPool(requests: readonly RenderRequest[], jobs: number, events: PoolEvents): Promise<void> {
  const threads = Math.min(jobs, requests.length);
  if (threads <= 1) {
    // One at a time needs no thread: spare the start-up of a worker and a second Vega.
    for (const [index, request] of requests.entries()) {
      events.start(index);
      await events.done(index, await renderLog(request, (bytes) => events.progress(index, bytes)));
    }
    return;
  }
  let next = 0;
  // `done` may write files; chaining keeps its calls in order and one at a time.
  let reporting: Promise<void> = Promise.resolve();
  const workers = Array.from({ length: threads }, () => new Worker(join(__dirname, 'worker.js')));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const give = (): void => {
              if (next >= requests.length) {
                resolve();
                return;
              }
              const index = next++;
              events.start(index);
              worker.postMessage({ id: index, request: requests[index]! } satisfies WorkerTask);
            };
            worker.on('message', (m: WorkerMessage) => {
              if (m.type === 'progress') {
                events.progress(m.id, m.bytes);
                return;
              }
              reporting = reporting.then(() => events.done(m.id, m.outcome));
              reporting.then(give, reject);
            });
            worker.on('error', reject);
            give();
          }),
      ),
    );
    await reporting;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
