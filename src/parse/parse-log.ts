// Whole-log conveniences over the streaming parser: text → BootWindow, file → samples.
import { createReadStream } from 'node:fs';
import { Warn } from '../errors.js';
import type { BootWindow, Diagnostic, Sample } from '../model.js';
import { bootTimeFromName } from './boot-time.js';
import { LogParser, type ParseSummary, type ParserOptions } from './parser.js';

/** The name an input goes by in messages: `-` is standard input. */
export function displayName(path: string): string {
  return path === '-' ? '<stdin>' : path;
}

/** A diagnostic about the file name itself, if its boot-time stamp is not a real time. */
export function nameDiagnostics(path: string): Diagnostic[] {
  const boot = bootTimeFromName(path);
  if (boot.kind !== 'invalid') return [];
  const message = Warn.BOOT_TIME_INVALID(boot.stamp);
  return [{ code: 'BOOT_TIME_INVALID', severity: 'warning', file: displayName(path), line: 0, message }];
}

/** Parses a whole log held in memory (tests, small inputs). Pure. */
export function parseLog(text: string | Buffer, source = '-', options?: ParserOptions): BootWindow {
  const samples: Sample[] = [];
  const diagnostics: Diagnostic[] = nameDiagnostics(source);
  const parser = new LogParser(displayName(source), {
    sample: (s) => samples.push(s),
    diagnostic: (d) => diagnostics.push(d),
  }, options);
  parser.write(text);
  parser.end();
  const boot = bootTimeFromName(source);
  return { source, bootTime: boot.kind === 'known' ? boot.time : null, samples, diagnostics };
}

/** The byte stream of a log: a file, or standard input for `-`. */
export function openLog(path: string): NodeJS.ReadableStream {
  return path === '-' ? process.stdin : createReadStream(path, { highWaterMark: 1 << 20 });
}

/**
 * Streams a log through the parser. `afterChunk` may return a promise (a writer
 * waiting for its output to drain): reading pauses until it settles, so memory
 * stays bounded however long the log is.
 */
export async function streamLog(
  path: string,
  onSample: (sample: Sample) => void,
  onDiagnostic: (diagnostic: Diagnostic) => void,
  afterChunk?: () => Promise<void> | void,
): Promise<ParseSummary> {
  for (const d of nameDiagnostics(path)) onDiagnostic(d);
  const parser = new LogParser(displayName(path), { sample: onSample, diagnostic: onDiagnostic });
  for await (const chunk of openLog(path)) {
    parser.write(chunk as Buffer);
    if (afterChunk) await afterChunk();
  }
  return parser.end();
}
