// Reading whole logs: text → BootWindow (pure), and a file streamed through its format's reader.
import { Warn } from '../errors.js';
import { displayName, readLogText } from '../io/chunks.js';
import type { BootWindow, Diagnostic, LocalTime, Sample } from '../model.js';
import { bootTimeFromName } from './boot-time.js';
import type { ReaderOptions, ReadSummary } from './format.js';
import { openReader, type FormatName } from './registry.js';

/** A diagnostic about the file name itself, if its boot-time stamp is not a real time. */
export function nameDiagnostics(path: string): Diagnostic[] {
  const boot = bootTimeFromName(path);
  if (boot.kind !== 'invalid') return [];
  const message = Warn.BOOT_TIME_INVALID(boot.stamp);
  return [{ code: 'BOOT_TIME_INVALID', severity: 'warning', file: displayName(path), line: 0, message }];
}

/** The boot time a log's name carries, or null. */
export function bootTimeOf(path: string): LocalTime | null {
  const boot = bootTimeFromName(path);
  return boot.kind === 'known' ? boot.time : null;
}

export interface ReadOptions {
  /** The log's format; by default it is recognised from its first bytes. */
  readonly format?: FormatName;
  /** Longer lines are skipped (default 64 KiB). */
  readonly maxLineLength?: number;
}

/** Parses a whole log held in memory (tests, small inputs). Pure. */
export function parseLog(text: string | Buffer, source = '-', options: ReadOptions = {}): BootWindow {
  const samples: Sample[] = [];
  const diagnostics: Diagnostic[] = nameDiagnostics(source);
  const reader = openReader(displayName(source), { sample: (s) => samples.push(s), diagnostic: (d) => diagnostics.push(d) }, options);
  reader.write(text);
  reader.end();
  return { source, bootTime: bootTimeOf(source), samples, diagnostics };
}

/** What a streamed log was, once read. */
export interface LogInfo {
  /** The path as given (`-` for standard input). */
  readonly source: string;
  readonly bootTime: LocalTime | null;
  /** The format it was read as (`frag-idx`…). */
  readonly format: string;
  readonly summary: ReadSummary;
}

export interface LogHandlers {
  sample(sample: Sample): void;
  diagnostic(diagnostic: Diagnostic): void;
  /**
   * After each chunk read; may return a promise (a writer waiting for its output to
   * drain): reading pauses until it settles, so memory stays bounded however long the log.
   */
  chunk?(bytes: number): Promise<void> | void;
}

/**
 * Streams a log (a file, or `-` for standard input) through its format's reader.
 * Samples are new objects the handler may keep. A failure to read throws FmfiError.
 */
export function streamLog(path: string, handlers: LogHandlers, options: ReadOptions = {}): Promise<LogInfo> {
  return streamSamples(path, handlers, options);
}

/**
 * streamLog with `reuseSamples`: the fast path of the commands, whose handlers only look
 * at each sample during the call (its objects are used again for the next).
 */
export async function streamSamples(path: string, handlers: LogHandlers, options: ReadOptions & ReaderOptions = {}): Promise<LogInfo> {
  for (const d of nameDiagnostics(path)) handlers.diagnostic(d);
  let format = '';
  const reader = openReader(displayName(path), handlers, options, (f) => (format = f.name));
  const afterChunk = handlers.chunk?.bind(handlers);
  let damage: string | null = null;
  for await (const bytes of readLogText(path, (why) => (damage = why))) {
    reader.write(bytes);
    if (afterChunk) await afterChunk(bytes.length);
  }
  if (damage !== null) {
    const message = Warn.GZIP_DAMAGED(damage);
    handlers.diagnostic({ code: 'GZIP_DAMAGED', severity: 'warning', file: displayName(path), line: reader.lines, message });
  }
  const summary = reader.end();
  return { source: path, bootTime: bootTimeOf(path), format, summary };
}

/** Reads a whole log (a file, or `-` for standard input) into a BootWindow. A failure to read throws FmfiError. */
export async function readWindow(path: string, options: ReadOptions = {}): Promise<BootWindow> {
  const samples: Sample[] = [];
  const diagnostics: Diagnostic[] = [];
  const info = await streamLog(path, { sample: (s) => samples.push(s), diagnostic: (d) => diagnostics.push(d) }, options);
  return { source: path, bootTime: info.bootTime, samples, diagnostics };
}
