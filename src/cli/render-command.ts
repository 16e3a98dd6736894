// `fmfi-plot [render] LOG...`: one chart per log (boot window), only what changed, in parallel; or one chart file.
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { Command, Option } from 'commander';
import { Usage } from '../errors.js';
import { fsPath } from '../io/names.js';
import type { ChartFormat } from '../batch/settings.js';
import type { HeightRange } from '../summary/height.js';
import { DEFAULT_CHART_OPTIONS, MAX_HEIGHT, MAX_WIDTH, MIN_HEIGHT, MIN_WIDTH } from '../views/chart/options.js';
import type { FormatName } from '../formats/registry.js';
import type { IndexName } from '../indices.js';
import { domainOption, DRAW_DOMAIN, ExitStatus, indexOption, inputFormatOption, inputsOrStdin, parsePositiveInt, rangeOf, sinceOption, strictOption, untilOption, warningsOption, withExamples, zoneOption, zRangeFor, type SetStatus } from './options.js';
import { heightOption, heightRangeOption, widthOption } from './picture-options.js';
import { indexCompareOption, madeNow, noIndexOption, pageGenerator } from './index-command.js';
import { ChartStyle } from '../batch/settings.js';
import { silentProgress, terminalProgress } from '../batch/progress.js';
import { stderrReporter } from './reporter.js';
import { version } from './version.js';

interface RenderFlags {
  output: string;
  outDir?: string;
  format: ChartFormat;
  width: number;
  height: number;
  zRange: HeightRange;
  force?: boolean;
  jobs?: number;
  quiet?: boolean;
  strict?: boolean;
  warnings: number;
  inputFormat?: FormatName;
  index: IndexName;
  zone?: string;
  domain?: number;
  noIndex?: boolean;
  indexCompare: number;
  since?: number;
  until?: number;
  style: ChartStyle;
}

/** A name that is one chart file (`-o chart.svg`), and its format; any other -o is a folder. */
const CHART_FILE = /\.(svg|png)$/i;

interface ChartTarget {
  readonly outDir: string;
  readonly outFile?: string;
  readonly format: ChartFormat;
}

function isFolder(path: string): boolean {
  try {
    return statSync(fsPath(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Where the charts go. With one log, an -o that ends in .svg or .png (and is not a folder
 * already) is that chart's file, in that format; any other -o, and --out-dir, is the folder
 * for the charts. Contradictions are usage errors.
 */
function chartTarget(logs: number, flags: RenderFlags, command: Command): ChartTarget {
  const usage = (message: string): never => command.error(message, { exitCode: ExitStatus.usage });
  const outputGiven = command.getOptionValueSource('output') === 'cli';
  if (flags.outDir !== undefined) {
    if (outputGiven) usage(Usage.CHART_OUTPUT_AND_OUT_DIR());
    return { outDir: flags.outDir, format: flags.format };
  }
  const ext = CHART_FILE.exec(flags.output)?.[1]?.toLowerCase() as ChartFormat | undefined;
  if (!outputGiven || ext === undefined || isFolder(flags.output)) return { outDir: flags.output, format: flags.format };
  if (logs > 1) usage(Usage.CHART_FILE_FOR_SEVERAL(flags.output, logs));
  if (command.getOptionValueSource('format') === 'cli' && flags.format !== ext) usage(Usage.CHART_FILE_FORMAT(flags.output, flags.format));
  return { outDir: dirname(flags.output), outFile: flags.output, format: ext };
}

export function renderCommand(setStatus: SetStatus): Command {
  const command = new Command('render')
    .description('draw one chart per log (the default command): DIR/<log name without .log>.svg and DIR/index.html, one page for them all; or the one file -o names')
    .argument('[LOG...]', 'logs (vm.phys_frag_idx, vm.phys_free or /proc/buddyinfo); - is standard input (the default when it is not a terminal)')
    .addOption(
      new Option('-o, --output <PATH>', 'with one log, a PATH ending in .svg or .png is the chart file (and its format); otherwise the folder for the charts, created if missing').default(
        '.',
      ),
    )
    .addOption(new Option('--out-dir <DIR>', 'the folder for the charts, whatever their names'))
    .addOption(
      new Option('--format <FORMAT>', 'chart file format: a standalone SVG, or a PNG of it').choices(['svg', 'png']).default('svg', "the -o file's, else svg"),
    )
    .addOption(widthOption('chart width in pixels', MIN_WIDTH, MAX_WIDTH, DEFAULT_CHART_OPTIONS.width))
    .addOption(heightOption('chart height in pixels', MIN_HEIGHT, MAX_HEIGHT, DEFAULT_CHART_OPTIONS.height))
    .addOption(heightRangeOption())
    .addOption(
      new Option('--style <STYLE>', '3d: the oblique chart, a row of bars per block size; heatmap: time across, block size up, FMFI as colour')
        .choices(Object.keys(ChartStyle))
        .default('3d'),
    )
    .addOption(sinceOption())
    .addOption(untilOption())
    .option('--force', 'render every log, even where the chart is up to date')
    .addOption(
      new Option('-j, --jobs <N>', 'logs rendered at once; the charts do not depend on it')
        .argParser(parsePositiveInt)
        .default(undefined, 'a thread per 1.4 free cores, one for a few small logs'),
    )
    .addOption(inputFormatOption())
    .addOption(indexOption())
    .addOption(zoneOption())
    .addOption(domainOption(DRAW_DOMAIN))
    .addOption(noIndexOption())
    .addOption(indexCompareOption())
    .option('-q, --quiet', 'no progress and no summary line (warnings are still shown)')
    .addOption(strictOption())
    .addOption(warningsOption())
    .exitOverride()
    .action(async (logs: string[], flags: RenderFlags, command: Command) => {
      const inputs = inputsOrStdin(logs, command);
      if (flags.style === 'heatmap' && command.getOptionValueSource('zRange') === 'cli') {
        command.error(Usage.Z_RANGE_HEATMAP(), { exitCode: ExitStatus.usage });
      }
      const target = chartTarget(inputs.length, flags, command);
      const live = process.stderr.isTTY && flags.quiet !== true;
      const write = (s: string): void => void process.stderr.write(s);
      const progress = live ? terminalProgress(process.stderr) : silentProgress(write);
      const reporter = stderrReporter(flags.warnings, (s) => progress.log(s));
      // Loaded only now (require(), not import(): see main.ts): batch rendering pulls in the chart code.
      const { renderBatch, formatSummary } = require('../batch/render-batch.js') as typeof import('../batch/render-batch.js');
      const settings = {
        chart: {
          width: flags.width,
          height: flags.height,
          zRange: zRangeFor(flags.zRange, flags.index, command),
          // Absent for FMFI: charts made before --index existed stay up to date.
          ...(flags.index === 'fmfi' ? {} : { index: flags.index }),
        },
        zone: flags.zone,
        domain: flags.domain,
        range: rangeOf(flags, command),
        ...(flags.style === 'heatmap' ? { style: flags.style } : {}),
        format: target.format,
        warningLimit: flags.warnings,
        inputFormat: flags.inputFormat,
      };
      let summary;
      try {
        // One chart file (-o chart.svg) is not a folder of charts: it gets no page.
        const page = flags.noIndex === true || target.outFile !== undefined ? null : { compare: flags.indexCompare, generator: pageGenerator(), madeAt: madeNow() };
        const batch = { outDir: target.outDir, outFile: target.outFile, settings, force: flags.force === true, jobs: flags.jobs ?? null, version: version(), page, strict: flags.strict === true };
        summary = await renderBatch(inputs, batch, reporter, progress);
      } finally {
        progress.close();
      }
      if (flags.quiet !== true) write(`fmfi-plot: ${formatSummary(summary)}\n`);
      const failed = summary.failed > 0 || (flags.strict === true && reporter.warnings > 0);
      setStatus(failed ? ExitStatus.failed : ExitStatus.ok);
    });
  return withExamples(command, [
    ['fmfi-plot /var/tmp/vm_frag_*.log -o ~/fmfi', 'one chart per boot window in ~/fmfi; run again, it draws only what changed'],
    ['fmfi-plot vm_frag_20240408_1005.log -o chart.png', 'the chart of one log, as the PNG file chart.png'],
    ['fmfi-plot vm_frag_20240408_1005.log --z-range auto --width 2400', 'every value on the height axis, on a chart twice as wide'],
  ]);
}
