// `fmfi-plot stats LOG...`: numbers per boot window, domain and order, as a table, CSV or JSON.
import { Command, Option } from 'commander';
import { bootTimeOf } from '../formats/read.js';
import { displayName } from '../io/chunks.js';
import { assertNotAnInput } from '../io/guard.js';
import { clearLeftoversBeside, openTextSink } from '../io/sinks.js';
import type { FormatName } from '../formats/registry.js';
import type { Sample } from '../model.js';
import type { Reporter } from '../report.js';
import { DomainCheck } from '../summary/domains.js';
import { WindowStatsBuilder, type WindowStats } from '../summary/stats.js';
import { readReported, runStatus } from './inputs.js';
import { domainOption, inputFormatOption, inputsOrStdin, outputFileOption, rangeOf, sinceOption, strictOption, untilOption, warningsOption, withExamples, type SetStatus } from './options.js';
import type { TimeRange } from '../summary/time-range.js';
import { stderrReporter } from './reporter.js';

export const StatsFormat = { table: 'table', csv: 'csv', json: 'json' } as const;
export type StatsFormat = keyof typeof StatsFormat;

export interface StatsCommandOptions {
  readonly format: StatsFormat;
  /** Keep only this NUMA domain; null keeps all. */
  readonly domain: number | null;
  /** `-` for standard output. */
  readonly output: string;
  /** Read every log as this format; by default each log's is recognised. */
  readonly inputFormat?: FormatName;
  /** --since and --until: only the samples of this stretch of time. */
  readonly range?: TimeRange;
}

/** A sample with only the rows of one domain (a new object: the reader's are reused). */
function onlyDomain(sample: Sample, domain: number): Sample {
  return { time: sample.time, line: sample.line, domains: sample.domains.filter((d) => d.domain === domain) };
}

/** The statistics of one log, streamed; null when it could not be read. */
async function statsOf(path: string, options: StatsCommandOptions, reporter: Reporter): Promise<WindowStats | null> {
  const builder = new WindowStatsBuilder(path, bootTimeOf(path));
  const domain = options.domain;
  const check = domain === null ? null : new DomainCheck(domain);
  const add =
    domain === null
      ? (s: Sample) => builder.add(s)
      : (s: Sample) => {
          check!.add(s);
          builder.add(onlyDomain(s, domain));
        };
  const info = await readReported(path, add, reporter, { format: options.inputFormat, range: options.range });
  if (info === null) return null;
  const absent = check?.finish(displayName(path));
  if (absent) reporter.diagnostic(absent);
  return builder.finish();
}

/** The windows as the chosen format; the csv-stringify and JSON code is loaded only when asked for. */
async function render(windows: readonly WindowStats[], format: StatsFormat): Promise<string> {
  switch (format) {
    case 'table':
      return (await import('../views/stats/table.js')).statsTable(windows);
    case 'csv':
      return (await import('../views/stats/csv.js')).statsCsv(windows);
    case 'json':
      return (await import('../views/stats/json.js')).statsJson(windows);
  }
}

/** Returns whether every input was read; throws FmfiError for output failures. */
export async function runStats(inputs: readonly string[], options: StatsCommandOptions, reporter: Reporter): Promise<boolean> {
  await assertNotAnInput(options.output, inputs);
  await clearLeftoversBeside(options.output);
  const windows: WindowStats[] = [];
  let ok = true;
  for (const input of inputs) {
    const stats = await statsOf(input, options, reporter);
    if (stats === null) ok = false;
    else windows.push(stats);
  }
  if (windows.length === 0) return ok;
  const sink = await openTextSink(options.output);
  try {
    sink.write(await render(windows, options.format));
    await sink.commit();
  } catch (e) {
    await sink.abort();
    throw e;
  }
  return ok;
}

interface StatsFlags {
  format: StatsFormat;
  domain?: number;
  output: string;
  inputFormat?: FormatName;
  strict?: boolean;
  warnings: number;
  since?: number;
  until?: number;
}

export function statsCommand(setStatus: SetStatus): Command {
  const command = new Command('stats')
    .description('numbers per boot window, domain and order: FMFI quantiles, average free block size, first crossings of 0')
    .argument('[LOG...]', 'logs; - is standard input (the default when it is not a terminal); several are compared with the first')
    .addOption(
      new Option('--format <FORMAT>', 'table: aligned text; csv: one record per window, domain and order; json: schema fmfi-plot/stats 1')
        .choices(['table', 'csv', 'json'])
        .default('table'),
    )
    .addOption(domainOption('keep only NUMA domain N; a warning when no sample has it'))
    .addOption(outputFileOption())
    .addOption(sinceOption())
    .addOption(untilOption())
    .addOption(inputFormatOption())
    .addOption(strictOption())
    .addOption(warningsOption())
    .exitOverride()
    .action(async (logs: string[], flags: StatsFlags, command: Command) => {
      const inputs = inputsOrStdin(logs, command);
      const reporter = stderrReporter(flags.warnings);
      const ok = await runStats(inputs, { format: flags.format, domain: flags.domain ?? null, output: flags.output, inputFormat: flags.inputFormat, range: rangeOf(flags, command) }, reporter);
      setStatus(runStatus(ok, flags.strict === true, reporter));
    });
  return withExamples(command, [
    ['fmfi-plot stats vm_frag_20240408_1005.log', 'a table of the numbers of one boot window'],
    ['fmfi-plot stats vm_frag_20240610_0912.log vm_frag_20240617_1430.log', 'two boot windows side by side, the second against the first'],
    ['fmfi-plot stats --format json /var/tmp/vm_frag_*.log -o stats.json', 'every window as JSON, for a program to read'],
  ]);
}
