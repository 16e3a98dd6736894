// `fmfi-plot gnuplot LOG`: a self-contained gnuplot script for one log, `| gnuplot > x.svg`.
import { Command, Option } from 'commander';
import { assertNotAnInput } from '../io/guard.js';
import { clearLeftoversBeside, openTextSink } from '../io/sinks.js';
import { MAX_ROWS, TimeBinner } from '../summary/bins.js';
import { chartCaption } from '../summary/caption.js';
import type { ZRange } from '../summary/height.js';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, MAX_HEIGHT, MAX_WIDTH } from '../summary/picture.js';
import { MIN_SIZE, parseTerminal, Terminal, type GnuplotOptions } from '../views/gnuplot/options.js';
import { gnuplotScript, maxBinsFor } from '../views/gnuplot/script.js';
import { readReported, runStatus } from './inputs.js';
import type { FormatName } from '../formats/registry.js';
import type { IndexName } from '../indices.js';
import { leftOutDiagnostic, SampleSelector } from '../summary/select.js';
import { displayName } from '../io/chunks.js';
import { domainOption, DRAW_DOMAIN, indexOption, inputFormatOption, inputsOrStdin, optionParser, outputFileOption, rangeOf, sinceOption, strictOption, untilOption, warningsOption, withExamples, zoneOption, zRangeFor, type SetStatus } from './options.js';
import { heightOption, widthOption, zRangeOption } from './picture-options.js';
import type { TimeRange } from '../summary/time-range.js';
import { stderrReporter, type Reporter } from './reporter.js';

export interface GnuplotCommandOptions extends GnuplotOptions {
  /** `-` for standard output. */
  readonly output: string;
  /** The log read as this format; by default its own. */
  readonly inputFormat?: FormatName;
  /** Only the Linux zones of this name. */
  readonly zone?: string;
  /** Only this domain. */
  readonly domain?: number;
  /** --since and --until: only the samples of this stretch of time. */
  readonly range?: TimeRange;
}

/**
 * Reads the log into time bins, then writes the script. Returns false when the log could
 * not be read (nothing is written then); throws FmfiError for output failures.
 */
export async function runGnuplot(input: string, options: GnuplotCommandOptions, reporter: Reporter): Promise<boolean> {
  await assertNotAnInput(options.output, [input]);
  await clearLeftoversBeside(options.output);
  // The script is text for gnuplot, which draws it in its own process: bins as fine as one
  // per pixel for every panel, bounded all the same.
  const binner = new TimeBinner({ maxBins: maxBinsFor(options), maxCells: MAX_ROWS * 1024 });
  const selection = { index: options.index, zone: options.zone, domain: options.domain };
  const selector = new SampleSelector(selection, displayName(input), (d) => reporter.diagnostic(d));
  const info = await readReported(input, (s) => binner.add(selector.select(s)), reporter, { format: options.inputFormat, range: options.range });
  if (info === null) return false;
  selector.finish();
  const bins = binner.finish();
  const leftOut = leftOutDiagnostic(bins, displayName(input));
  if (leftOut !== null) reporter.diagnostic(leftOut);
  const caption = chartCaption(input, info.bootTime, bins);
  const sink = await openTextSink(options.output);
  try {
    sink.write(gnuplotScript(bins, caption, options));
    await sink.commit();
  } catch (e) {
    await sink.abort();
    throw e;
  }
  return true;
}

interface RawOptions {
  terminal: Terminal;
  width: number;
  height: number;
  zRange: ZRange;
  output: string;
  strict?: boolean;
  warnings: number;
  inputFormat?: FormatName;
  index: IndexName;
  zone?: string;
  domain?: number;
  since?: number;
  until?: number;
}

export function gnuplotCommand(setStatus: SetStatus): Command {
  const command = new Command('gnuplot')
    .description('write a self-contained gnuplot script that draws the chart of one log: fmfi-plot gnuplot x.log | gnuplot > x.svg')
    .argument('[LOG]', 'a log (vm.phys_frag_idx, vm.phys_free or /proc/buddyinfo); - is standard input (the default when it is not a terminal)')
    .addOption(
      new Option('--terminal <NAME>', 'gnuplot terminal, the picture format of the script')
        .choices(Object.keys(Terminal))
        // After choices(): our parser and its message, the choices still listed in the help.
        .argParser(optionParser(parseTerminal))
        .default('svg'),
    )
    .addOption(widthOption('picture width in pixels', MIN_SIZE, MAX_WIDTH, DEFAULT_WIDTH, '; inch terminals take 100 pixels to the inch'))
    .addOption(heightOption('picture height in pixels', MIN_SIZE, MAX_HEIGHT, DEFAULT_HEIGHT))
    .addOption(zRangeOption(true))
    .addOption(outputFileOption())
    .addOption(sinceOption())
    .addOption(untilOption())
    .addOption(inputFormatOption())
    .addOption(indexOption())
    .addOption(zoneOption())
    .addOption(domainOption(DRAW_DOMAIN))
    .addOption(strictOption())
    .addOption(warningsOption())
    .exitOverride()
    .action(async (log: string | undefined, opts: RawOptions, command: Command) => {
      const [input] = inputsOrStdin(log === undefined ? [] : [log], command);
      const reporter = stderrReporter(opts.warnings);
      const ok = await runGnuplot(
        input!,
        {
          terminal: opts.terminal,
          width: opts.width,
          height: opts.height,
          zRange: zRangeFor(opts.zRange, opts.index, command),
          output: opts.output,
          ...(opts.index === 'fmfi' ? {} : { index: opts.index }),
          zone: opts.zone,
          domain: opts.domain,
          inputFormat: opts.inputFormat,
          range: rangeOf(opts, command),
        },
        reporter,
      );
      setStatus(runStatus(ok, opts.strict === true, reporter));
    });
  return withExamples(command, [
    ['fmfi-plot gnuplot vm_frag_20240408_1005.log | gnuplot > vm_frag_20240408_1005.svg', 'the chart drawn by gnuplot, as SVG'],
    ['fmfi-plot gnuplot --terminal pngcairo --width 1600 vm_frag_20240408_1005.log -o chart.gp', 'a script to keep: gnuplot chart.gp > chart.png draws a PNG 1600 pixels wide'],
    ['fmfi-plot gnuplot --z-range auto vm_frag_20240408_1005.log | gnuplot > full.svg', 'every value on the height axis'],
  ]);
}
