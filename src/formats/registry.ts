// The input formats fmfi-plot reads, and how a log's format is recognised from its first bytes.
//
// Adding a format: a folder with its info.ts and index.ts (see format.ts), and one line in
// FORMATS below.
import type { FormatInfo, LogFormat, LogReader, ReaderOptions, ReaderSink, ReadSummary } from './format.js';
import { buddyinfoInfo } from './buddyinfo/info.js';
import { fragIdxInfo } from './frag-idx/info.js';
import { physFreeInfo } from './phys-free/info.js';

/**
 * A format whose reader is loaded when the first log of it is read: a run reads one format,
 * mostly, and every reader is a handful of modules that each run would otherwise load at
 * start-up. require() loads it: import() would start Node's ES module loader (fmfi-plot is
 * CommonJS), which costs more than loading the modules.
 */
function loadedWhenRead(info: FormatInfo, load: () => LogFormat): LogFormat {
  let format: LogFormat | null = null;
  return {
    name: info.name,
    title: info.title,
    recognise: info.recognise,
    reader: (file, sink, options) => (format ??= load()).reader(file, sink, options),
  };
}

export const FORMATS = {
  'frag-idx': loadedWhenRead(fragIdxInfo, () => (require('./frag-idx/index.js') as typeof import('./frag-idx/index.js')).fragIdx),
  'phys-free': loadedWhenRead(physFreeInfo, () => (require('./phys-free/index.js') as typeof import('./phys-free/index.js')).physFree),
  buddyinfo: loadedWhenRead(buddyinfoInfo, () => (require('./buddyinfo/index.js') as typeof import('./buddyinfo/index.js')).buddyinfo),
} as const satisfies Record<string, LogFormat>;
export type FormatName = keyof typeof FORMATS;
export function isFormatName(s: string): s is FormatName {
  return Object.hasOwn(FORMATS, s);
}

/** Where nothing is recognised (an empty log, date lines only), the format of the original cron job. */
export const DEFAULT_FORMAT: FormatName = 'frag-idx';

/** How much of a log is looked at to recognise its format. */
export const RECOGNISE_BYTES = 64 << 10;

/** The format a log starting with `head` is in: the surest, or the default when none is sure at all. */
export function recogniseFormat(head: Buffer | string): LogFormat {
  const text = typeof head === 'string' ? head : head.toString('latin1', 0, Math.min(head.length, RECOGNISE_BYTES));
  let best: LogFormat = FORMATS[DEFAULT_FORMAT];
  let score = 0;
  for (const format of Object.values(FORMATS) as LogFormat[]) {
    const s = format.recognise(text);
    if (s > score) {
      best = format;
      score = s;
    }
  }
  return best;
}

/**
 * A reader that holds the first bytes of a log until it can tell the format (or the
 * log ends), then hands everything to that format's reader.
 */
class RecognisingReader implements LogReader {
  private reader: LogReader | null = null;
  private held: Buffer[] = [];
  private heldBytes = 0;

  constructor(
    private readonly file: string,
    private readonly sink: ReaderSink,
    private readonly options: ReaderOptions,
    private readonly onFormat: (format: LogFormat) => void,
  ) {}

  get lines(): number {
    return this.reader?.lines ?? 0;
  }

  write(chunk: Buffer | string): void {
    if (this.reader !== null) return this.reader.write(chunk);
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    if (this.held.length === 0 && bytes.length >= RECOGNISE_BYTES) return this.start(bytes).write(bytes);
    // Chunks may be reused by whoever read them: what is held is copied.
    this.held.push(Buffer.from(bytes));
    this.heldBytes += bytes.length;
    if (this.heldBytes >= RECOGNISE_BYTES) this.release();
  }

  end(): ReadSummary {
    if (this.reader === null) this.release();
    return this.reader!.end();
  }

  private start(head: Buffer): LogReader {
    const format = recogniseFormat(head);
    this.onFormat(format);
    this.reader = format.reader(this.file, this.sink, this.options);
    return this.reader;
  }

  private release(): void {
    const head = Buffer.concat(this.held);
    this.held = [];
    this.start(head).write(head);
  }
}

/**
 * A reader for one log: of the named format, or of the format its first bytes show.
 * `onFormat` is told which format reads it, once that is known.
 */
export function openReader(
  file: string,
  sink: ReaderSink,
  options: ReaderOptions & { readonly format?: FormatName } = {},
  onFormat: (format: LogFormat) => void = () => undefined,
): LogReader {
  if (options.format !== undefined) {
    const format = FORMATS[options.format];
    onFormat(format);
    return format.reader(file, sink, options);
  }
  return new RecognisingReader(file, sink, options, onFormat);
}
