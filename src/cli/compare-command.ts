// `fmfi-plot compare LOG... -o FILE`: boot windows side by side on one uptime axis, one chart.
import { statSync } from 'node:fs';
import { Command, Option } from 'commander';
import { Failure, Usage, Warn } from '../errors.js';
import { bootTimeOf } from '../formats/read.js';
import type { FormatName } from '../formats/registry.js';
import { displayName } from '../io/chunks.js';
import { assertNotAnInput } from '../io/guard.js';
import type { Sample } from '../model.js';
import { clearLeftoversBeside, writeFileAtomic } from '../io/sinks.js';
import { fsPath } from '../io/names.js';
import { DomainCheck } from '../summary/domains.js';
import { leftOutDiagnostic, SampleSelector } from '../summary/select.js';
import type { ZRange } from '../summary/height.js';
import { finishOnCommonWidth, parseUptime, UptimeBinner } from '../summary/uptime.js';
import { COMPARE_MAX_BANDS, COMPARE_MAX_PANELS, DEFAULT_COMPARE_OPTIONS, defaultLabel, maxBinsFor, parseOrders, renderCompareSvg, type CompareOptions } from '../views/compare/index.js';
import { MAX_WIDTH, MIN_WIDTH } from '../views/chart/options.js';
import { readReported, runStatus } from './inputs.js';
import { domainOption, ExitStatus, inputFormatOption, inputsOrStdin, optionParser, rangeOf, sinceOption, strictOption, untilOption, warningsOption, withExamples, type SetStatus } from './options.js';
import { widthOption, zRangeOption } from './picture-options.js';
import type { TimeRange } from '../summary/time-range.js';
import { stderrReporter, type Reporter } from './reporter.js';

export interface CompareCommandOptions extends CompareOptions {
  /** Read every log as this format; by default each log's is recognised. */
  readonly inputFormat?: FormatName;
  /** `-` for standard output. */
  readonly output: string;
  readonly format: 'svg' | 'png';
  /** Cut every window at this uptime (milliseconds); null: keep all. */
  readonly uptimeMs: number | null;
  /** --since and --until: only the samples of this stretch of (wall-clock) time. */
  readonly range?: TimeRange;
}

/** A LOG argument: a path, or `LABEL=PATH` naming the window in the legend. */
export interface CompareInput {
  readonly path: string;
  readonly label: string | null;
}

/**
 * `LABEL=PATH` sets the label; an argument that names an existing file (or `-`) is a path
 * even when it holds a `=`.
 */
export function parseCompareInput(arg: string): CompareInput {
  const eq = arg.indexOf('=');
  if (arg === '-' || eq <= 0 || eq === arg.length - 1 || exists(arg)) return { path: arg, label: null };
  return { path: arg.slice(eq + 1), label: arg.slice(0, eq) };
}

function exists(path: string): boolean {
  try {
    statSync(fsPath(path));
    return true;
  } catch {
    return false;
  }
}

/**
 * Streams each log into its uptime bins (a log that cannot be read is reported and left
 * out), then draws every window that has samples. Returns whether every input was read and
 * the chart written; throws FmfiError for output failures.
 */
export async function runCompare(inputs: readonly CompareInput[], options: CompareCommandOptions, reporter: Reporter): Promise<boolean> {
  await assertNotAnInput(options.output, inputs.map((i) => i.path));
  await clearLeftoversBeside(options.output);
  // The domain asked for is the one binned, whatever its place among the log's (see COMPARE_MAX_BANDS).
  const binOptions = {
    maxBins: maxBinsFor(options),
    uptimeMs: options.uptimeMs,
    onlyDomain: options.domain,
    maxDomains: COMPARE_MAX_BANDS,
    maxRows: COMPARE_MAX_PANELS,
  };
  const binners: UptimeBinner[] = [];
  let ok = true;
  for (const { path, label } of inputs) {
    const binner = new UptimeBinner(label ?? defaultLabel(path, bootTimeOf(path)), path, bootTimeOf(path), binOptions);
    // As the chart does, no zone that never had a free block (drawn, its FMFI of 0 would read
    // as not fragmented at all), with a note naming it. --domain is the panels' to keep: a
    // window without that domain still counts (see OUTPUT_DOMAIN_NOWHERE).
    const selector = new SampleSelector({}, displayName(path), (d) => reporter.diagnostic(d));
    const check = options.domain === null ? null : new DomainCheck(options.domain);
    const add = (s: Sample): void => {
      check?.add(s);
      binner.add(selector.select(s));
    };
    const info = await readReported(path, add, reporter, { format: options.inputFormat, range: options.range });
    if (info === null) ok = false;
    else {
      selector.finish();
      const absent = check?.finish(displayName(path));
      if (absent) reporter.diagnostic(absent);
      binners.push(binner);
    }
  }
  const windows = finishOnCommonWidth(binners).filter((w) => w.bins.samples > 0);
  for (const w of windows) {
    const leftOut = leftOutDiagnostic(w.bins, displayName(w.source));
    if (leftOut !== null) reporter.diagnostic(leftOut);
  }
  const shown = options.output === '-' ? '<stdout>' : options.output;
  if (windows.length === 0) {
    reporter.error(Failure.OUTPUT_NOTHING_TO_DRAW(shown));
    return false;
  }
  const domain = options.domain;
  if (domain !== null && !windows.some((w) => w.bins.domains.includes(domain))) {
    reporter.error(Failure.OUTPUT_DOMAIN_NOWHERE(shown, domain));
    return false;
  }
  if (options.orders !== null) {
    const has = [...new Set(windows.flatMap((w) => w.bins.orders.map((o) => o.order)))].sort((a, b) => a - b);
    const absent = options.orders.filter((o) => !has.includes(o));
    if (absent.length === options.orders.length) {
      reporter.error(Failure.OUTPUT_ORDERS_NOWHERE(shown, options.orders, has));
      return false;
    }
    if (absent.length > 0) reporter.diagnostic({ code: 'ORDERS_ABSENT', severity: 'warning', file: shown, line: 0, message: Warn.ORDERS_ABSENT(absent, has) });
  }
  const svg = await renderCompareSvg(windows, options);
  const bytes = options.format === 'png' ? await (await import('../render/render.js')).svgToPng(svg) : svg;
  await writeFileAtomic(options.output, bytes);
  return ok;
}

interface CompareFlags {
  output: string;
  format: 'svg' | 'png';
  width: number;
  zRange: ZRange;
  orders?: number[];
  domain?: number;
  uptime?: number;
  inputFormat?: FormatName;
  strict?: boolean;
  warnings: number;
  since?: number;
  until?: number;
}

/** The chart's format: --format, else the -o file's (`compare.png`), else SVG; the two must agree. */
function formatOf(flags: CompareFlags, command: Command): 'svg' | 'png' {
  const ext = /\.(svg|png)$/i.exec(flags.output)?.[1]?.toLowerCase() as 'svg' | 'png' | undefined;
  if (command.getOptionValueSource('format') !== 'cli') return ext ?? flags.format;
  if (ext !== undefined && ext !== flags.format) command.error(Usage.CHART_FILE_FORMAT(flags.output, flags.format), { exitCode: ExitStatus.usage });
  return flags.format;
}

export function compareCommand(setStatus: SetStatus): Command {
  const command = new Command('compare')
    .description('draw boot windows side by side on one uptime axis: one panel per block size, one line per window')
    .argument('[LOG...]', 'logs, LABEL=PATH to name one in the legend; - is standard input')
    .requiredOption('-o, --output <FILE>', 'the chart file (written atomically); - is standard output')
    .addOption(
      new Option('--format <FORMAT>', 'chart file format: a standalone SVG, or a PNG of it').choices(['svg', 'png']).default('svg', "the -o file's, else svg"),
    )
    .addOption(widthOption('chart width in pixels, shared by the panels', MIN_WIDTH, MAX_WIDTH, DEFAULT_COMPARE_OPTIONS.width))
    .addOption(zRangeOption(false))
    .addOption(new Option('--orders <LIST>', 'orders that get a panel, such as 0,5,9,12').argParser(optionParser(parseOrders)).default(undefined, 'all'))
    .addOption(domainOption("show only NUMA domain N, any of the log's; by default each domain gets a band of panels, at most 4, the others named in a warning"))
    .addOption(new Option('--uptime <DURATION>', 'cut every window at this uptime: 3d, 12h, 90m, 1d12h').argParser(optionParser(parseUptime)).default(undefined, 'all'))
    .addOption(sinceOption())
    .addOption(untilOption())
    .addOption(inputFormatOption())
    .addOption(strictOption())
    .addOption(warningsOption())
    .exitOverride()
    .action(async (logs: string[], flags: CompareFlags, command: Command) => {
      const inputs = inputsOrStdin(logs, command).map(parseCompareInput);
      const format = formatOf(flags, command);
      const reporter = stderrReporter(flags.warnings);
      const ok = await runCompare(
        inputs,
        {
          output: flags.output,
          format,
          width: flags.width,
          zRange: flags.zRange,
          orders: flags.orders ?? null,
          domain: flags.domain ?? null,
          uptimeMs: flags.uptime ?? null,
          inputFormat: flags.inputFormat,
          range: rangeOf(flags, command),
        },
        reporter,
      );
      setStatus(runStatus(ok, flags.strict === true, reporter));
    });
  return withExamples(command, [
    ['fmfi-plot compare before=vm_frag_20240610_0912.log after=vm_frag_20240617_1430.log -o compare.svg', 'two kernels on one uptime axis, named in the legend'],
    ['fmfi-plot compare /var/tmp/vm_frag_*.log --uptime 3d --orders 0,5,9,12 -o compare.png', 'the first three days of every boot window, four block sizes, as PNG'],
  ]);
}
