// Reading one log for a command: diagnostics to the reporter, a log that cannot be read reported and skipped.
import { isInputFailure } from '../errors.js';
import { displayName } from '../io/chunks.js';
import type { Diagnostic, Sample } from '../model.js';
import { isWholeLog, TimeFilter, type TimeRange } from '../summary/time-range.js';
import { streamSamples, type LogHandlers, type LogInfo, type ReadOptions } from '../formats/read.js';
import type { Reporter } from '../report.js';
import { ExitStatus } from './options.js';

/**
 * Streams one log (samples valid only during `onSample`). Returns null when the log could
 * not be read, after saying why; output failures and bugs are thrown.
 */
export async function readReported(
  path: string,
  onSample: (sample: Sample) => void,
  reporter: Reporter,
  options: ReadOptions & { readonly afterChunk?: LogHandlers['chunk']; readonly range?: TimeRange } = {},
): Promise<LogInfo | null> {
  const { afterChunk, range, ...read } = options;
  const diagnostic = (d: Diagnostic): void => reporter.diagnostic(d);
  // --since and --until: the samples outside are passed over here, so no command sees them.
  const filter = range === undefined || isWholeLog(range) ? null : new TimeFilter(range, displayName(path), diagnostic);
  try {
    const info = await streamSamples(
      path,
      { sample: filter === null ? onSample : filter.wrap(onSample), diagnostic, ...(afterChunk ? { chunk: afterChunk } : {}) },
      { ...read, reuseSamples: true },
    );
    filter?.finish();
    return info;
  } catch (e) {
    if (!isInputFailure(e)) throw e;
    reporter.error(e.message);
    return null;
  } finally {
    reporter.endFile(displayName(path));
  }
}

/** The exit status of a run: failed when an input or output failed, or when --strict meets a warning. */
export function runStatus(ok: boolean, strict: boolean, reporter: Reporter): number {
  return ok && !(strict && reporter.warnings > 0) ? ExitStatus.ok : ExitStatus.failed;
}
