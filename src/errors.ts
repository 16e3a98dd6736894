// The one catalogue of every message a user reads, and the error types that carry them.
//
// A code exists only as a key of a catalogue, and its message only as the function
// under that key: `DiagnosticCode`, `FailureCode` and `UsageCode` are derived from the
// catalogues, so no code can be used without its sentence.

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

/**
 * Shows a file name inside a message: control characters and the bytes that are not UTF-8
 * (kept as U+DC80…U+DCFF, see src/io/names.ts) as `\xNN`, a backslash as `\\`. A name then
 * can neither forge a line of output nor send the terminal an escape sequence, and two
 * names never look alike.
 */
export function escapeName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\x00-\x1f\x7f-\x9f\\]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) => {
    if (c === '\\') return '\\\\';
    const code = c.charCodeAt(0);
    if (code >= 0xdc80 && code <= 0xdcff) return `\\x${(code - 0xdc00).toString(16)}`;
    if (code >= 0xd800) return `\\u${code.toString(16)}`;
    return `\\x${code.toString(16).padStart(2, '0')}`;
  });
}
const n = escapeName;

/** What a reader or a writer says about the content of a log: each names what was wrong and what was done about it. */
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
  DATE_IN_SAMPLE: (text: string, date: string) =>
    `${quoteLine(text)} is not a real date, inside the sample of ${date}, whose rows go on after it: line skipped`,
  SAMPLE_TOO_LARGE: (date: string, domains: number, rows: number) =>
    `the sample of ${date} is larger than any machine's (more than ${domains} domains or ${rows} rows): the rows of its domains from here on are skipped`,
  LINE_JOINED: (text: string) =>
    `a line cut off (${quoteLine(text)}) and joined to the date line of the next sample: ` +
    'a log that ended in a crash, with another appended to it (cat a b)? The cut line skipped, the sample read',
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
  GZIP_DAMAGED: (why: string) => `the gzip data ends early or is damaged (${why}): the log is read up to there`,
  NO_SAMPLES: () => 'no samples in this log',
  NO_FMFI: (samples: number) =>
    `${samples === 1 ? 'its only sample has no' : `none of its ${samples} samples has`} vm.phys_frag_idx output (kernel without the sysctl?)`,
  // The order of sample times: each said once per log, at its first sample.
  TIME_REPEATED: (date: string, line: number) =>
    `the sample of ${date} has the same time as the sample before it (line ${line}): both kept`,
  TIME_BACKWARDS: (date: string, by: string, before: string, line: number, dst: boolean) =>
    `the sample of ${date} is ${by} earlier than the sample before it (${before}, line ${line}): ` +
    `${dst ? 'the clock was set back (end of daylight saving time?)' : 'the clock was set back'}; ` +
    'samples kept in log order, charts draw them at their times',
  TIME_RESTART: (date: string, first: string, line: number) =>
    `the sample of ${date} goes back to the log's first sample (${first}, line ${line}) or before it: ` +
    'two logs joined into one (cat a b)? Each boot window belongs in a log of its own; samples kept in log order',
  BEFORE_BOOT: (date: string, boot: string) =>
    `the sample of ${date} is before the boot time in the file name (${boot}): ` +
    'a log of an earlier boot joined to this one (cat a b), or a wrong file name? Samples kept',
  BOOT_TIME_INVALID: (name: string) => `${name} is not a valid vm_frag_YYYYMMDD_HHMM.log time: boot time unknown`,
  DOMAIN_ABSENT: (domain: number, has: readonly string[]) =>
    `no sample has rows of domain ${domain}: nothing to show for --domain ${domain}; ` +
    `the log has ${has.length === 1 ? 'domain' : 'domains'} ${has.length === 1 ? has[0] : `${has.slice(0, -1).join(', ')} and ${has.at(-1)}`}`,
  AWK_WOULD_DROP: (sizeKiB: number, order: number) =>
    `rows with a block size of 100000K or more, such as order ${order} (${sizeKiB}K): parse_vm_frag.awk drops them silently; fmfi-plot keeps them`,
  AWK_DOMAINS_MIXED: (domains: number) =>
    `its samples have ${domains} domains: as parse_vm_frag.awk does, the awk dialect prints the rows of all of them mixed, ` +
    'with nothing to tell them apart; --domain N keeps one, --dialect csv adds a domain column',
  // Logs of free block counts (vm.phys_free, /proc/buddyinfo).
  COUNT_ROW_MALFORMED: (title: string, text: string) => `malformed ${title} line (${quoteLine(text)}): skipped`,
  COUNT_ROWS_BEFORE_DATE: (title: string, count: number) =>
    `${count === 1 ? `a ${title} line` : `${count} ${title} lines`} before the first date line: skipped`,
  POOLS_DIFFER: (count: number, pools: number) =>
    `a row with ${count} pool ${count === 1 ? 'count' : 'counts'} where its free list has ${pools}: skipped`,
  COUNTS_INCOMPLETE: (part: string, date: string, why: string) =>
    `${part} of the sample of ${date}: ${why}; without every count no index can be computed: skipped`,
  ZONE_REPEATED: (part: string, date: string) => `${part} appears twice in the sample of ${date}: second line skipped`,
  ORDERS_DIFFER: (count: number, expected: number) =>
    `a zone line with ${count} orders where the log's first has ${expected} (line damaged?): skipped`,
  NO_COUNTS: (title: string, samples: number) =>
    `${samples === 1 ? 'its only sample has no' : `none of its ${samples} samples has`} ${title} output`,
  PARTS_ALL_ZERO: (parts: string) => `${parts}: no free block in any sample (empty zone): not drawn`,
  INDEX_NEEDS_COUNTS: (index: string) =>
    `--index ${index} needs free block counts (a vm.phys_free or /proc/buddyinfo log); this log has FMFI only: nothing to draw`,
  ZONE_ABSENT: (zone: string, zones: readonly string[]) => `--zone ${zone}: no such zone in this log${zones.length > 0 ? ` (it has ${zones.map(n).join(', ')})` : ''}`,
  ORDERS_ABSENT: (absent: readonly number[], has: readonly number[]) =>
    `no log has rows of ${absent.length === 1 ? 'order' : 'orders'} ${absent.join(', ')} (--orders): no panel for ${absent.length === 1 ? 'it' : 'them'}; ` +
    `the logs have orders ${has.join(', ')}`,
  DOMAINS_LEFT_OUT: (drawn: number, count: number, lowest: number, highest: number) =>
    `${drawn + count} domains: only the first ${drawn === 1 ? 'is' : `${drawn} are`} drawn; ` +
    (count === 1 ? `the other one (domain ${lowest}) is left out` : `the other ${count} (domains ${lowest} to ${highest}) are left out`) +
    ': draw one with --domain N',
  // Log times read in a time zone (metrics).
  TIME_IN_GAP: (date: string, zone: string, before: string, after: string, readAs: string) =>
    `${date} does not exist in ${zone} (its clocks jump from UTC${before} to UTC${after} there; wrong --timezone?): read as ${readAs}`,
  TIME_TWICE: (date: string, zone: string, which: 'first' | 'second', readAs: string) =>
    `${date} occurs twice in ${zone} (its clocks go back there): read as the ${which}, ${readAs}, as the samples before it say`,
  NO_COMPLETE_SAMPLE: (samples: number) =>
    `${samples === 1 ? 'its only sample with rows is not complete' : `none of its ${samples} samples with rows is complete`} (rows or domains missing): nothing to show for --latest`,
  TIME_NOT_LATER: (date: string, previous: string, previousLine: number) =>
    `the sample of ${date} is not later than the one of ${previous} (line ${previousLine}): skipped (a Prometheus series takes its samples in time order)`,
  RANGE_EMPTY: (range: string, first: string, last: string) =>
    `no sample lies ${range}: its samples run from ${first} to ${last}`,
  STAMPED_WARNINGS: (chart: string, warnings: number) =>
    `its chart ${chart} is up to date, but its log gave ${warnings === 1 ? 'a warning' : `${warnings} warnings`} when it was drawn (--force draws it again and shows them)`,
} as const;
export type DiagnosticCode = keyof typeof Warn;

/**
 * Each warning's kind in a few words, for a chart's note on what reading its log met
 * (`malformed FMFI row (12)`): a chart opened later still tells it was drawn from a damaged log.
 */
export const WarnKind = {
  CRLF: 'CRLF line ends',
  ROW_CUT_OFF: 'FMFI row cut off',
  LINE_CUT_OFF: 'last line cut off',
  ROW_MALFORMED: 'malformed FMFI row',
  ROWS_BEFORE_DATE: 'rows before the first date',
  DATE_INVALID: 'date that is no real time',
  DATE_PADDED: 'date line with blanks',
  DATE_IN_SAMPLE: 'junk date inside a sample',
  SAMPLE_TOO_LARGE: 'sample larger than any machine',
  LINE_JOINED: 'cut line joined to a date',
  DATE_EMBEDDED: 'date inside a stray line',
  ORDER_REPEATED: 'order twice in a sample',
  DOMAIN_MALFORMED: 'malformed DOMAIN line',
  DOMAIN_EMPTY: 'domain without rows',
  DOMAIN_INCOMPLETE: 'domain with rows missing',
  STRAY_LINE: 'unexpected line',
  LONG_LINE: 'line too long',
  GZIP_DAMAGED: 'gzip data cut short',
  NO_SAMPLES: 'no samples',
  NO_FMFI: 'no sysctl output',
  TIME_REPEATED: 'two samples at one time',
  TIME_BACKWARDS: 'clock set back',
  TIME_RESTART: 'two logs joined',
  BEFORE_BOOT: 'samples before the boot time',
  BOOT_TIME_INVALID: 'no real boot time in the name',
  DOMAIN_ABSENT: 'no rows of the --domain',
  DOMAINS_LEFT_OUT: 'domains left out of the picture',
  AWK_WOULD_DROP: 'rows the awk script drops',
  AWK_DOMAINS_MIXED: 'domains mixed in the awk dialect',
  COUNT_ROW_MALFORMED: 'malformed count line',
  COUNT_ROWS_BEFORE_DATE: 'counts before the first date',
  POOLS_DIFFER: 'row with a wrong pool count',
  COUNTS_INCOMPLETE: 'counts incomplete',
  ZONE_REPEATED: 'zone twice in a sample',
  ORDERS_DIFFER: 'zone line of the wrong width',
  NO_COUNTS: 'no count output',
  PARTS_ALL_ZERO: 'empty zone',
  INDEX_NEEDS_COUNTS: 'index without counts',
  ZONE_ABSENT: 'no such zone',
  ORDERS_ABSENT: 'no rows of an --orders order',
  RANGE_EMPTY: 'no sample in --since/--until',
  STAMPED_WARNINGS: 'warnings when drawn',
  TIME_IN_GAP: 'time a clock change skips',
  TIME_TWICE: 'time a clock change repeats',
  NO_COMPLETE_SAMPLE: 'no complete sample',
  TIME_NOT_LATER: 'sample not later than the one before',
} as const satisfies Record<DiagnosticCode, string>;

/** Failures of one input or output: the run goes on with the others and ends with status 1. */
export const Failure = {
  INPUT_MISSING: (file: string) => `${n(file)}: no such file`,
  INPUT_PATH_NOT_FOLDER: (file: string) => `${n(file)}: no such file (a part of the path is not a folder)`,
  INPUT_IS_DIRECTORY: (file: string) => `${n(file)}: is a directory, not a log`,
  INPUT_NOT_A_FILE: (file: string, what: string) => `${n(file)}: is ${what}, not a log file: skipped`,
  INPUT_PERMISSION: (file: string) => `${n(file)}: permission denied`,
  INPUT_UNREADABLE: (file: string, why: string) => `${n(file)}: cannot read: ${n(why)}`,
  INPUT_COMPRESSED: (file: string, kind: string, command: string) =>
    `${n(file)}: compressed with ${kind}, which fmfi-plot does not read (it reads gzip): decompress it first: ${command} ${n(file)}`,
  OUTPUT_FOLDER_MISSING: (file: string) => `${n(file)}: cannot write: a folder on the way does not exist`,
  OUTPUT_IS_DIRECTORY: (file: string) => `${n(file)}: cannot write: is a directory`,
  OUTPUT_PERMISSION: (file: string) => `${n(file)}: cannot write: permission denied`,
  OUTPUT_PATH_NOT_FOLDER: (file: string) => `${n(file)}: cannot write: a part of the path is a file, not a folder`,
  OUTPUT_NO_SPACE: (file: string) => `${n(file)}: cannot write: no space left on the device`,
  OUTPUT_CLOSED: (file: string) => `${n(file)}: cannot write: it is closed (what would be written would be lost)`,
  OUTPUT_READ_ONLY: (file: string) => `${n(file)}: cannot write: read-only file system`,
  OUTPUT_UNWRITABLE: (file: string, why: string) => `${n(file)}: cannot write: ${n(why)}`,
  OUTPUT_FOLDER_UNDER_FILE: (dir: string) => `${n(dir)}: cannot create the output folder: a part of the path is a file`,
  OUTPUT_NOTHING_TO_DRAW: (output: string) => `${n(output)}: no log with samples to compare: nothing written`,
  OUTPUT_DOMAIN_NOWHERE: (output: string, domain: number) => `${n(output)}: no log has rows of domain ${domain} (--domain): nothing written`,
  OUTPUT_ORDERS_NOWHERE: (output: string, orders: readonly number[], has: readonly number[]) =>
    `${n(output)}: no log has rows of ${orders.length === 1 ? 'order' : 'orders'} ${orders.join(', ')} (--orders): nothing written; the logs have orders ${has.join(', ')}`,
  OUTPUT_IS_INPUT: (output: string) => `${n(output)}: is also an input: refusing to overwrite it`,
  INPUT_SAME_NAME: (input: string, other: string) =>
    `${n(input)}: same file name as ${n(other)}, so its metrics would be the same series (label boot): skipped (give each machine's logs a run of their own, with --label host=NAME)`,
  RENDER_DIED: (file: string, why: string) => `${n(file)}: not drawn: the worker drawing it ${why}; the other logs go on`,
  OUTPUT_CLAIMED: (input: string, output: string, other: string) =>
    `${n(input)}: its output ${n(output)} is already the output of ${n(other)}: skipped (rename one log)`,
  OUTPUT_NOT_OURS: (file: string) => `${n(file)}: not written by fmfi-plot: left as it is (--no-index: no index page)`,
  INDEX_NOT_FOLDER: (dir: string) => `${n(dir)}: not a folder of charts`,
  INDEX_NO_DATA: (dir: string) =>
    `${n(dir)}: no index.json of this version of fmfi-plot: run fmfi-plot LOG... -o ${n(dir)} to make the charts and the page`,
} as const;
export type FailureCode = keyof typeof Failure;

/** Usage errors: a command line that cannot be run as written (exit status 2). */
export const Usage = {
  WHOLE_NUMBER: (value: string) => `expected a whole number of 0 or more, got "${value}".`,
  POSITIVE_NUMBER: (value: string) => `expected a whole number of 1 or more, got "${value}".`,
  SIZE_RANGE: (min: number, max: number, value: string) => `expected a size in pixels from ${min} to ${max}, got "${value}".`,
  Z_RANGE_SHAPE: (value: string) => `expected MIN:MAX (for example -1000:1000) or auto, got "${value}".`,
  HEIGHT_RANGE_SHAPE: (value: string) => `expected split, auto or MIN:MAX (for example -1000:1000), got "${value}".`,
  Z_RANGE_FINITE: (value: string) => `expected finite numbers in MIN:MAX, got "${value}".`,
  Z_RANGE_ORDER: (value: string) => `MIN must be less than MAX, got "${value}".`,
  TERMINAL: (choices: readonly string[], value: string) => `expected a gnuplot terminal, one of ${choices.join(', ')}; got "${value}".`,
  UPTIME: (value: string) => `expected a duration such as 3d, 12h, 90m or 1d12h, got "${value}".`,
  ORDERS: (value: string) => `expected orders as whole numbers separated by commas (for example 0,5,9,12), got "${value}".`,
  TIME_SHAPE: (value: string) =>
    `expected a time as the log writes it (2024-04-08_10:05:00) or in ISO 8601 (2024-04-08T10:05:00, 2024-04-08 10:05, 2024-04-08), got "${value}".`,
  TIME_ZONED: (value: string) =>
    `expected a time without a zone, as the log's clock showed it (the log's times have none), got "${value}".`,
  TIME_NOT_REAL: (value: string) => `expected a real date and time, got "${value}".`,
  TIME_RANGE_ORDER: (since: string, until: string) => `--until (${until}) is before --since (${since}): no sample could lie between.`,
  Z_RANGE_HEATMAP: () => "--z-range is for the 3d style: the heatmap's colours cover every value, in a class per decade below 0",
  NO_LOG: () => 'no LOG given (use - to read standard input)',
  OUTPUT_AND_OUT_DIR: () => '-o and --out-dir do not go together: one file for all logs, or one per log',
  LABEL_SHAPE: (value: string) => `expected a label as NAME=VALUE (for example host=db1), got "${value}".`,
  LABEL_NAME: (name: string) =>
    `expected a label name of letters, digits and _ that starts with a letter or _ (not __), got "${name}".`,
  LABEL_OWN: (name: string, own: readonly string[]) => `fmfi-plot sets the labels ${own.join(', ')} itself: choose another name than "${name}".`,
  LABEL_EMPTY: (name: string) => `the label ${name} has an empty value, which Prometheus treats as no label at all.`,
  LABEL_TWICE: (name: string) => `the label ${name} is given twice.`,
  TIMEZONE: (value: string) => `expected an IANA time zone such as Europe/Berlin, America/New_York or UTC, got "${value}".`,
  MACHINE_ZONE_UNKNOWN: () => "this machine's time zone is unknown: say how to read the log's times with --timezone ZONE or --utc",
  CHART_OUTPUT_AND_OUT_DIR: () => '-o and --out-dir do not go together: -o names the chart file or the folder, --out-dir the folder',
  CHART_FILE_FOR_SEVERAL: (path: string, logs: number) =>
    `-o ${path} names one chart file, but ${logs} logs make ${logs} charts: give a folder (-o DIR)`,
  CHART_FILE_FORMAT: (path: string, format: string) => `-o ${path} names a file of another format than --format ${format}`,
  UNKNOWN_COMMAND: (name: string, suggestion: string | null) =>
    `unknown command '${name}'${suggestion === null ? '' : ` (did you mean ${suggestion}?)`}`,
  OPTION_OF_OTHER_COMMAND: (flag: string, command: string, owners: readonly string[]) =>
    `unknown option '${flag}' for ${command}: it is an option of ${owners.join(' and ')}`,
} as const;
export type UsageCode = keyof typeof Usage;

/** Lines the command line prints about a whole run. */
export const Say = {
  MORE_WARNINGS: (count: number) => `${count} more warning${count === 1 ? '' : 's'} not shown`,
  BATCH_SUMMARY: (rendered: number, upToDate: number, withoutSamples: number, failed: number) =>
    `${rendered} rendered, ${upToDate} up to date, ${withoutSamples} without samples, ${failed} failed`,
  SEE_HELP: (command: string | null) => `(see 'fmfi-plot ${command === null ? '' : `${command} `}--help')`,
  BUG: (what: string) =>
    `internal error (a bug in fmfi-plot, not a problem with your input; please report it with this message): ${what}`,
} as const;

type Args<C extends Record<string, (...a: never[]) => string>, K extends keyof C> = Parameters<C[K]>;

/** A failure that is the user's to fix (a missing file, a full disk): the CLI prints the message, never a stack. */
export class FmfiError extends Error {
  readonly code: FailureCode;
  constructor(code: FailureCode, message: string) {
    super(message);
    this.name = 'FmfiError';
    this.code = code;
  }
}

/** The FmfiError of a catalogue entry: `failure('INPUT_MISSING', file)`. */
export function failure<K extends FailureCode>(code: K, ...args: Args<typeof Failure, K>): FmfiError {
  const message = (Failure[code] as (...a: Args<typeof Failure, K>) => string)(...args);
  return new FmfiError(code, message);
}

export function isFmfiError(e: unknown): e is FmfiError {
  return e instanceof FmfiError;
}

/** A log that could not be read (missing, a folder, unreadable): that input is skipped, the others go on. */
export function isInputFailure(e: unknown): e is FmfiError {
  return e instanceof FmfiError && e.code.startsWith('INPUT_');
}

/** An option value that cannot be used; the command line turns it into a usage error (exit 2). */
export class OptionError extends Error {
  readonly code: UsageCode;
  constructor(code: UsageCode, message: string) {
    super(message);
    this.name = 'OptionError';
    this.code = code;
  }
}

/** The OptionError of a catalogue entry: `optionError('Z_RANGE_ORDER', text)`. */
export function optionError<K extends UsageCode>(code: K, ...args: Args<typeof Usage, K>): OptionError {
  const message = (Usage[code] as (...a: Args<typeof Usage, K>) => string)(...args);
  return new OptionError(code, message);
}

/** Turns a Node.js file-system error into a sentence about the named file. */
export function fileError(file: string, e: unknown, doing: 'read' | 'write'): FmfiError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const reading = doing === 'read';
  switch (code) {
    case 'ENOENT':
      return reading ? failure('INPUT_MISSING', file) : failure('OUTPUT_FOLDER_MISSING', file);
    case 'EISDIR':
      return reading ? failure('INPUT_IS_DIRECTORY', file) : failure('OUTPUT_IS_DIRECTORY', file);
    case 'EACCES':
    case 'EPERM':
      return reading ? failure('INPUT_PERMISSION', file) : failure('OUTPUT_PERMISSION', file);
    case 'ENOTDIR':
      return reading ? failure('INPUT_PATH_NOT_FOLDER', file) : failure('OUTPUT_PATH_NOT_FOLDER', file);
    case 'ENOSPC':
      return failure('OUTPUT_NO_SPACE', file);
    case 'EROFS':
      return failure('OUTPUT_READ_ONLY', file);
    default: {
      const why = e instanceof Error ? e.message : String(e);
      return reading ? failure('INPUT_UNREADABLE', file, why) : failure('OUTPUT_UNWRITABLE', file, why);
    }
  }
}

/** Whether an error came from the operating system (a file, a pipe, a device), not from a bug of ours. */
export function isSystemError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && typeof (e as NodeJS.ErrnoException).syscall === 'string';
}

/** The sentence for a failure inside fmfi-plot's own code: the stack, and a request to report it. */
export function bugMessage(e: unknown): string {
  return Say.BUG(e instanceof Error ? (e.stack ?? e.message) : String(e));
}
