// Reading one log for a command: diagnostics to the reporter, a log that cannot be read reported and skipped.
import { isInputFailure } from '../errors.js';
import { displayName } from '../io/chunks.js';
import type { Sample } from '../model.js';
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
  options: ReadOptions & { readonly afterChunk?: LogHandlers['chunk'] } = {},
): Promise<LogInfo | null> {
  const { afterChunk, ...read } = options;
  try {
    return await streamSamples(
      path,
      { sample: onSample, diagnostic: (d) => reporter.diagnostic(d), ...(afterChunk ? { chunk: afterChunk } : {}) },
      { ...read, reuseSamples: true },
    );
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
