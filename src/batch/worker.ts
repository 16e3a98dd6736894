// A worker thread of the batch pool: renders the logs it is sent, one at a time, in the order sent.
import { parentPort } from 'node:worker_threads';
import { bugMessage } from '../errors.js';
import { renderLog, type RenderRequest } from './render-job.js';

export interface WorkerTask {
  readonly id: number;
  readonly request: RenderRequest;
}

export type WorkerMessage =
  | { readonly type: 'start'; readonly id: number }
  | { readonly type: 'progress'; readonly id: number; readonly bytes: number }
  | { readonly type: 'done'; readonly id: number; readonly outcome: Awaited<ReturnType<typeof renderLog>> };

const port = parentPort;
if (port === null) throw new Error('worker.ts runs only as a worker thread');

async function render(task: WorkerTask): Promise<void> {
  let outcome: Awaited<ReturnType<typeof renderLog>>;
  port!.postMessage({ type: 'start', id: task.id } satisfies WorkerMessage);
  try {
    outcome = await renderLog(task.request, (bytes) => port!.postMessage({ type: 'progress', id: task.id, bytes }));
  } catch (e) {
    // A bug, not bad input: report it for this log and keep the pool going.
    const message = `${task.request.input}: ${bugMessage(e)}`;
    outcome = { kind: 'failed', message, diagnostics: [], hiddenWarnings: 0 };
  }
  // Copied, not transferred: a small Buffer may share its memory with others.
  port!.postMessage({ type: 'done', id: task.id, outcome } satisfies WorkerMessage);
}

// The pool sends the next log before this one is done: it waits its turn.
let queue = Promise.resolve();
port.on('message', (task: WorkerTask) => {
  queue = queue.then(() => render(task));
});
