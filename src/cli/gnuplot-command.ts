// `fmfi-plot gnuplot LOG`: a self-contained gnuplot script for one log, `| gnuplot > x.svg`.
import { Command, Option } from 'commander';
import { assertNotAnInput } from '../io/guard.js';
import { openTextSink } from '../io/sinks.js';
import { TimeBinner } from '../summary/bins.js';
import { chartCaption } from '../summary/caption.js';
import { DEFAULT_Z_RANGE, formatZRange, parseZRange, type ZRange } from '../summary/height.js';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH } from '../summary/picture.js';
import { parseSize, parseTerminal, Terminal, type GnuplotOptions } from '../views/gnuplot/options.js';
import { gnuplotScript, maxBinsFor } from '../views/gnuplot/script.js';
import { readReported, runStatus } from './inputs.js';
import type { FormatName } from '../formats/registry.js';
import type { IndexName } from '../indices.js';
import { SampleSelector } from '../summary/select.js';
import { displayName } from '../io/chunks.js';
import { indexOption, inputFormatOption, inputsOrStdin, optionParser, rangeOf, sinceOption, strictOption, untilOption, warningsOption, zoneOption, zRangeFor, type SetStatus } from './options.js';
import type { TimeRange } from '../summary/time-range.js';
import { stderrReporter, type Reporter } from './reporter.js';

export interface GnuplotCommandOptions extends GnuplotOptions {
  /** `-` for standard output. */
  readonly output: string;
  /** The log read as this format; by default its own. */
  readonly inputFormat?: FormatName;
  /** Only the Linux zones of this name. */
  readonly zone?: string;
  /** --since and --until: only the samples of this stretch of time. */
  readonly range?: TimeRange;
}

/**
 * Reads the log into time bins, then writes the script. Returns false when the log could
 * not be read (nothing is written then); throws FmfiError for output failures.
 */
export async function runGnuplot(input: string, options: GnuplotCommandOptions, reporter: Reporter): Promise<boolean> {
  await assertNotAnInput(options.output, [input]);
  const binner = new TimeBinner({ maxBins: maxBinsFor(options) });
  const selector = new SampleSelector({ index: options.index, zone: options.zone }, displayName(input), (d) => reporter.diagnostic(d));
  const info = await readReported(input, (s) => binner.add(selector.select(s)), reporter, { format: options.inputFormat, range: options.range });
  if (info === null) return false;
  selector.finish();
  const bins = binner.finish();
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
  strict: boolean;
  warnings: number;
  inputFormat?: FormatName;
  index: IndexName;
  zone?: string;
  since?: number;
  until?: number;
}

export function gnuplotCommand(setStatus: SetStatus): Command {
  return new Command('gnuplot')
    .description('write a self-contained gnuplot script that draws the chart of one log: fmfi-plot gnuplot x.log | gnuplot > x.svg')
    .argument('[LOG]', 'a vm.phys_frag_idx log; - is standard input (the default when it is not a terminal)')
    .addOption(
      new Option('--terminal <NAME>', `gnuplot terminal: ${Object.keys(Terminal).join(', ')}`)
        .argParser(optionParser(parseTerminal))
        .default('svg'),
    )
    .addOption(
      new Option('--width <PX>', 'picture width in pixels (inch terminals: 100 to the inch)')
        .argParser(optionParser(parseSize))
        .default(DEFAULT_WIDTH),
    )
    .addOption(
      new Option('--height <PX>', 'picture height in pixels with one NUMA domain; each further domain adds a panel as tall')
        .argParser(optionParser(parseSize))
        .default(DEFAULT_HEIGHT),
    )
    .addOption(
      new Option('--z-range <MIN:MAX|auto>', 'FMFI axis; values beyond it are drawn at the limit; auto: the full range')
        .argParser(optionParser(parseZRange))
        .default(DEFAULT_Z_RANGE, formatZRange(DEFAULT_Z_RANGE)),
    )
    .option('-o, --output <FILE>', 'write to FILE atomically instead of standard output', '-')
    .addOption(sinceOption())
    .addOption(untilOption())
    .addOption(inputFormatOption())
    .addOption(indexOption())
    .addOption(zoneOption())
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
          inputFormat: opts.inputFormat,
          range: rangeOf(opts, command),
        },
        reporter,
      );
      setStatus(runStatus(ok, opts.strict, reporter));
    });
}
