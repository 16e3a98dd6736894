// A worker thread of `fmfi-plot csv`: turns the segments it is sent into CSV bytes.
import { parentPort } from 'node:worker_threads';
import { csvSegment, type SegmentTask } from './segment.js';

const port = parentPort;
if (port === null) throw new Error('segment-worker.ts runs only as a worker thread');

port.on('message', (task: SegmentTask) => {
  csvSegment(task).then(
    (result) => port.postMessage({ ok: true, result }),
    (e: unknown) => port.postMessage({ ok: false, error: e }),
  );
});
