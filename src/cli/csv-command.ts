// `fmfi-plot csv LOG...`: the samples as CSV, concatenated in argument order.
import { Command, Option } from 'commander';
import { awkLines, rowAwkDrops, type DomainFilter } from '../csv/awk.js';
import { csvHeader, csvLines } from '../csv/rfc4180.js';
import { fileError, FmfiError, Warn } from '../errors.js';
import { assertNotAnInput, openTextSink, type TextSink } from '../io/atomic.js';
import type { Sample } from '../model.js';
import { displayName, streamLog } from '../parse/parse-log.js';
import { ExitStatus, inputsOrStdin, parseNonNegativeInt, strictOption, warningsOption, type SetStatus } from './options.js';
import { stderrReporter, type Reporter } from './reporter.js';

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
async function appendLog(
  path: string,
  sink: TextSink,
  toText: (s: Sample) => string,
  reporter: Reporter,
  dialect: Dialect,
): Promise<boolean> {
  // Where the awk dialect keeps rows the awk script would drop, say so once per log.
  let noted = dialect !== 'awk';
  const file = displayName(path);
  try {
    await streamLog(
      path,
      (sample) => {
        if (!noted) {
          const dropped = rowAwkDrops(sample);
          if (dropped !== null) {
            noted = true;
            const message = Warn.AWK_WOULD_DROP(dropped.sizeKiB, dropped.order);
            reporter.diagnostic({ code: 'AWK_WOULD_DROP', severity: 'note', file, line: sample.line, message });
          }
        }
        sink.write(toText(sample));
      },
      (d) => reporter.diagnostic(d),
      () => sink.drain(),
    );
    return true;
  } catch (e) {
    if (e instanceof FmfiError) throw e; // an output failure: nothing more can be written
    reporter.error(fileError(file, e, 'read').message);
    return false;
  } finally {
    reporter.endFile(file);
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
      if (!(await appendLog(input, sink, toText, reporter, options.dialect))) ok = false;
    }
    await sink.commit();
  } catch (e) {
    await sink.abort();
    throw e;
  }
  return ok;
}

export function csvCommand(setStatus: SetStatus): Command {
  return new Command('csv')
    .description('write the samples as CSV, the inputs concatenated in argument order')
    .argument('[LOG...]', 'vm.phys_frag_idx logs; - is standard input (the default when it is not a terminal)')
    .addOption(
      new Option('--dialect <dialect>', 'awk: "ORDER DATE FMFI" as parse_vm_frag.awk prints; csv: RFC 4180 with a header')
        .choices(['awk', 'csv'])
        .default('awk'),
    )
    .addOption(new Option('--domain <N>', 'keep only NUMA domain N (default: all)').argParser(parseNonNegativeInt))
    .option('-o, --output <FILE>', 'write to FILE atomically instead of standard output', '-')
    .addOption(strictOption())
    .addOption(warningsOption())
    .exitOverride()
    .action(async (logs: string[], opts: { dialect: string; domain?: number; output: string; strict: boolean; warnings: number }, command: Command) => {
      const inputs = inputsOrStdin(logs, command);
      const reporter = stderrReporter(opts.warnings);
      const dialect: Dialect = isDialect(opts.dialect) ? opts.dialect : 'awk';
      const ok = await runCsv(inputs, { dialect, domain: opts.domain ?? null, output: opts.output }, reporter);
      setStatus(ok && !(opts.strict && reporter.warnings > 0) ? ExitStatus.ok : ExitStatus.failed);
    });
}
