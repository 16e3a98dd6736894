// Option values checked while commander parses them: a bad value is a usage error (exit 2).
import { InvalidArgumentError, Option, type Command } from 'commander';
import { optionError, OptionError, Usage } from '../errors.js';
import { FORMATS } from '../formats/registry.js';
import { IndexName } from '../indices.js';
import type { HeightRange, ZRange } from '../summary/height.js';
import { parseTimeBound, timeRange, type TimeRange } from '../summary/time-range.js';

export const ExitStatus = { ok: 0, failed: 1, usage: 2 } as const;

/** Called by a command's action with the status the process should exit with. */
export type SetStatus = (status: number) => void;

/**
 * A parser of the library (throwing OptionError) as commander's option parser: the one
 * place where the library's errors become commander's, so the library never throws them.
 */
export function optionParser<T>(parse: (value: string) => T): (value: string) => T {
  return (value) => {
    try {
      return parse(value);
    } catch (e) {
      if (e instanceof OptionError) throw new InvalidArgumentError(e.message);
      throw e;
    }
  };
}

export const parseNonNegativeInt = optionParser((value: string): number => {
  if (!/^\d{1,9}$/.test(value)) throw optionError('WHOLE_NUMBER', value);
  return Number(value);
});

/** A parser for a size in pixels from `min` to `max`. */
export function sizeBetween(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
    if (!(n >= min && n <= max)) throw new InvalidArgumentError(Usage.SIZE_RANGE(min, max, value));
    return n;
  };
}

export function parsePositiveInt(value: string): number {
  const n = parseNonNegativeInt(value);
  if (n === 0) throw new InvalidArgumentError(Usage.POSITIVE_NUMBER(value));
  return n;
}

/** Inputs as given, or standard input when none are given and it is not a terminal. */
export function inputsOrStdin(logs: string[], command: Command): string[] {
  if (logs.length > 0) return logs;
  if (process.stdin.isTTY) command.error(Usage.NO_LOG(), { exitCode: ExitStatus.usage });
  return ['-'];
}

export const warningsOption = (): Option =>
  new Option('--warnings <N>', 'show at most N warnings per log, 0 for all').argParser(parseNonNegativeInt).default(20);

// Flags are off unless given: no `(default: false)` in the help.
export const strictOption = (): Option => new Option('--strict', 'treat any warning as a failure (exit 1)');

/** `--input-format`: the log's format, instead of the one its first bytes show. */
export const inputFormatOption = (): Option =>
  new Option('--input-format <FORMAT>', 'read every log as this format')
    .choices(Object.keys(FORMATS))
    .default(undefined, "recognised from each log's content");

/** `--index`: what the height of a picture shows. */
export const indexOption = (): Option =>
  new Option('--index <INDEX>', 'what the height shows: fmfi, or (logs of free block counts) unusable or extfrag')
    .choices(Object.keys(IndexName))
    .default('fmfi');

/** `--zone`: only the Linux zones of that name. */
export const zoneOption = (): Option => new Option('--zone <NAME>', 'keep only the Linux zones of this name, such as Normal').default(undefined, 'all');

/** `--domain`: only one NUMA domain. */
export const domainOption = (description = 'keep only NUMA domain N'): Option =>
  new Option('--domain <N>', description).argParser(parseNonNegativeInt).default(undefined, 'all');

/** `-o`/`--output` of a command that writes one file. */
export const outputFileOption = (description = 'write to FILE, atomically; - is standard output'): Option =>
  new Option('-o, --output <FILE>', description).default('-', 'standard output');

/**
 * `--domain N` of the pictures of one window (render, gnuplot): the one domain drawn, any
 * of them, not only those the panels have room for.
 */
export const DRAW_DOMAIN = "draw only NUMA domain N, any of the log's; without it at most 8 domains are drawn, the others named in a warning";

/**
 * The height range a picture uses: the one given, or the index's own (unusable runs from 0
 * to 1000; FMFI and extfrag from -1000).
 */
export function zRangeFor<R extends HeightRange>(zRange: R, index: IndexName, command: Command): R | ZRange {
  if (command.getOptionValueSource('zRange') === 'cli' || index !== 'unusable') return zRange;
  return { kind: 'fixed', min: 0, max: 1000 };
}

const TIME_FORMS = "as the log's clock showed it: 2024-04-08_10:05:00, or ISO 8601 such as 2024-04-08T10:05, or 2024-04-08 for its midnight";

/** `--since` and `--until`: a stretch of the log's own times, both ends kept. */
export const sinceOption = (): Option =>
  new Option('--since <TIME>', `keep only samples at or after TIME, ${TIME_FORMS}`).argParser(optionParser(parseTimeBound)).default(undefined, 'from the first');
export const untilOption = (): Option =>
  new Option('--until <TIME>', 'keep only samples at or before TIME, written as for --since').argParser(optionParser(parseTimeBound)).default(undefined, 'to the last');

/** The range --since and --until give; a range that ends before it starts is a usage error. */
export function rangeOf(flags: { readonly since?: number; readonly until?: number }, command: Command): TimeRange {
  try {
    return timeRange(flags.since ?? null, flags.until ?? null);
  } catch (e) {
    if (e instanceof OptionError) command.error(e.message, { exitCode: ExitStatus.usage });
    throw e;
  }
}

/** An example for a command's help: the command line, and what it does. */
export type Example = readonly [line: string, what: string];

const EXAMPLES = new WeakMap<Command, readonly Example[]>();

/** Ends the command's help with its examples (kept for the man page's test, too). */
export function withExamples(command: Command, examples: readonly Example[]): Command {
  EXAMPLES.set(command, examples);
  const text = examples.map(([line, what]) => `  ${line}\n      ${what}\n`).join('');
  return command.addHelpText('after', `\nExamples:\n${text}`);
}

/** The examples a command's help shows. */
export function examplesOf(command: Command): readonly Example[] {
  return EXAMPLES.get(command) ?? [];
}
