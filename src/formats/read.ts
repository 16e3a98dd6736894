// Whole-log conveniences over the streaming parser: text → BootWindow, file → samples.
import { open } from 'node:fs/promises';
import { Warn } from '../errors.js';
import type { BootWindow, Diagnostic, Sample } from '../model.js';
import { bootTimeFromName } from './boot-time.js';
import { LogParser, type ParseSummary, type ParserOptions } from './frag-idx/scanner.js';

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

/** Bytes read at a time. */
export const LOG_CHUNK = 1 << 20;

/**
 * The bytes of a log in chunks: a file, or standard input for `-`. A file is read into
 * two buffers in turn, the next chunk while the last one is parsed: a new buffer per
 * chunk cost more than the parsing (`npm run bench`). One read at a time, from where
 * the last one ended: pipes and process substitutions cannot seek. A chunk is valid
 * until the next one is asked for.
 */
export async function* readLog(path: string): AsyncGenerator<Buffer> {
  if (path === '-') {
    for await (const chunk of process.stdin) yield chunk as Buffer;
    return;
  }
  const handle = await open(path, 'r');
  const buffers = [Buffer.allocUnsafe(LOG_CHUNK), Buffer.allocUnsafe(LOG_CHUNK)];
  const readInto = (buf: Buffer): Promise<{ bytesRead: number }> => {
    const read = handle.read(buf, 0, LOG_CHUNK, null);
    // A read that fails while the last chunk is still being parsed is reported where it
    // is awaited, not as an unhandled rejection in between.
    read.catch(() => undefined);
    return read;
  };
  let next = readInto(buffers[0]!);
  try {
    for (let i = 0; ; i ^= 1) {
      const { bytesRead } = await next;
      if (bytesRead === 0) break;
      next = readInto(buffers[i ^ 1]!);
      yield buffers[i]!.subarray(0, bytesRead);
    }
  } finally {
    await next.catch(() => undefined);
    await handle.close();
  }
}

/**
 * Streams a log through the parser. `onSample` is handed each sample only for the time
 * of the call (its objects are used again for the next): copy what is to be kept.
 * `afterChunk` may return a promise (a writer waiting for its output to drain): reading
 * pauses until it settles, so memory stays bounded however long the log is.
 */
export async function streamLog(
  path: string,
  onSample: (sample: Sample) => void,
  onDiagnostic: (diagnostic: Diagnostic) => void,
  afterChunk?: (bytes: number) => Promise<void> | void,
): Promise<ParseSummary> {
  for (const d of nameDiagnostics(path)) onDiagnostic(d);
  const parser = new LogParser(displayName(path), { sample: onSample, diagnostic: onDiagnostic }, { reuseSamples: true });
  for await (const bytes of readLog(path)) {
    parser.write(bytes);
    if (afterChunk) await afterChunk(bytes.length);
  }
  return parser.end();
}
