// `fmfi-plot [render] LOG...`: one chart per log (boot window), only what changed, in parallel.
import { Command, Option } from 'commander';
import { DEFAULT_HEIGHT_RANGE, formatHeightRange, parseHeightRange, type HeightRange } from '../summary/height.js';
import { DEFAULT_CHART_OPTIONS, MIN_HEIGHT, MIN_WIDTH } from '../views/chart/options.js';
import type { FormatName } from '../formats/registry.js';
import type { IndexName } from '../indices.js';
import { ExitStatus, indexOption, inputFormatOption, inputsOrStdin, optionParser, parsePositiveInt, rangeOf, sinceOption, sizeAtLeast, strictOption, untilOption, warningsOption, zoneOption, zRangeFor, type SetStatus } from './options.js';
import { silentProgress, terminalProgress } from '../batch/progress.js';
import { indexCompareOption, madeNow, noIndexOption, pageGenerator } from './index-command.js';
import { stderrReporter } from './reporter.js';
import { version } from './version.js';
import { Usage } from '../errors.js';
import { ChartStyle } from '../batch/render-job.js';

interface RenderFlags {
  outDir: string;
  format: 'svg' | 'png';
  width: number;
  height: number;
  zRange: HeightRange;
  force: boolean;
  jobs?: number;
  quiet: boolean;
  strict: boolean;
  warnings: number;
  inputFormat?: FormatName;
  index: IndexName;
  zone?: string;
  noIndex?: boolean;
  indexCompare: number;
  since?: number;
  until?: number;
  style: ChartStyle;
}

export function renderCommand(setStatus: SetStatus): Command {
  return new Command('render')
    .description('draw one chart per log (the default command): <out-dir>/<log name without .log>.svg, and <out-dir>/index.html, one page for them all')
    .argument('[LOG...]', 'vm.phys_frag_idx logs; - is standard input (the default when it is not a terminal)')
    .option('-o, --out-dir <DIR>', 'folder for the charts, created if missing', '.')
    .addOption(new Option('--format <format>', 'chart file format').choices(['svg', 'png']).default('svg'))
    .addOption(new Option('--width <PX>', 'chart width in pixels').argParser(sizeAtLeast(MIN_WIDTH)).default(DEFAULT_CHART_OPTIONS.width))
    .addOption(
      new Option('--height <PX>', 'chart height in pixels with one NUMA domain; each further domain adds a panel as tall')
        .argParser(sizeAtLeast(MIN_HEIGHT))
        .default(DEFAULT_CHART_OPTIONS.height),
    )
    .addOption(
      new Option(
        '--z-range <split|auto|MIN:MAX>',
        'the height axis. split: 0 to 1000 linear above the zero plane, below it a log scale down to the lowest value, nothing clipped; ' +
          'auto: linear over the data; MIN:MAX: linear, values beyond drawn at the limit and marked (-1000:1000: the original template); 3d style only',
      )
        .argParser(optionParser(parseHeightRange))
        .default(DEFAULT_HEIGHT_RANGE, formatHeightRange(DEFAULT_HEIGHT_RANGE)),
    )
    .addOption(
      new Option('--style <STYLE>', '3d: the oblique chart, a row of bars per block size; heatmap: time across, block size up, FMFI as colour')
        .choices(Object.keys(ChartStyle))
        .default('3d'),
    )
    .addOption(sinceOption())
    .addOption(untilOption())
    .option('--force', 'render every log, even where the chart is up to date', false)
    .addOption(
      new Option('-j, --jobs <N>', 'logs rendered at once (default: as many as the cores the machine\'s load leaves free, one for a few small logs)').argParser(parsePositiveInt),
    )
    .addOption(inputFormatOption())
    .addOption(indexOption())
    .addOption(zoneOption())
    .addOption(noIndexOption())
    .addOption(indexCompareOption())
    .option('-q, --quiet', 'no progress and no summary line (warnings are still shown)', false)
    .addOption(strictOption())
    .addOption(warningsOption())
    .exitOverride()
    .action(async (logs: string[], flags: RenderFlags, command: Command) => {
      const inputs = inputsOrStdin(logs, command);
      if (flags.style === 'heatmap' && command.getOptionValueSource('zRange') === 'cli') {
        command.error(`error: ${Usage.Z_RANGE_HEATMAP()}`, { exitCode: ExitStatus.usage });
      }
      const live = process.stderr.isTTY && !flags.quiet;
      const write = (s: string): void => void process.stderr.write(s);
      const progress = live ? terminalProgress(inputs.length, process.stderr) : silentProgress(write);
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
        range: rangeOf(flags, command),
        ...(flags.style === 'heatmap' ? { style: flags.style } : {}),
        format: flags.format,
        warningLimit: flags.warnings,
        inputFormat: flags.inputFormat,
      };
      let summary;
      try {
        const page = flags.noIndex === true ? null : { compare: flags.indexCompare, generator: pageGenerator(), madeAt: madeNow() };
        summary = await renderBatch(inputs, { outDir: flags.outDir, settings, force: flags.force, jobs: flags.jobs ?? null, version: version(), page, strict: flags.strict }, reporter, progress);
      } finally {
        progress.close();
      }
      if (!flags.quiet) write(`fmfi-plot: ${formatSummary(summary)}\n`);
      const failed = summary.failed > 0 || (flags.strict && reporter.warnings > 0);
      setStatus(failed ? ExitStatus.failed : ExitStatus.ok);
    });
}
