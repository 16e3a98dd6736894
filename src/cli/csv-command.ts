// `fmfi-plot csv LOG...`: the samples as CSV, concatenated in argument order (or one file per log).
import { Command, Option } from 'commander';
import { FmfiError, Usage } from '../errors.js';
import { displayName, LOG_CHUNK } from '../io/chunks.js';
import { InputSet } from '../io/guard.js';
import type { OutputRole } from '../io/places.js';
import { clearLeftoversBeside, openTextSink, type TextSink } from '../io/sinks.js';
import type { Diagnostic, Sample } from '../model.js';
import { DomainCheck } from '../summary/domains.js';
import { AwkWriter, type DomainFilter } from '../views/csv/awk.js';
import { ByteBuilder } from '../views/bytes.js';
import type { CsvHeader, Dialect } from '../views/csv/writer.js';
import { readReported, runStatus } from './inputs.js';
import type { FormatName } from '../formats/registry.js';
import { domainOption, ExitStatus, inputFormatOption, inputsOrStdin, outputFileOption, rangeOf, sinceOption, strictOption, untilOption, warningsOption, withExamples, type SetStatus } from './options.js';
import type { TimeRange } from '../summary/time-range.js';
import { stderrReporter, type Reporter } from './reporter.js';

// What only some runs need (the csv dialect and csv-stringify, --out-dir) is imported where
// it is needed: on all but the largest logs, start-up is most of the time `csv` takes.

export interface CsvCommandOptions {
  readonly dialect: Dialect;
  readonly domain: DomainFilter;
  /** `-` for standard output. */
  readonly output: string;
  /** Write nothing unless every input was read (one file per log); else keep what was read. */
  readonly allOrNothing?: boolean;
  /** Every log read as this format; by default each log's own. */
  readonly inputFormat?: FormatName;
  /** The inputs of the whole run, none of which the output may be: by default those given. */
  readonly guard?: InputSet;
  /** Who chose the output path (see openTextSink); `named` by default. */
  readonly role?: OutputRole;
  /** --since and --until: only the samples of this stretch of time. */
  readonly range?: TimeRange;
}

/** Output is handed to the sink in pieces of at least this many bytes. */
const HAND_ON = 512 << 10;

/** Streams one log into the sink; returns whether it could be read. Output failures throw. */
async function appendLog(path: string, options: CsvCommandOptions, sink: TextSink, reporter: Reporter, header: CsvHeader | null): Promise<boolean> {
  // Room for what a chunk of input makes; it grows if a chunk makes more.
  const out = new ByteBuilder(2 * LOG_CHUNK);
  const file = displayName(path);
  const onDiagnostic = (d: Diagnostic): void => reporter.diagnostic(d);
  // The csv dialect's module brings csv-stringify: loaded only when asked for.
  const writer =
    options.dialect === 'awk'
      ? new AwkWriter(options.domain, file, onDiagnostic)
      : new (await import('../views/csv/writer.js')).CsvWriter(options.dialect, options.domain, file, onDiagnostic, header);
  try {
    const afterChunk = (): Promise<void> => {
      // Handed on between chunks, not checked per sample: the sample callback stays a
      // line that V8 compiles once (a branch in it taken only now and then cost a recompile).
      if (out.length >= HAND_ON) {
        const bytes = out.take();
        sink.write(bytes, () => out.recycle(bytes));
      }
      return sink.drain();
    };
    // --domain: a second look at each sample, only then, to name the domains a log has when it lacks the one asked for.
    const check = options.domain === null ? null : new DomainCheck(options.domain);
    const onSample =
      check === null
        ? (sample: Sample) => writer.sample(sample, out)
        : (sample: Sample) => {
            check.add(sample);
            writer.sample(sample, out);
          };
    const info = await readReported(path, onSample, reporter, { format: options.inputFormat, afterChunk, range: options.range });
    const absent = info === null ? null : check?.finish(file);
    if (absent) reporter.diagnostic(absent);
    return info !== null;
  } finally {
    if (out.length > 0) sink.write(out.take());
  }
}

/** Returns whether every input was read (warnings allowed). Throws FmfiError for output failures. */
export async function runCsv(inputs: readonly string[], options: CsvCommandOptions, reporter: Reporter): Promise<boolean> {
  await (options.guard ?? (await InputSet.of(inputs))).refuse(options.output);
  if (options.role !== 'derived') await clearLeftoversBeside(options.output);
  const sink = await openTextSink(options.output, { role: options.role ?? 'named' });
  let ok = true;
  try {
    // The csv dialect's header comes with the first record: its columns depend on the log's format.
    const header = options.dialect === 'csv' ? new (await import('../views/csv/writer.js')).CsvHeader() : null;
    for (const input of inputs) {
      if (!(await appendLog(input, options, sink, reporter, header))) ok = false;
    }
    if (header !== null && !header.written) sink.write((await import('../views/csv/rfc4180.js')).csvHeader());
    if (!ok && options.allOrNothing === true) {
      await sink.abort();
      return false;
    }
    await sink.commit();
  } catch (e) {
    await sink.abort();
    throw e;
  }
  return ok;
}

/** One CSV per log in `outDir`, as the original shell loop made them; returns whether all went well. */
export async function runCsvPerLog(inputs: readonly string[], outDir: string, options: Omit<CsvCommandOptions, 'output'>, reporter: Reporter): Promise<boolean> {
  const { assignOutputs, ensureDir } = await import('../batch/outputs.js');
  const { clearLeftovers } = await import('../io/temp.js');
  await ensureDir(outDir);
  await clearLeftovers(outDir);
  const { assigned, refused } = assignOutputs(inputs, outDir, 'csv');
  for (const r of refused) reporter.error(r.message);
  let ok = refused.length === 0;
  // Each CSV is checked against every input, not only its own log.
  const guard = await InputSet.of(inputs);
  for (const { input, output } of assigned) {
    try {
      if (!(await runCsv([input], { ...options, output, allOrNothing: true, guard, role: 'derived' }, reporter))) ok = false;
    } catch (e) {
      if (!(e instanceof FmfiError)) throw e;
      reporter.error(e.message);
      ok = false;
    }
  }
  return ok;
}

interface CsvFlags {
  dialect: Dialect;
  domain?: number;
  output: string;
  outDir?: string;
  strict?: boolean;
  warnings: number;
  inputFormat?: FormatName;
  since?: number;
  until?: number;
}

export function csvCommand(setStatus: SetStatus): Command {
  const command = new Command('csv')
    .description('write the samples as CSV, the inputs concatenated in argument order')
    .argument('[LOG...]', 'logs (vm.phys_frag_idx, vm.phys_free or /proc/buddyinfo); - is standard input (the default when it is not a terminal)')
    .addOption(
      new Option('--dialect <DIALECT>', 'awk: "ORDER DATE FMFI" as parse_vm_frag.awk prints it; csv: RFC 4180 with a header')
        .choices(['awk', 'csv'])
        .default('awk'),
    )
    .addOption(domainOption())
    .addOption(outputFileOption())
    .option('--out-dir <DIR>', 'write one CSV per log instead: DIR/<log name without .log>.csv')
    .addOption(sinceOption())
    .addOption(untilOption())
    .addOption(inputFormatOption())
    .addOption(strictOption())
    .addOption(warningsOption())
    .exitOverride()
    .action(async (logs: string[], flags: CsvFlags, command: Command) => {
      const inputs = inputsOrStdin(logs, command);
      if (flags.outDir !== undefined && command.getOptionValueSource('output') === 'cli') {
        command.error(Usage.OUTPUT_AND_OUT_DIR(), { exitCode: ExitStatus.usage });
      }
      const reporter = stderrReporter(flags.warnings);
      const common = { dialect: flags.dialect, domain: flags.domain ?? null, inputFormat: flags.inputFormat, range: rangeOf(flags, command) };
      const ok =
        flags.outDir === undefined
          ? await runCsv(inputs, { ...common, output: flags.output }, reporter)
          : await runCsvPerLog(inputs, flags.outDir, common, reporter);
      setStatus(runStatus(ok, flags.strict === true, reporter));
    });
  return withExamples(command, [
    ['fmfi-plot csv vm_frag_20240408_1005.log > vm_frag_20240408_1005.csv', 'what parse_vm_frag.awk prints, byte for byte, for gnuplot and the original template'],
    ['fmfi-plot csv --dialect csv --domain 0 vm_frag_20240408_1005.log -o fmfi.csv', 'RFC 4180 CSV with a header, NUMA domain 0 only, for a spreadsheet'],
    ['fmfi-plot csv /var/tmp/vm_frag_*.log --out-dir csv', 'one CSV per log in csv/, as the original shell loop made them'],
  ]);
}
