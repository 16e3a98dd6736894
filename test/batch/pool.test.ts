// The worker pool: how many threads a batch is rendered on, from the size of the work and the cores the load
// leaves free; a worker that dies or runs out of memory fails its log only, and the batch goes on.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPool, threadsFor } from '../../src/batch/pool.js';
import type { RenderOutcome, RenderRequest } from '../../src/batch/render-job.js';
import { DEFAULT_CHART_OPTIONS } from '../../src/views/chart/options.js';

let dir: string;
let workerFile: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fmfi-pool-'));
  // A worker that speaks the pool's protocol and fails as its task's input says (after it said it started).
  workerFile = join(dir, 'worker.js');
  writeFileSync(
    workerFile,
    `const { parentPort } = require('node:worker_threads');
     const hoard = [];
     parentPort.on('message', ({ id, request }) => {
       const input = request.input;
       parentPort.postMessage({ type: 'start', id });
       if (input === 'exit') process.exit(7);
       if (input === 'oom') for (;;) hoard.push(new Array(1e5).fill({ id }));
       if (input === 'throw') setImmediate(() => { throw new Error('a bug in the worker'); });
       else parentPort.postMessage({ type: 'done', id, outcome: { kind: 'chart', data: new Uint8Array([1]), samples: 1, diagnostics: [], hiddenWarnings: 0 } });
     });`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MB = 1e6;
const many = (count: number, bytes: number): number[] => Array.from({ length: count }, () => bytes);

describe('threadsFor', () => {
  it('keeps a few small logs on one thread, whatever the cores', () => {
    expect(threadsFor([], 8)).toBe(1);
    expect(threadsFor(many(3, 0.8 * MB), 8)).toBe(1);
    expect(threadsFor(many(10, 0.1 * MB), 2)).toBe(1);
  });

  it('renders a large batch on as many threads as the cores keep busy, but never on more threads than logs', () => {
    expect(threadsFor(many(50, 1.9 * MB), 4)).toBe(2);
    expect(threadsFor(many(200, 0.8 * MB), 8)).toBe(5);
    expect(threadsFor(many(2, 400 * MB), 8)).toBe(2);
    expect(threadsFor(many(1, 400 * MB), 8)).toBe(1);
  });

  it('keeps a batch on one thread on two cores: one thread keeps both partly busy', () => {
    expect(threadsFor(many(50, 1.9 * MB), 2)).toBe(1);
    expect(threadsFor(many(2, 400 * MB), 2)).toBe(1);
    expect(threadsFor(many(200, 0.8 * MB), 3)).toBe(2);
  });

  it('takes only the cores the load leaves free', () => {
    expect(threadsFor(many(50, 1.9 * MB), 4, 0.3)).toBe(2);
    expect(threadsFor(many(50, 1.9 * MB), 4, 1.7)).toBe(1);
    expect(threadsFor(many(50, 1.9 * MB), 2, 13.5)).toBe(1);
    expect(threadsFor(many(200, 0.8 * MB), 8, 5)).toBe(2);
  });
});

const request = (input: string): RenderRequest => ({ input, settings: { chart: DEFAULT_CHART_OPTIONS, format: 'svg', warningLimit: 20 }, stamp: null, draw: true, digest: false });

describe('runPool', () => {
  it('a worker that exits, throws or runs out of memory fails that log with a message; a new worker takes the rest', async () => {
    const inputs = ['a.log', 'exit', 'b.log', 'oom', 'c.log', 'throw', 'd.log', 'e.log'];
    const done = new Map<string, RenderOutcome>();
    const started: number[] = [];
    await runPool(inputs.map(request), 2, { start: (i) => started.push(i), progress: () => undefined, done: (i, o) => void done.set(inputs[i]!, o) }, { workerFile, heapMb: 16 });
    expect(started.sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect([...done.keys()].sort()).toEqual([...inputs].sort());
    for (const ok of ['a.log', 'b.log', 'c.log', 'd.log', 'e.log']) expect(done.get(ok)?.kind, ok).toBe('chart');
    const failed = (input: string): string => {
      const o = done.get(input)!;
      return o.kind === 'failed' ? o.message : o.kind;
    };
    expect(failed('exit')).toBe('exit: not drawn: the worker drawing it stopped (exit status 7); the other logs go on');
    expect(failed('oom')).toBe('oom: not drawn: the worker drawing it ran out of memory (more than 16 MB); the other logs go on');
    expect(failed('throw')).toBe('throw: not drawn: the worker drawing it failed: a bug in the worker; the other logs go on');
  }, 60_000);
});
