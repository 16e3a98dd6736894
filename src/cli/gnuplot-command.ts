// `fmfi-plot gnuplot LOG`: a self-contained gnuplot script for one log, `| gnuplot > x.svg`.
import { Command, InvalidArgumentError, Option } from 'commander';
import { TimeBinner } from '../summary/bins.js';
import { formatZRange } from '../views/chart/options.js';
import { chartCaption } from '../summary/caption.js';
import { fileError, FmfiError } from '../errors.js';
import {
  DEFAULT_HEIGHT,
  DEFAULT_WIDTH,
  DEFAULT_Z_RANGE,
  parseSize,
  parseTerminal,
  parseZRange,
  Terminal,
  type GnuplotOptions,
  type ZRange,
} from '../views/gnuplot/options.js';
import { gnuplotScript, maxBinsFor } from '../views/gnuplot/script.js';
import { assertNotAnInput, openTextSink } from '../io/sinks.js';
import { bootTimeFromName } from '../formats/boot-time.js';
import { displayName, streamLog } from '../formats/read.js';
import { ExitStatus, inputsOrStdin, strictOption, warningsOption, type SetStatus } from './options.js';
import { stderrReporter, type Reporter } from './reporter.js';

export interface GnuplotCommandOptions extends GnuplotOptions {
  /** `-` for standard output. */
  readonly output: string;
}

/**
 * Reads the log into time bins, then writes the script. Returns false when the log could
 * not be read (nothing is written then); throws FmfiError for output failures.
 */
export async function runGnuplot(input: string, options: GnuplotCommandOptions, reporter: Reporter): Promise<boolean> {
  await assertNotAnInput(options.output, [input]);
  const binner = new TimeBinner({ maxBins: maxBinsFor(options) });
  try {
    await streamLog(input, (s) => binner.add(s), (d) => reporter.diagnostic(d));
  } catch (e) {
    if (e instanceof FmfiError) throw e;
    reporter.error(fileError(displayName(input), e, 'read').message);
    return false;
  } finally {
    reporter.endFile(displayName(input));
  }
  const bins = binner.finish();
  const boot = bootTimeFromName(input);
  const caption = chartCaption(input, boot.kind === 'known' ? boot.time : null, bins);
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

/** An option parser that turns a gnuplot option error into commander's usage error. */
function checked<T>(parse: (value: string) => T): (value: string) => T {
  return (value) => {
    try {
      return parse(value);
    } catch (e) {
      throw new InvalidArgumentError(e instanceof Error ? e.message : String(e));
    }
  };
}

interface RawOptions {
  terminal: Terminal;
  width: number;
  height: number;
  zRange: ZRange;
  output: string;
  strict: boolean;
  warnings: number;
}

export function gnuplotCommand(setStatus: SetStatus): Command {
  return new Command('gnuplot')
    .description('write a self-contained gnuplot script that draws the chart of one log: fmfi-plot gnuplot x.log | gnuplot > x.svg')
    .argument('[LOG]', 'a vm.phys_frag_idx log; - is standard input (the default when it is not a terminal)')
    .addOption(
      new Option('--terminal <NAME>', `gnuplot terminal: ${Object.keys(Terminal).join(', ')}`)
        .argParser(checked(parseTerminal))
        .default('svg'),
    )
    .addOption(
      new Option('--width <PX>', 'picture width in pixels (inch terminals: 100 to the inch)')
        .argParser(checked(parseSize))
        .default(DEFAULT_WIDTH),
    )
    .addOption(
      new Option('--height <PX>', 'picture height in pixels with one NUMA domain; each further domain adds a panel as tall')
        .argParser(checked(parseSize))
        .default(DEFAULT_HEIGHT),
    )
    .addOption(
      new Option('--z-range <MIN:MAX|auto>', 'FMFI axis; values beyond it are drawn at the limit; auto: the full range')
        .argParser(parseZRange)
        .default(DEFAULT_Z_RANGE, formatZRange(DEFAULT_Z_RANGE)),
    )
    .option('-o, --output <FILE>', 'write to FILE atomically instead of standard output', '-')
    .addOption(strictOption())
    .addOption(warningsOption())
    .exitOverride()
    .action(async (log: string | undefined, opts: RawOptions, command: Command) => {
      const [input] = inputsOrStdin(log === undefined ? [] : [log], command);
      const reporter = stderrReporter(opts.warnings);
      const ok = await runGnuplot(
        input!,
        { terminal: opts.terminal, width: opts.width, height: opts.height, zRange: opts.zRange, output: opts.output },
        reporter,
      );
      setStatus(ok && !(opts.strict && reporter.warnings > 0) ? ExitStatus.ok : ExitStatus.failed);
    });
}
