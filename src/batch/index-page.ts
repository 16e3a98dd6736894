// The index page of a folder of charts: kept up to date with them, rewritten only when what it shows changed.
//
//   open     read index.json: each window's digest, with the stamp of the chart it was made with
//   batch    a log whose chart and digest are both up to date is not read; any other log's
//            digest comes with its chart, or from a read of the log alone (chart up to date)
//   finish   1. drop the windows whose chart is gone, and all but the newest of one log's windows
//            2. mark the windows whose log is gone
//            3. the page's key: everything it shows but the time it was made; unchanged
//               and the page there: nothing is written (index.json only if an entry moved)
//            4. compare the most recent windows from their kept uptime bins, write index.html,
//               then index.json (a run stopped between the two writes the page again next time)
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { failure } from '../errors.js';
import { assertNotAnInput } from '../io/guard.js';
import { writeFileAtomic } from '../io/sinks.js';
import type { Diagnostic, LocalTime } from '../model.js';
import { finishOnCommonWidth, UptimeBinner } from '../summary/uptime.js';
import { indexPageHtml, mostRecent, type PageWindow } from '../views/index-page/index.js';
import type { WindowDigest } from './digest.js';
import { DATA_FILE, hashOf, indexDataJson, PAGE_FILE, pageState, readIndexData, type IndexEntry } from './index-data.js';
import { sameStamp, type Stamp } from './stamp.js';

export interface PageOptions {
  /** The most recent windows compared on the page; 0: no comparison. */
  readonly compare: number;
  /** `fmfi-plot 0.1.0`. */
  readonly generator: string;
  readonly madeAt: LocalTime;
  /** Write the page even when nothing on it changed (`fmfi-plot index DIR`). */
  readonly rewrite: boolean;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** A log's name in index.json: absolute, so a rerun from another folder finds it. */
function logKey(input: string): string {
  return input === '-' ? '-' : resolve(input);
}

export class IndexUpdate {
  /** Entries by chart name. */
  private readonly entries: Map<string, IndexEntry>;
  /** Charts this run made or found up to date: they exist, and their log was just read or seen. */
  private readonly current = new Set<string>();
  private dirty = false;

  private constructor(
    private readonly dir: string,
    private readonly version: string,
    private readonly pageKey: string | null,
    entries: readonly IndexEntry[],
    private readonly foreignData: boolean,
  ) {
    this.entries = new Map(entries.map((e) => [e.chart, e]));
  }

  /** The folder's index as last written (none: an empty one). */
  static async open(dir: string, version: string): Promise<IndexUpdate> {
    const stored = await readIndexData(dir, version);
    const data = stored.kind === 'ours' ? stored.data : null;
    return new IndexUpdate(dir, version, data?.page ?? null, data?.windows ?? [], stored.kind === 'foreign');
  }

  /** Whether index.json had anything to say (a folder never indexed has nothing to rebuild from). */
  get known(): boolean {
    return this.entries.size > 0 || this.pageKey !== null;
  }

  /** Whether the chart's digest was made from this very log and options (standard input never is). */
  isFresh(chart: string, stamp: Stamp | null): boolean {
    const entry = this.entries.get(chart);
    return stamp !== null && entry?.stamp != null && sameStamp(entry.stamp, stamp);
  }

  /** An up-to-date chart and digest of this run's log: kept as it is (its log may have moved). */
  keep(chart: string, input: string): void {
    const entry = this.entries.get(chart);
    if (entry === undefined) return;
    this.current.add(chart);
    const log = logKey(input);
    if (entry.log !== log) {
      this.entries.set(chart, { ...entry, log });
      this.dirty = true;
    }
  }

  /** A new digest of this run's log, for its chart (made now or up to date). */
  record(chart: string, input: string, made: { stamp: Stamp | null; width: number; height: number }, digest: WindowDigest, diagnostics: readonly Diagnostic[], hiddenWarnings: number): void {
    this.current.add(chart);
    this.dirty = true;
    const shown = {
      stamp: made.stamp,
      width: made.width,
      height: made.height,
      digest,
      diagnostics: diagnostics.map(({ severity, line, message }) => ({ severity, line, message })),
      hiddenWarnings,
    };
    this.entries.set(chart, { chart, log: logKey(input), ...shown, hash: hashOf(JSON.stringify(shown)) });
  }

  /**
   * Brings index.html and index.json up to date with the charts. Returns whether the page
   * was written. Throws FmfiError when a file there is not fmfi-plot's, or cannot be written.
   */
  async finish(options: PageOptions, inputs: readonly string[]): Promise<boolean> {
    const pagePath = join(this.dir, PAGE_FILE);
    const dataPath = join(this.dir, DATA_FILE);
    if (this.foreignData) throw failure('OUTPUT_NOT_OURS', dataPath);
    // 1.
    for (const [chart] of this.entries) {
      if (!this.current.has(chart) && !(await exists(join(this.dir, chart)))) {
        this.entries.delete(chart);
        this.dirty = true;
      }
    }
    const byLog = new Map<string, IndexEntry>();
    for (const entry of this.entries.values()) {
      const other = entry.log === '-' ? undefined : byLog.get(entry.log);
      if (other === undefined || this.current.has(entry.chart)) byLog.set(entry.log === '-' ? `-${entry.chart}` : entry.log, entry);
    }
    // In chart order: the key must not depend on the order the logs were read in.
    const shown = [...byLog.values()].sort((a, b) => (a.chart < b.chart ? -1 : a.chart > b.chart ? 1 : 0));
    // 2.
    const windows: Array<PageWindow & { readonly entry: IndexEntry }> = [];
    for (const entry of shown) {
      const logGone = !this.current.has(entry.chart) && entry.log !== '-' && !(await exists(entry.log));
      const { chart, width, height, digest, diagnostics, hiddenWarnings } = entry;
      windows.push({ entry, chart, width, height, description: digest.description, stats: digest.stats, diagnostics, hiddenWarnings, logGone });
    }
    const compared = options.compare > 0 ? mostRecent(windows, options.compare) : [];
    // 3.
    // The compared windows are among these, chosen by what these hashes cover.
    const key = hashOf(
      JSON.stringify({ generator: options.generator, compare: options.compare, windows: windows.map((w) => [w.chart, w.entry.hash, w.logGone]) }),
    );
    const state = await pageState(this.dir);
    if (state === 'foreign') throw failure('OUTPUT_NOT_OURS', pagePath);
    // A run that drew nothing (every log empty or failed) starts no page; one there is kept up to date.
    if (!options.rewrite && windows.length === 0 && state === 'missing' && this.pageKey === null) return false;
    if (!options.rewrite && key === this.pageKey && state === 'ours') {
      if (this.dirty) await this.writeData(dataPath, inputs, key);
      return false;
    }
    // 4.
    await assertNotAnInput(pagePath, inputs);
    const compare = compared.length === 0 ? null : { svg: await compareSvg(compared.map((w) => w.entry)), compared: compared.length };
    const html = indexPageHtml({ windows: windows.map(({ entry: _, ...w }) => w), compare, madeAt: options.madeAt, generator: options.generator });
    await writeFileAtomic(pagePath, html, { role: 'derived' });
    await this.writeData(dataPath, inputs, key);
    return true;
  }

  private async writeData(path: string, inputs: readonly string[], key: string): Promise<void> {
    await assertNotAnInput(path, inputs);
    await writeFileAtomic(path, indexDataJson(this.version, key, [...this.entries.values()]), { role: 'derived' });
    this.dirty = false;
  }
}

/** The comparison chart of the windows, from their kept uptime bins: the chart `fmfi-plot compare` draws of their logs. */
async function compareSvg(entries: readonly IndexEntry[]): Promise<string> {
  const { renderCompareSvg } = await import('../views/compare/index.js');
  const windows = finishOnCommonWidth(entries.map((e) => UptimeBinner.restore(e.digest.uptime)));
  return renderCompareSvg(windows);
}
