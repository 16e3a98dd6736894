// `fmfi-plot csv LOG...`: the samples as CSV, concatenated in argument order.
import { awkLines, type DomainFilter } from '../csv/awk.js';
import { csvHeader, csvLines } from '../csv/rfc4180.js';
import { fileError, FmfiError } from '../errors.js';
import { assertNotAnInput, openTextSink, type TextSink } from '../io/atomic.js';
import type { Sample } from '../model.js';
import { displayName, streamLog } from '../parse/parse-log.js';
import type { Reporter } from './reporter.js';

export const Dialect = { awk: 'awk', csv: 'csv' } as const;
export type Dialect = keyof typeof Dialect;
export function isDialect(s: string): s is Dialect {
  return Object.hasOwn(Dialect, s);
}

export interface CsvCommandOptions {
  readonly dialect: Dialect;
  readonly domain: DomainFilter;
  /** `-` for standard output. */
  readonly output: string;
}

function lineWriter(dialect: Dialect, domain: DomainFilter): (s: Sample) => string {
  return dialect === 'awk' ? (s) => awkLines(s, domain) : (s) => csvLines(s, domain);
}

/** Streams one log into the sink; input failures are reported and leave the others going. */
async function appendLog(path: string, sink: TextSink, toText: (s: Sample) => string, reporter: Reporter): Promise<boolean> {
  try {
    await streamLog(
      path,
      (sample) => sink.write(toText(sample)),
      (d) => reporter.diagnostic(d),
      () => sink.drain(),
    );
    return true;
  } catch (e) {
    if (e instanceof FmfiError) throw e; // an output failure: nothing more can be written
    reporter.error(fileError(displayName(path), e, 'read').message);
    return false;
  } finally {
    reporter.endFile(displayName(path));
  }
}

/** Returns whether every input was read (warnings allowed). Throws FmfiError for output failures. */
export async function runCsv(inputs: readonly string[], options: CsvCommandOptions, reporter: Reporter): Promise<boolean> {
  await assertNotAnInput(options.output, inputs);
  const sink = await openTextSink(options.output);
  const toText = lineWriter(options.dialect, options.domain);
  let ok = true;
  try {
    if (options.dialect === 'csv') sink.write(csvHeader());
    for (const input of inputs) {
      if (!(await appendLog(input, sink, toText, reporter))) ok = false;
    }
    await sink.commit();
  } catch (e) {
    await sink.abort();
    throw e;
  }
  return ok;
}
