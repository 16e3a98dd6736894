// One error type with codes, and the one catalogue of every message a user reads.

/** Shows a line of the input inside a message: quoted, control bytes escaped, long lines shortened. */
export function quoteLine(text: string, max = 60): string {
  const shown = text.length > max ? `${text.slice(0, max)}…` : text;
  // eslint-disable-next-line no-control-regex
  const escaped = shown.replace(/[\x00-\x1f\x7f-\x9f"\\]/g, (c) => {
    if (c === '"' || c === '\\') return `\\${c}`;
    if (c === '\t') return '\\t';
    if (c === '\r') return '\\r';
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
  return `"${escaped}"`;
}

/** Warnings about the content of a log: each names what was wrong and what was done about it. */
export const Warn = {
  CRLF: () => 'CRLF line ends: the carriage returns are ignored',
  ROW_CUT_OFF: (text: string) => `FMFI row cut off at the end of the file (${quoteLine(text)}): row skipped`,
  LINE_CUT_OFF: (text: string) => `last line cut off (${quoteLine(text)}): skipped`,
  ROW_MALFORMED: (text: string) => `malformed FMFI row (${quoteLine(text)}): skipped`,
  ROWS_BEFORE_DATE: (count: number) =>
    `${count === 1 ? 'an FMFI row' : `${count} FMFI rows`} before the first date line: skipped`,
  DATE_INVALID: (text: string, rows: number) =>
    `${quoteLine(text)} is not a real date: ${rows === 0 ? 'line' : rows === 1 ? 'line and its row' : `line and its ${rows} rows`} skipped`,
  DATE_PADDED: (text: string) => `date line with extra white space (${quoteLine(text)}): read as a date`,
  DATE_EMBEDDED: (text: string) => `a date inside a stray line (${quoteLine(text)}): line skipped`,
  ORDER_REPEATED: (order: number, domain: number, date: string) =>
    `order ${order} of domain ${domain} appears twice in the sample of ${date}: second row skipped`,
  DOMAIN_MALFORMED: (text: string) => `malformed DOMAIN line (${quoteLine(text)}): skipped`,
  DOMAIN_EMPTY: (domain: number, date: string) =>
    `domain ${domain} of the sample of ${date} has no rows (log cut off?)`,
  DOMAIN_INCOMPLETE: (domain: number, date: string, lowest: number) =>
    `domain ${domain} of the sample of ${date} stops at order ${lowest}, not 0: rows missing (log cut off?)`,
  STRAY_LINE: (text: string) => `unexpected line (${quoteLine(text)}): skipped`,
  LONG_LINE: (limit: number) => `line longer than ${limit} bytes: skipped`,
  NO_SAMPLES: () => 'no samples in this log',
  NO_FMFI: (samples: number) =>
    `${samples === 1 ? 'its only sample has no' : `none of its ${samples} samples has`} vm.phys_frag_idx output (kernel without the sysctl?)`,
  BOOT_TIME_INVALID: (name: string) => `${name} is not a valid vm_frag_YYYYMMDD_HHMM.log time: boot time unknown`,
  AWK_WOULD_DROP: (sizeKiB: number, order: number) =>
    `rows with a block size of 100000K or more, such as order ${order} (${sizeKiB}K): parse_vm_frag.awk drops them silently; fmfi-plot keeps them`,
  MORE_WARNINGS: (count: number) => `${count} more warning${count === 1 ? '' : 's'} not shown`,
} as const;

export const ErrorCode = {
  INPUT_MISSING: 'INPUT_MISSING',
  INPUT_IS_DIRECTORY: 'INPUT_IS_DIRECTORY',
  INPUT_UNREADABLE: 'INPUT_UNREADABLE',
  OUTPUT_IS_INPUT: 'OUTPUT_IS_INPUT',
  OUTPUT_FAILED: 'OUTPUT_FAILED',
  USAGE: 'USAGE',
  STRICT: 'STRICT',
} as const;
export type ErrorCode = keyof typeof ErrorCode;

/** Failures that are the user's to fix: the CLI prints the message, never a stack. */
export class FmfiError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'FmfiError';
    this.code = code;
  }
}

export function isFmfiError(e: unknown): e is FmfiError {
  return e instanceof FmfiError;
}

/** Turns a Node.js file-system error into a sentence about the named file. */
export function fileError(file: string, e: unknown, doing: 'read' | 'write'): FmfiError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return doing === 'read'
        ? new FmfiError('INPUT_MISSING', `${file}: no such file`)
        : new FmfiError('OUTPUT_FAILED', `${file}: cannot write: a folder on the way does not exist`);
    case 'EISDIR':
      return doing === 'read'
        ? new FmfiError('INPUT_IS_DIRECTORY', `${file}: is a directory, not a log`)
        : new FmfiError('OUTPUT_FAILED', `${file}: cannot write: is a directory`);
    case 'EACCES':
    case 'EPERM':
      return doing === 'read'
        ? new FmfiError('INPUT_UNREADABLE', `${file}: permission denied`)
        : new FmfiError('OUTPUT_FAILED', `${file}: cannot write: permission denied`);
    case 'ENOTDIR':
      return doing === 'read'
        ? new FmfiError('INPUT_MISSING', `${file}: no such file (a part of the path is not a folder)`)
        : new FmfiError('OUTPUT_FAILED', `${file}: cannot write: a part of the path is a file, not a folder`);
    case 'ENOSPC':
      return new FmfiError('OUTPUT_FAILED', `${file}: cannot write: no space left on the device`);
    case 'EROFS':
      return new FmfiError('OUTPUT_FAILED', `${file}: cannot write: read-only file system`);
    default: {
      const why = e instanceof Error ? e.message : String(e);
      return doing === 'read'
        ? new FmfiError('INPUT_UNREADABLE', `${file}: cannot read: ${why}`)
        : new FmfiError('OUTPUT_FAILED', `${file}: cannot write: ${why}`);
    }
  }
}
