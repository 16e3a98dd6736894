// Runs render requests on up to N worker threads (inline when one suffices); results arrive as they finish.
//
// A worker that dies (runs out of memory, or stops for any other reason) fails the log it
// was drawing, with a message and no stack trace; a new worker takes its place and the
// batch goes on.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { failure } from '../errors.js';
import { displayName } from '../io/chunks.js';
import { renderLog, type RenderOutcome, type RenderRequest } from './render-job.js';
import type { WorkerMessage, WorkerTask } from './worker.js';

export interface PoolEvents {
  start(index: number): void;
  progress(index: number, bytes: number): void;
  done(index: number, outcome: RenderOutcome): Promise<void> | void;
}

export interface PoolOptions {
  /** The worker's script (a test gives its own); by default worker.js beside this file. */
  readonly workerFile?: string;
  /** A worker's JavaScript heap limit, in MB. */
  readonly heapMb?: number;
}

/**
 * The heap one worker may use. A render stays far below it (charts are binned to a bounded
 * size, see summary/bins.ts); it is there so that a worker that goes wrong is stopped
 * alone, with a message, instead of taking the whole process down.
 */
export const WORKER_HEAP_MB = 512;

/** One worker at a time, replaced when it dies. */
class Slot {
  private worker: Worker | null = null;
  private task: { readonly request: RenderRequest; readonly settle: (outcome: RenderOutcome) => void } | null = null;

  constructor(
    private readonly file: string,
    private readonly heapMb: number,
    private readonly onProgress: (index: number, bytes: number) => void,
  ) {}

  /** Renders one request; a worker that dies makes a failed outcome, never a rejection. */
  run(index: number, request: RenderRequest): Promise<RenderOutcome> {
    const worker = this.worker ?? this.spawn();
    return new Promise((settle) => {
      this.task = { request, settle };
      worker.postMessage({ id: index, request } satisfies WorkerTask);
    });
  }

  private spawn(): Worker {
    const worker = new Worker(this.file, { resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') {
        this.onProgress(m.id, m.bytes);
        return;
      }
      const task = this.task;
      this.task = null;
      task?.settle(m.outcome);
    });
    worker.on('error', (e: Error & { code?: string }) => {
      this.died(worker, e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `ran out of memory (more than ${this.heapMb} MB)` : `failed: ${e.message}`);
    });
    worker.on('exit', (code) => this.died(worker, `stopped (exit status ${code})`));
    this.worker = worker;
    return worker;
  }

  private died(worker: Worker, why: string): void {
    if (this.worker !== worker) return; // closed, or already reported by 'error' before its 'exit'
    this.worker = null;
    const task = this.task;
    this.task = null;
    if (task === null) return;
    const message = failure('RENDER_DIED', displayName(task.request.input), why).message;
    task.settle({ kind: 'failed', message, diagnostics: [], hiddenWarnings: 0 });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}

/** Renders every request; `events.done` runs for each, in completion order, one at a time. */
export async function runPool(requests: readonly RenderRequest[], jobs: number, events: PoolEvents, options: PoolOptions = {}): Promise<void> {
  const threads = Math.min(jobs, requests.length);
  if (threads <= 1 && options.workerFile === undefined) {
    // One at a time needs no thread: spare the start-up of a worker and a second Vega.
    for (const [index, request] of requests.entries()) {
      events.start(index);
      await events.done(index, await renderLog(request, (bytes) => events.progress(index, bytes)));
    }
    return;
  }
  const file = options.workerFile ?? join(__dirname, 'worker.js');
  const slots = Array.from({ length: Math.max(1, threads) }, () => new Slot(file, options.heapMb ?? WORKER_HEAP_MB, events.progress));
  let next = 0;
  // `done` may write files; chaining keeps its calls in order and one at a time.
  let reporting: Promise<void> = Promise.resolve();
  const drive = async (slot: Slot): Promise<void> => {
    while (next < requests.length) {
      const index = next++;
      events.start(index);
      const request = requests[index]!;
      // A worker thread has a standard input of its own, always empty: `-` is read here.
      const outcome = request.input === '-' ? await renderLog(request, (bytes) => events.progress(index, bytes)) : await slot.run(index, request);
      reporting = reporting.then(() => events.done(index, outcome));
      await reporting;
    }
  };
  try {
    await Promise.all(slots.map(drive));
  } finally {
    await Promise.all(slots.map((s) => s.close()));
  }
}
