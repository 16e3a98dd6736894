// `fmfi-plot metrics LOG...`: the samples as metrics for Prometheus, a history to backfill or the latest sample for node_exporter.
import { Command, Option } from 'commander';
import { Failure, optionError, Usage, Warn } from '../errors.js';
import { displayName } from '../io/chunks.js';
import { assertNotAnInput } from '../io/guard.js';
import { clearLeftoversBeside, openTextSink } from '../io/sinks.js';
import { ByteBuilder } from '../views/bytes.js';
import type { FormatName } from '../formats/registry.js';
import type { Diagnostic } from '../model.js';
import { machineZoneName, TimeZone } from '../zone.js';
import { readReported, runStatus } from './inputs.js';
import { ExitStatus, inputFormatOption, inputsOrStdin, optionParser, outputFileOption, strictOption, warningsOption, withExamples, type SetStatus } from './options.js';
import { stderrReporter, type Reporter } from './reporter.js';
import { addConstantLabel, type Label } from '../views/metrics/names.js';

// The views and the column store are imported when the command runs: `fmfi-plot --help`
// and `--version` build every command, and pay for what their modules load.

export interface MetricsCommandOptions {
  /** Only the last complete sample of each log, without timestamps (node_exporter's textfile collector). */
  readonly latest: boolean;
  readonly zone: TimeZone;
  readonly labels: readonly Label[];
  /** `-` for standard output. */
  readonly output: string;
  readonly inputFormat?: FormatName;
}

/** Gives each log its `boot` label, refusing a log whose name another log already has. */
class BootNames {
  private readonly seen = new Map<string, string>();

  constructor(private readonly bootLabel: (source: string) => string) {}

  /** The log's label, or null after saying why it is skipped. */
  take(input: string, reporter: Reporter): string | null {
    const boot = this.bootLabel(input);
    const other = this.seen.get(boot);
    if (other !== undefined) {
      reporter.error(Failure.INPUT_SAME_NAME(displayName(input), other));
      return null;
    }
    this.seen.set(boot, displayName(input));
    return boot;
  }
}

/**
 * Writes pieces of output atomically; a failure leaves the previous output. A piece is
 * given to `written` once written (the history's builder takes its buffers back).
 */
async function writeOutput(output: string, pieces: Iterable<string | Uint8Array>, written?: (piece: Uint8Array) => void): Promise<void> {
  const sink = await openTextSink(output);
  try {
    for (const piece of pieces) {
      sink.write(piece, written === undefined || typeof piece === 'string' ? undefined : () => written(piece));
      await sink.drain();
    }
    await sink.commit();
  } catch (e) {
    await sink.abort();
    throw e;
  }
}

/**
 * Every sample of every log as OpenMetrics. The values wait in a temporary file per log
 * until all are read (OpenMetrics keeps each family and series together), then are written.
 */
async function runHistory(inputs: readonly string[], options: MetricsCommandOptions, reporter: Reporter): Promise<boolean> {
  const { LogClock, MetricsHistory, bootLabel } = await import('../views/metrics/index.js');
  const { FileColumnStore } = await import('../io/columns.js');
  const history = new MetricsHistory(options.labels);
  const names = new BootNames(bootLabel);
  const stores: InstanceType<typeof FileColumnStore>[] = [];
  let ok = true;
  try {
    for (const input of inputs) {
      const boot = names.take(input, reporter);
      if (boot === null) {
        ok = false;
        continue;
      }
      const store = new FileColumnStore();
      stores.push(store);
      const log = history.log(boot, store);
      const clock = new LogClock(options.zone, displayName(input), (d) => reporter.diagnostic(d), { increasing: true });
      const info = await readReported(
        input,
        (sample) => {
          if (sample.domains.length === 0) return;
          const instant = clock.instantOf(sample);
          if (instant !== null) log.add(sample, instant);
        },
        reporter,
        { format: options.inputFormat },
      );
      if (info === null) ok = false;
    }
    const out = new ByteBuilder(1 << 19);
    await writeOutput(options.output, history.pieces(out), (piece) => out.recycle(piece));
  } finally {
    for (const store of stores) store.close();
  }
  return ok;
}

/** Diagnostics kept back at most, per log, for `--latest`; beyond that they are counted. */
const HELD = 1000;

/**
 * For `--latest`: says only what concerns the sample shown and the lines after it (why a
 * newer sample was not shown). The cron job runs after every sample, and damage from days
 * ago would otherwise be mailed every five minutes; the history says all of it.
 */
class LatestReporter implements Reporter {
  private held: Diagnostic[] = [];
  /** Warnings beyond HELD, all after the held ones. */
  private more = 0;

  constructor(
    private readonly to: Reporter,
    /** Called when the log is read, after its diagnostics are let through. */
    private readonly atEnd: () => void,
  ) {}

  diagnostic(d: Diagnostic): void {
    if (this.held.length < HELD) this.held.push(d);
    else if (d.severity === 'warning') this.more++;
  }

  /** A sample from `line` on is shown: what came before it is not said (what is about the whole file is). */
  keepFrom(line: number): void {
    this.held = this.held.filter((d) => d.line === 0 || d.line >= line);
    if (this.held.length === 0) this.more = 0;
  }

  error(message: string): void {
    this.to.error(message);
  }

  endFile(file: string, hidden = 0): void {
    for (const d of this.held) this.to.diagnostic(d);
    this.atEnd();
    this.to.endFile(file, hidden + this.more);
    this.held = [];
    this.more = 0;
  }

  get warnings(): number {
    return this.to.warnings;
  }

  get errors(): number {
    return this.to.errors;
  }
}

/** The last complete sample of each log, in the Prometheus text format. */
async function runLatest(inputs: readonly string[], options: MetricsCommandOptions, reporter: Reporter): Promise<boolean> {
  const { LatestPicker, LogClock, bootLabel, formatLatest } = await import('../views/metrics/index.js');
  const names = new BootNames(bootLabel);
  const entries: Parameters<typeof formatLatest>[0][number][] = [];
  let ok = true;
  for (const input of inputs) {
    const boot = names.take(input, reporter);
    if (boot === null) {
      ok = false;
      continue;
    }
    const file = displayName(input);
    const picker = new LatestPicker();
    let withRows = 0;
    const latestReporter = new LatestReporter(reporter, () => {
      if (withRows > 0 && picker.latest === null) {
        reporter.diagnostic({ code: 'NO_COMPLETE_SAMPLE', severity: 'warning', file, line: 0, message: Warn.NO_COMPLETE_SAMPLE(withRows) });
      }
    });
    const clock = new LogClock(options.zone, file, (d) => latestReporter.diagnostic(d), { increasing: false });
    let instant = 0;
    const info = await readReported(
      input,
      (sample) => {
        if (sample.domains.length === 0) return;
        withRows++;
        const at = clock.instantOf(sample)!;
        if (!picker.add(sample)) return;
        instant = at;
        latestReporter.keepFrom(sample.line);
      },
      latestReporter,
      { format: options.inputFormat },
    );
    if (info === null) ok = false;
    const latest = picker.latest;
    if (latest !== null) entries.push({ boot, sample: latest, instant });
  }
  // Written even without a sample: the file then holds none, and the collector shows no stale values.
  await writeOutput(options.output, [formatLatest(entries, options.labels)]);
  return ok;
}

/** Returns whether every input was read (warnings allowed). Throws FmfiError for output failures. */
export async function runMetrics(inputs: readonly string[], options: MetricsCommandOptions, reporter: Reporter): Promise<boolean> {
  await assertNotAnInput(options.output, inputs);
  await clearLeftoversBeside(options.output);
  return options.latest ? runLatest(inputs, options, reporter) : runHistory(inputs, options, reporter);
}

const parseTimeZone = optionParser((value: string): TimeZone => {
  const zone = TimeZone.of(value);
  if (zone === null) throw optionError('TIMEZONE', value);
  return zone;
});

function parseLabel(value: string, before: readonly Label[] | undefined): Label[] {
  return optionParser((v: string) => addConstantLabel(v, before ?? []))(value);
}

function machineZone(): TimeZone | null {
  const name = machineZoneName();
  return name === null ? null : TimeZone.of(name);
}

interface MetricsFlags {
  latest?: boolean;
  output: string;
  label?: Label[];
  timezone?: TimeZone;
  utc?: boolean;
  inputFormat?: FormatName;
  strict: boolean;
  warnings: number;
}

const ZONES = `
The log's times carry no zone: they are read in this machine's zone unless --timezone
or --utc says otherwise. A time that a change to or from daylight saving time skips or
repeats is read as said in a warning, never shifted silently.
`;

export function metricsCommand(setStatus: SetStatus): Command {
  const command = new Command('metrics')
    .description('write the samples as metrics for Prometheus: every sample as OpenMetrics (for promtool tsdb create-blocks-from openmetrics), or with --latest the last one for node_exporter\'s textfile collector')
    .argument('[LOG...]', 'logs of any format; - is standard input (the default when it is not a terminal)')
    .addOption(new Option('--latest', 'only the last complete sample of each log, without timestamps, in the Prometheus text format'))
    .addOption(outputFileOption())
    .addOption(new Option('--label <LABEL>', 'a label NAME=VALUE on every metric, such as host=db1; repeatable; a scrape adds instance itself').argParser(parseLabel).default(undefined, 'none'))
    .addOption(
      new Option('--timezone <ZONE>', "the IANA time zone the log's times are in, such as Europe/Berlin")
        .argParser(parseTimeZone)
        .conflicts('utc')
        .default(undefined, "this machine's"),
    )
    .addOption(new Option('--utc', "the log's times are in UTC (same as --timezone UTC)"))
    .addOption(inputFormatOption())
    .addOption(strictOption())
    .addOption(warningsOption())
    .addHelpText('after', () => `${ZONES}\nThis machine's zone: ${machineZoneName() ?? 'unknown (give --timezone or --utc)'}.`)
    .exitOverride()
    .action(async (logs: string[], flags: MetricsFlags, command: Command) => {
      const inputs = inputsOrStdin(logs, command);
      const zone = flags.utc === true ? TimeZone.UTC : flags.timezone ?? machineZone();
      if (zone === null) command.error(Usage.MACHINE_ZONE_UNKNOWN(), { exitCode: ExitStatus.usage });
      const reporter = stderrReporter(flags.warnings);
      const options: MetricsCommandOptions = { latest: flags.latest === true, zone, labels: flags.label ?? [], output: flags.output, inputFormat: flags.inputFormat };
      const ok = await runMetrics(inputs, options, reporter);
      setStatus(runStatus(ok, flags.strict === true, reporter));
    });
  return withExamples(command, [
    [
      'fmfi-plot metrics /var/tmp/vm_frag_*.log --label instance=db1:9100 --label job=node > vm_frag.om',
      "the whole history for Prometheus's backfill (then promtool tsdb create-blocks-from openmetrics vm_frag.om data/)",
    ],
    ['fmfi-plot metrics --latest /var/tmp/vm_frag_20240408_1005.log -o /var/tmp/node_exporter/fmfi.prom', "the last sample, for node_exporter's textfile collector, written atomically"],
    ['fmfi-plot metrics --timezone America/New_York db2/vm_frag_*.log --label instance=db2:9100 > db2.om', 'logs copied from a machine in another zone'],
  ]);
}
