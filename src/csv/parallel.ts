// `fmfi-plot csv` on a large file: segments parsed on worker threads, written back in order.
//
// Output must be the bytes the streaming path writes, so segments start at date lines
// (no sample is cut in two), results are written strictly in segment order, and
// what the parser says once per log (CRLF, no samples) is said once here.
import { Worker } from 'node:worker_threads';
import type { TextSink } from '../io/atomic.js';
import type { Diagnostic } from '../model.js';
import { endOfLogDiagnostics, mergeSummaries, type ParseSummary } from '../parse/parser.js';
import { splitAtSamples } from '../parse/segments.js';
import type { DomainFilter } from './awk.js';
import type { SegmentResult, SegmentTask } from './segment.js';
import type { Dialect } from './writer.js';

/** Below this a file is parsed on one thread: starting workers would cost more than it saves. */
export const PARALLEL_FROM_BYTES = 8 << 20;
/** Large files go in segments of this size, so only a few segments' output waits in memory. */
const MAX_SEGMENT = 16 << 20;
/** Said once per log, however many segments say it. */
const ONCE_PER_LOG = new Set(['CRLF', 'AWK_WOULD_DROP']);

export interface ParallelCsvOptions {
  readonly dialect: Dialect;
  readonly domain: DomainFilter;
  readonly warningLimit: number;
  readonly threads: number;
}

export interface ParallelCsvResult {
  readonly summary: ParseSummary;
  readonly hiddenWarnings: number;
}

export async function parallelCsv(
  path: string,
  file: string,
  size: number,
  options: ParallelCsvOptions,
  sink: TextSink,
  onDiagnostic: (d: Diagnostic) => void,
): Promise<ParallelCsvResult> {
  const target = size <= options.threads * 2 * MAX_SEGMENT ? Math.ceil(size / options.threads) : MAX_SEGMENT;
  const segments = await splitAtSamples(path, size, target);
  const threads = Math.min(options.threads, segments.length);
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./segment-worker.js', import.meta.url)));
  const results = new Map<number, SegmentResult>();
  let summary: ParseSummary = { samples: 0, samplesWithData: 0, rows: 0, warnings: 0, first: null, last: null };
  let hiddenWarnings = 0;
  let lineBase = 0;
  let written = 0;
  let next = 0;
  const said = new Set<string>();

  const writeReady = async (): Promise<void> => {
    for (let r = results.get(written); r !== undefined; r = results.get(written)) {
      results.delete(written);
      for (const d of r.diagnostics) {
        if (ONCE_PER_LOG.has(d.code)) {
          if (said.has(d.code)) continue;
          said.add(d.code);
        }
        onDiagnostic({ ...d, line: d.line === 0 ? 0 : d.line + lineBase });
      }
      hiddenWarnings += r.hiddenWarnings;
      lineBase += r.lines;
      summary = mergeSummaries(summary, r.summary);
      sink.write(r.bytes);
      await sink.drain();
      written++;
    }
  };

  try {
    let writing: Promise<void> = Promise.resolve();
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let index = -1;
            const give = (): void => {
              // At most one segment per thread waits to be written: memory stays bounded.
              if (next >= segments.length) return resolve();
              if (next >= written + threads * 2) {
                setTimeout(give, 1);
                return;
              }
              index = next++;
              const task: SegmentTask = { path, file, segment: segments[index]!, ...options };
              worker.postMessage(task);
            };
            worker.on('message', (m: { ok: true; result: SegmentResult } | { ok: false; error: unknown }) => {
              if (!m.ok) return reject(m.error);
              results.set(index, m.result);
              writing = writing.then(writeReady);
              writing.then(give, reject);
            });
            worker.on('error', reject);
            give();
          }),
      ),
    );
    await writing;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  for (const d of endOfLogDiagnostics(file, summary)) onDiagnostic(d);
  return { summary, hiddenWarnings };
}
