// Renders requests on this thread and up to N - 1 worker threads (on this one alone when that suffices); results arrive as they finish.
//
// A worker that dies (runs out of memory, or stops for any other reason) fails the log it
// was drawing, with a message and no stack trace; a new worker takes its place, the logs
// queued for the dead one included, and the batch goes on.
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
  /**
   * The worker's script (a test gives its own); by default worker.js beside this file.
   * With one given, every request but standard input's goes to a worker.
   */
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

/**
 * A worker's young generation, in MB (V8's own limit is larger). A batch on two threads
 * peaked at 193 to 198 MB, near the 200 MB it must stay under; with this it peaked at 176
 * to 183 MB, in the same time (50 logs of 5,000 samples, `-j 2`).
 */
const WORKER_YOUNG_MB = 16;

// What a thread costs and what it does, in milliseconds of a 2-core machine (`npm run bench`):
// a worker starts a thread of Node.js, loads fmfi-plot and a Vega of its own, and compiles
// its hot code anew (V8 optimises per thread); a warm thread draws a chart, and reads a
// megabyte of log, in about this.
const WORKER_START_MS = 300;
const CHART_MS = 40;
const MS_PER_MB = 6;

/**
 * The cores one drawing thread keeps busy: its own, and V8's garbage collector and
 * optimising compiler beside it. A batch on one thread took 1.3 to 1.4 times its time in
 * CPU time (50 logs of 5,000 samples; 6 logs of 100,000), on a quiet 2-core machine.
 */
const CORES_PER_THREAD = 1.4;

/**
 * How many threads to render logs of these sizes (bytes) on: one more thread only for
 * work that pays for starting it, so that a few small logs stay on this thread, and no
 * more than the cores the machine's load leaves free (`load`: the load average of the last
 * minute) can keep busy. On two cores, even quiet ones, two threads for 50 logs of 5,000
 * samples took longer than one (1.06× the time, 1.36× the CPU time, 182 MB instead of
 * 150 MB): one thread already keeps both cores partly busy.
 */
export function threadsFor(sizes: readonly number[], cores: number, load = 0): number {
  let work = 0;
  for (const bytes of sizes) work += CHART_MS + (bytes / 1e6) * MS_PER_MB;
  const free = Math.floor((cores - load) / CORES_PER_THREAD);
  return Math.max(1, Math.min(free, sizes.length, Math.floor(work / (2 * WORKER_START_MS))));
}

interface Task {
  readonly index: number;
  readonly request: RenderRequest;
  started: boolean;
  readonly settle: (outcome: RenderOutcome) => void;
}

/** One worker at a time, replaced when it dies; the requests sent to it are rendered in the order sent. */
class Slot {
  private worker: Worker | null = null;
  /** Sent and not done, in the order sent: the first is the one being rendered. */
  private tasks: Task[] = [];

  constructor(
    private readonly file: string,
    private readonly heapMb: number,
    private readonly events: Pick<PoolEvents, 'start' | 'progress'>,
  ) {}

  /** Renders one request; a worker that dies makes a failed outcome, never a rejection. */
  run(index: number, request: RenderRequest): Promise<RenderOutcome> {
    return new Promise((settle) => {
      const task: Task = { index, request, started: false, settle };
      this.tasks.push(task);
      this.send(task);
    });
  }

  private send(task: Task): void {
    const worker = this.worker ?? this.spawn();
    worker.postMessage({ id: task.index, request: task.request } satisfies WorkerTask);
  }

  private spawn(): Worker {
    const worker = new Worker(this.file, { resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    // Why it died, from its 'error'; acted on at its 'exit', which comes after the messages it
    // sent before it died ('error' may overtake them: a log it finished would be blamed).
    let why: string | null = null;
    worker.on('message', (m: WorkerMessage) => {
      if (this.worker !== worker) return;
      if (m.type === 'progress') return this.events.progress(m.id, m.bytes);
      const at = this.tasks.findIndex((t) => t.index === m.id);
      const task = this.tasks[at];
      if (task === undefined) return;
      if (m.type === 'start') {
        if (task.started) return;
        task.started = true;
        this.events.start(m.id);
        return;
      }
      this.tasks.splice(at, 1);
      task.settle(m.outcome);
    });
    worker.on('error', (e: Error & { code?: string }) => {
      why ??= e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `ran out of memory (more than ${this.heapMb} MB)` : `failed: ${e.message}`;
    });
    worker.on('exit', (code) => this.died(worker, why ?? `stopped (exit status ${code})`));
    this.worker = worker;
    return worker;
  }

  /** The log being drawn fails; those queued behind it go to a new worker. */
  private died(worker: Worker, why: string): void {
    if (this.worker !== worker) return; // closed by close()
    this.worker = null;
    const [task, ...queued] = this.tasks;
    this.tasks = queued;
    if (task !== undefined) {
      if (!task.started) this.events.start(task.index);
      const message = failure('RENDER_DIED', displayName(task.request.input), why).message;
      task.settle({ kind: 'failed', message, diagnostics: [], hiddenWarnings: 0 });
    }
    for (const t of queued) this.send(t);
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}

/**
 * Renders every request on `threads` threads: this one, and `threads - 1` workers.
 * `events.done` runs for each, in completion order, one at a time. Standard input is
 * always read on this thread: a worker has a standard input of its own, always empty.
 */
export async function runPool(requests: readonly RenderRequest[], threads: number, events: PoolEvents, options: PoolOptions = {}): Promise<void> {
  // `done` may write files; chaining keeps its calls in order and one at a time.
  let reporting: Promise<void> = Promise.resolve();
  const report = (index: number, outcome: RenderOutcome): Promise<void> => (reporting = reporting.then(() => events.done(index, outcome)));
  const stdin: number[] = [];
  const files: number[] = [];
  requests.forEach((r, i) => (r.input === '-' ? stdin : files).push(i));
  let next = 0;
  const take = (): number | null => (next < files.length ? files[next++]! : null);
  const rendersHere = options.workerFile === undefined;

  /** This thread's share: standard input, then (unless a worker script was given) the next request whenever it is free, without a worker's start-up and second Vega. */
  const here = async (): Promise<void> => {
    const mine = (): number | null => stdin.shift() ?? (rendersHere ? take() : null);
    for (let index = mine(); index !== null; index = mine()) {
      const i = index;
      events.start(i);
      await report(i, await renderLog(requests[i]!, (bytes) => events.progress(i, bytes)));
    }
  };

  const count = Math.min(threads, files.length) - (rendersHere ? 1 : 0);
  const file = options.workerFile ?? join(__dirname, 'worker.js');
  const slots = Array.from({ length: Math.max(0, count) }, () => new Slot(file, options.heapMb ?? WORKER_HEAP_MB, events));
  try {
    await Promise.all([
      here(),
      ...slots.map(
        (slot) =>
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
              void slot.run(index, requests[index]!).then((outcome) => {
                queued--;
                report(index, outcome).then(give, reject);
              });
            };
            give();
            give();
          }),
      ),
    ]);
    await reporting;
  } finally {
    await Promise.all(slots.map((s) => s.close()));
  }
}
