// `fmfi-plot index DIR`: the index page of a folder of charts, made again from what is there; and the page's options of the chart command.
import { stat } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { failure, fileError, type FmfiError } from '../errors.js';
import type { LocalTime } from '../model.js';
import { localTime } from '../time.js';
import { ExitStatus, parseNonNegativeInt, withExamples, type SetStatus } from './options.js';
import { version } from './version.js';

/** How many of the most recent windows the page compares unless told (`--index-compare N`). */
export const DEFAULT_INDEX_COMPARE = 6;

export const indexCompareOption = (): Option =>
  new Option('--index-compare <N>', 'the most recent windows compared by uptime on the index page, 0 for none')
    .argParser(parseNonNegativeInt)
    .default(DEFAULT_INDEX_COMPARE);

/**
 * `--no-index`: no index page. It is not the negation of `--index` (what a chart's height
 * shows), so it is a flag of its own, `noIndex`, rather than commander's `--no-` of `index`.
 */
export function noIndexOption(): Option {
  const option = new Option('--no-index', 'write no index.html (every window on one page) and index.json in the output folder; not the opposite of --index');
  option.negate = false;
  return option;
}

/** Now, as the machine's clock reads: the page says when it was made in the time its reader lives in. */
export function madeNow(now = new Date()): LocalTime {
  return localTime(now.getFullYear(), now.getMonth() + 1, now.getDate(), now.getHours(), now.getMinutes(), now.getSeconds()) ?? now.getTime();
}

export const pageGenerator = (): string => `fmfi-plot ${version()}`;

/** Why `dir` holds no index to rebuild: it is no folder, or no charts were made there. */
async function whyNoIndex(dir: string): Promise<FmfiError> {
  const st = await stat(dir).catch((e: unknown) => e as NodeJS.ErrnoException);
  if (st instanceof Error) return fileError(dir, st, 'read');
  return st.isDirectory() ? failure('INDEX_NO_DATA', dir) : failure('INDEX_NOT_FOLDER', dir);
}

/** Writes `dir`/index.html again. Throws FmfiError when there is nothing to make it from or it cannot be written. */
export async function runIndex(dir: string, compare: number): Promise<void> {
  const { IndexUpdate } = await import('../batch/index-page.js');
  const { WindowsLost } = await import('../batch/index-data.js');
  const index = await IndexUpdate.open(dir, version());
  if (!index.known) throw await whyNoIndex(dir);
  try {
    await index.finish({ compare, generator: pageGenerator(), madeAt: madeNow(), rewrite: true }, []);
  } catch (e) {
    // Replaced or damaged since its refs were read: nothing to make the page from but the logs.
    if (e instanceof WindowsLost) throw failure('INDEX_NO_DATA', dir);
    throw e;
  }
}

interface IndexFlags {
  indexCompare: number;
}

export function indexCommand(setStatus: SetStatus): Command {
  const command = new Command('index')
    .description('write DIR/index.html again: every boot window whose chart is in DIR, from the numbers kept in DIR/index.json')
    .argument('<DIR>', 'a folder of charts made by fmfi-plot LOG... -o DIR')
    .addOption(indexCompareOption())
    .addHelpText(
      'after',
      [
        '',
        'fmfi-plot LOG... -o DIR writes the page itself and keeps it up to date. This',
        'command makes it again without reading a log: after charts were deleted (their',
        'windows leave the page), to compare another number of windows, or when',
        'index.html was lost.',
      ].join('\n'),
    )
    .exitOverride()
    .action(async (dir: string, flags: IndexFlags) => {
      await runIndex(dir, flags.indexCompare);
      setStatus(ExitStatus.ok);
    });
  return withExamples(command, [
    ['fmfi-plot index /var/db/fmfi', 'the page of /var/db/fmfi made again, after charts were deleted or index.html was lost'],
    ['fmfi-plot index /var/db/fmfi --index-compare 3', 'the same page, comparing the three most recent windows'],
  ]);
}
