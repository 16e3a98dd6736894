// The index page of a folder of charts: kept up to date with them, rewritten only when what it shows changed.
//
//   open     read index.json's refs: each window's chart, log, the stamp of the chart its digest
//            was made with, and the hash of what the page shows of it; the digests themselves
//            only when the page or index.json is written
//   batch    a log whose chart and digest are both up to date is not read; any other log's
//            digest comes with its chart, or from a read of the log alone (chart up to date)
//   finish   1. drop the windows whose chart is gone, and all but the newest of one log's windows
//            2. mark the windows whose log is gone
//            3. the page's key: everything it shows but the time it was made; unchanged
//               and the page there: nothing is written (index.json only if an entry moved)
//            4. compare the most recent windows from their kept uptime bins, write index.html,
//               then index.json (a run stopped between the two writes the page again next time)
import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { failure } from '../errors.js';
import { assertNotAnInput } from '../io/guard.js';
import { resolvedPath } from '../io/names.js';
import { writeFileAtomic } from '../io/sinks.js';
import type { Diagnostic, LocalTime } from '../model.js';
import type { PageWindow } from '../views/index-page/index.js';
import type { WindowDigest } from './digest.js';
import { fileSeen, DATA_FILE, hashOf, indexDataJson, PAGE_FILE, pageState, readIndexData, sameFile, type FileSeen, type IndexEntry, type WindowRef } from './index-data.js';
import { lstatOrNull } from '../io/places.js';
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
  return input === '-' ? '-' : resolvedPath(input);
}

export class IndexUpdate {
  /** Every window's ref, by chart name: all a run that changes nothing on the page reads. */
  private readonly refs: Map<string, WindowRef>;
  /** The windows recorded by this run, whole. */
  private readonly recorded = new Map<string, IndexEntry>();
  /** The windows of index.json, whole, by chart name: parsed when first needed. */
  private storedWindows: Map<string, IndexEntry> | null = null;
  /** Charts this run made or found up to date: they exist, and their log was just read or seen. */
  private readonly current = new Set<string>();
  private dirty = false;

  private constructor(
    private readonly dir: string,
    private readonly version: string,
    private readonly pageKey: string | null,
    refs: readonly WindowRef[],
    private stored: () => readonly IndexEntry[],
    private readonly foreignData: boolean,
  ) {
    this.refs = new Map(refs.map((r) => [r.chart, r]));
  }

  /** The folder's index as last written (none: an empty one). */
  static async open(dir: string, version: string): Promise<IndexUpdate> {
    const stored = await readIndexData(dir, version);
    const data = stored.kind === 'ours' ? stored.data : null;
    return new IndexUpdate(dir, version, data?.page ?? null, data?.refs ?? [], data === null ? () => [] : data.windows, stored.kind === 'foreign');
  }

  /** Whether index.json had anything to say (a folder never indexed has nothing to rebuild from). */
  get known(): boolean {
    return this.refs.size > 0 || this.pageKey !== null;
  }

  /** Whether the chart's digest was made from this very log and options (standard input never is). */
  isFresh(chart: string, stamp: Stamp | null): boolean {
    const ref = this.refs.get(chart);
    return stamp !== null && ref?.stamp != null && sameStamp(ref.stamp, stamp);
  }

  /**
   * The stamp of the chart at `chart` without opening it: the ref's, when lstat(2) of the
   * chart (`entry`) shows the very file index.json was written with. Null: not known so.
   */
  stampOf(chart: string, entry: Stats | null): Stamp | null {
    const ref = this.refs.get(chart);
    return ref?.file !== undefined && ref.stamp !== null && entry !== null && sameFile(ref.file, entry) ? ref.stamp : null;
  }

  /**
   * An up-to-date chart and digest of this run's log: kept as it is (its log may have moved).
   * `entry`: lstat(2) of the chart, which has the ref's stamp; a file other than the one
   * index.json knows (a copied folder, an older index.json) is written down for next time.
   */
  keep(chart: string, input: string, entry?: Stats | null): void {
    const ref = this.refs.get(chart);
    if (ref === undefined) return;
    this.current.add(chart);
    const log = logKey(input);
    const file = entry != null && entry.isFile() && (ref.file === undefined || !sameFile(ref.file, entry)) ? fileSeen(entry) : ref.file;
    if (ref.log !== log || file !== ref.file) {
      this.refs.set(chart, { ...ref, log, file });
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
    const entry: IndexEntry = { chart, log: logKey(input), ...shown, hash: hashOf(JSON.stringify(shown)) };
    this.recorded.set(chart, entry);
    this.refs.set(chart, { chart, log: entry.log, stamp: entry.stamp, hash: entry.hash });
  }

  /**
   * Forgets what index.json held, after its windows were lost (WindowsLost, from finish):
   * the page is then made of this run's windows. Returns the charts found up to date whose
   * digests this run did not make, which must be recorded again before finish.
   */
  forgetStored(): string[] {
    const missing = [...this.current].filter((chart) => !this.recorded.has(chart));
    for (const chart of this.refs.keys()) if (!this.recorded.has(chart)) this.refs.delete(chart);
    for (const chart of missing) this.current.delete(chart);
    this.stored = () => [];
    this.storedWindows = null;
    this.dirty = true;
    return missing;
  }

  /** A window whole, as recorded by this run or as index.json holds it (with its log where this run found it). */
  private entry(ref: WindowRef): IndexEntry {
    const recorded = this.recorded.get(ref.chart);
    if (recorded !== undefined) return recorded;
    this.storedWindows ??= new Map(this.stored().map((e) => [e.chart, e]));
    const stored = this.storedWindows.get(ref.chart);
    // index.json is checked as a whole when read: a ref without its window is not ours to have written.
    if (stored === undefined) throw new Error(`index.json: no window for the ref of ${ref.chart}`);
    return stored.log === ref.log ? stored : { ...stored, log: ref.log };
  }

  /**
   * Brings index.html and index.json up to date with the charts. Returns whether the page
   * was written. Throws FmfiError when a file there is not fmfi-plot's, or cannot be written,
   * and WindowsLost, before writing anything, when the windows of index.json it needs are
   * no longer there to read (see forgetStored).
   */
  async finish(options: PageOptions, inputs: readonly string[]): Promise<boolean> {
    const pagePath = join(this.dir, PAGE_FILE);
    const dataPath = join(this.dir, DATA_FILE);
    if (this.foreignData) throw failure('OUTPUT_NOT_OURS', dataPath);
    // 1.
    for (const [chart] of this.refs) {
      if (!this.current.has(chart) && !(await exists(join(this.dir, chart)))) {
        this.refs.delete(chart);
        this.dirty = true;
      }
    }
    const byLog = new Map<string, WindowRef>();
    for (const ref of this.refs.values()) {
      const other = ref.log === '-' ? undefined : byLog.get(ref.log);
      if (other === undefined || this.current.has(ref.chart)) byLog.set(ref.log === '-' ? `-${ref.chart}` : ref.log, ref);
    }
    // In chart order: the key must not depend on the order the logs were read in.
    const shown = [...byLog.values()].sort((a, b) => (a.chart < b.chart ? -1 : a.chart > b.chart ? 1 : 0));
    // 2.
    const gone = new Set<string>();
    for (const ref of shown) if (!this.current.has(ref.chart) && ref.log !== '-' && !(await exists(ref.log))) gone.add(ref.chart);
    // 3.
    // The compared windows are among these, chosen by what these hashes cover.
    const key = hashOf(
      JSON.stringify({ generator: options.generator, compare: options.compare, windows: shown.map((r) => [r.chart, r.hash, gone.has(r.chart)]) }),
    );
    const state = await pageState(this.dir);
    if (state === 'foreign') throw failure('OUTPUT_NOT_OURS', pagePath);
    // A run that drew nothing (every log empty or failed) starts no page; one there is kept up to date.
    if (!options.rewrite && shown.length === 0 && state === 'missing' && this.pageKey === null) return false;
    if (!options.rewrite && key === this.pageKey && state === 'ours') {
      if (this.dirty) await this.writeData(dataPath, inputs, key);
      return false;
    }
    // 4.
    // Loaded only now: a run that changes nothing on the page does not write it.
    const { indexPageHtml, mostRecent } = require('../views/index-page/index.js') as typeof import('../views/index-page/index.js');
    const windows: Array<PageWindow & { readonly entry: IndexEntry }> = shown.map((ref) => {
      const entry = this.entry(ref);
      const { chart, width, height, digest, diagnostics, hiddenWarnings } = entry;
      return { entry, chart, width, height, description: digest.description, stats: digest.stats, diagnostics, hiddenWarnings, logGone: gone.has(chart) };
    });
    const compared = options.compare > 0 ? mostRecent(windows, options.compare) : [];
    await assertNotAnInput(pagePath, inputs);
    const compare = compared.length === 0 ? null : { svg: await compareSvg(compared.map((w) => w.entry)), compared: compared.length };
    const html = indexPageHtml({ windows: windows.map(({ entry: _, ...w }) => w), compare, madeAt: options.madeAt, generator: options.generator });
    await writeFileAtomic(pagePath, html, { role: 'derived' });
    await this.writeData(dataPath, inputs, key);
    return true;
  }

  private async writeData(path: string, inputs: readonly string[], key: string): Promise<void> {
    await assertNotAnInput(path, inputs);
    const entries = [...this.refs.values()].map((r) => this.entry(r));
    // Each chart file as it is now, for the next run to know it by: those whose digest this
    // run made were just written or read; any other is as keep() saw it, or as known before
    // (a file changed since will not match).
    const files = new Map<string, FileSeen>();
    for (const ref of this.refs.values()) {
      const st = this.recorded.has(ref.chart) ? lstatOrNull(join(this.dir, ref.chart)) : null;
      const file = st?.isFile() === true ? fileSeen(st) : ref.file;
      if (file !== undefined) files.set(ref.chart, file);
    }
    await writeFileAtomic(path, indexDataJson(this.version, key, entries, files), { role: 'derived' });
    this.dirty = false;
  }
}

/** The comparison chart of the windows, from their kept uptime bins: the chart `fmfi-plot compare` draws of their logs. */
async function compareSvg(entries: readonly IndexEntry[]): Promise<string> {
  const { renderCompareSvg } = await import('../views/compare/index.js');
  const { finishOnCommonWidth, UptimeBinner } = require('../summary/uptime.js') as typeof import('../summary/uptime.js');
  const windows = finishOnCommonWidth(entries.map((e) => UptimeBinner.restore(e.digest.uptime)));
  return renderCompareSvg(windows);
}
