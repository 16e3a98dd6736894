// index.json: what the index page shows of each window, kept beside the charts so a rerun reads only the logs that changed.
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { fsPath } from '../io/names.js';
import type { PageDiagnostic } from '../views/index-page/model.js';
import type { WindowDigest } from './digest.js';
import type { Stamp } from './stamp.js';

export const PAGE_FILE = 'index.html';
export const DATA_FILE = 'index.json';

/** Marks index.json as ours, whatever its version: only a file that carries it is overwritten. */
const SCHEMA = 'fmfi-plot/index 1';
/** Marks index.html as ours (its generator meta tag), within its first bytes. */
const PAGE_MARK = '<meta name="generator" content="fmfi-plot';
const PAGE_HEAD_BYTES = 1024;

/** Not following a link, not waiting on a FIFO: what is planted at these names is never read through. */
const NO_FOLLOW = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/** Opens a regular file at `path` (not through a link); throws ENOENT when nothing is there, another error for anything else. */
async function openRegular(path: string): Promise<FileHandle> {
  const handle = await open(fsPath(path), NO_FOLLOW);
  const st = await handle.stat().catch(() => null);
  if (st === null || !st.isFile()) {
    await handle.close();
    throw Object.assign(new Error(`${path}: not a regular file`), { code: 'ENOTREG' });
  }
  return handle;
}

/** The bytes of the regular file at `path` (not through a link), in one synchronous call; throws as openRegular does. */
function readRegularSync(path: string): Buffer {
  const fd = openSync(fsPath(path), NO_FOLLOW);
  try {
    if (!fstatSync(fd).isFile()) throw Object.assign(new Error(`${path}: not a regular file`), { code: 'ENOTREG' });
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** One window with a chart in the folder. */
export interface IndexEntry {
  /** The chart's file name in the folder. */
  readonly chart: string;
  /** The log, as an absolute path (`-`: standard input): where a rerun looks for it. */
  readonly log: string;
  /** The chart's stamp when the digest was made: fresh while the chart's log and options are the same. */
  readonly stamp: Stamp | null;
  /** The chart's size in pixels. */
  readonly width: number;
  readonly height: number;
  readonly digest: WindowDigest;
  /** The diagnostics kept of the log (the first --warnings N), and how many more warnings it had. */
  readonly diagnostics: readonly PageDiagnostic[];
  readonly hiddenWarnings: number;
  /** A hash of what the page shows of the window (all of the above but the log's name): the page's key is made of these. */
  readonly hash: string;
}

/** What a rerun needs of a window without reading its digest: whether it is fresh, its log, and what the page's key is made of. */
export type WindowRef = Pick<IndexEntry, 'chart' | 'log' | 'stamp' | 'hash'>;

/** The part of index.json before the windows, read on every run. */
interface IndexHead {
  readonly schema: typeof SCHEMA;
  /** fmfi-plot's version: the data of another version is made anew, as its charts are. */
  readonly version: string;
  /** The key of the page as last written: everything it shows but the time it was made. */
  readonly page: string | null;
  /** The checksum of all that follows it (`refs` and `windows`) as written. */
  readonly check: string;
}

export interface IndexData {
  readonly page: string | null;
  /** By chart name: each window's ref, what a rerun with nothing to do reads. */
  readonly refs: readonly WindowRef[];
  /**
   * Every window whole, in the order of `refs`, parsed when first asked for: a folder of
   * 1,000 windows holds megabytes of digests, and a run that changes nothing on the page
   * needs none of them.
   */
  windows(): readonly IndexEntry[];
}

/** What the folder holds: our data (null when missing or of another version), or a file of that name that is not ours. */
export type StoredData = { readonly kind: 'ours'; readonly data: IndexData | null } | { readonly kind: 'foreign' };

/** SHA-256 in hex (of a text's UTF-8). */
export function hashOf(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

// index.json is `{"schema":…,"version":…,"page":…,"check":…,"refs":[…],"windows":[…]}`: the
// refs and windows come last, in that order, so a reader finds them by their keys (a key
// in a JSON string would have its quotes escaped), parses the head and the refs alone, and
// checks the very bytes written.
const REFS_KEY = ',"refs":';
const WINDOWS_KEY = ',"windows":';
const CLOSE_BRACE = 0x7d;

const isRef = (r: unknown): r is WindowRef => {
  const v = r as Partial<WindowRef> | null;
  return typeof v === 'object' && v !== null && typeof v.chart === 'string' && typeof v.log === 'string' && typeof v.hash === 'string' && typeof v.stamp === 'object';
};

/**
 * index.json of `dir`; damaged or of another version it counts as missing (the logs are read
 * again). Read in one synchronous call, the head and refs parsed, the rest checked as bytes
 * and parsed only when asked for.
 */
export async function readIndexData(dir: string, version: string): Promise<StoredData> {
  let bytes: Buffer;
  try {
    bytes = readRegularSync(join(dir, DATA_FILE));
  } catch (e) {
    // A link, a FIFO or a device at its name is someone else's: left alone, never read.
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ELOOP' || code === 'ENOTREG' ? { kind: 'foreign' } : { kind: 'ours', data: null };
  }
  const at = bytes.indexOf(REFS_KEY);
  let head: Partial<IndexHead> | null = null;
  try {
    head = JSON.parse(at < 0 ? bytes.toString('utf8') : `${bytes.toString('utf8', 0, at)}}`) as Partial<IndexHead>;
  } catch {
    // Written atomically, ours is never cut off: unreadable JSON is someone else's file.
  }
  if (head === null || typeof head !== 'object' || head.schema !== SCHEMA) return { kind: 'foreign' };
  // Of another version, or from before the refs: made anew.
  if (at < 0 || head.version !== version || typeof head.check !== 'string') return { kind: 'ours', data: null };
  // A checksum of all that follows the head as written: an index.json edited by hand or damaged is made anew, never half trusted.
  const end = bytes.lastIndexOf(CLOSE_BRACE);
  const at2 = bytes.indexOf(WINDOWS_KEY, at);
  if (end < 0 || at2 < 0 || at2 > end || head.check !== hashOf(bytes.subarray(at, end))) return { kind: 'ours', data: null };
  let refs: unknown;
  try {
    refs = JSON.parse(bytes.toString('utf8', at + REFS_KEY.length, at2));
  } catch {
    return { kind: 'ours', data: null };
  }
  if (!Array.isArray(refs) || !refs.every(isRef)) return { kind: 'ours', data: null };
  let windows: readonly IndexEntry[] | null = null;
  const data: IndexData = {
    page: typeof head.page === 'string' ? head.page : null,
    refs,
    windows: () => (windows ??= JSON.parse(bytes.toString('utf8', at2 + WINDOWS_KEY.length, end)) as IndexEntry[]),
  };
  return { kind: 'ours', data };
}

export function indexDataJson(version: string, page: string | null, windows: readonly IndexEntry[]): string {
  const sorted = [...windows].sort((a, b) => (a.chart < b.chart ? -1 : a.chart > b.chart ? 1 : 0));
  const refs: WindowRef[] = sorted.map(({ chart, log, stamp, hash }) => ({ chart, log, stamp, hash }));
  const body = `${REFS_KEY}${JSON.stringify(refs)}${WINDOWS_KEY}${JSON.stringify(sorted)}`;
  const head: IndexHead = { schema: SCHEMA, version, page, check: hashOf(body) };
  return `${JSON.stringify(head).slice(0, -1)}${body}}\n`;
}

/** Whether `dir`'s index.html is missing (null), ours, or someone else's page. */
export async function pageState(dir: string): Promise<'missing' | 'ours' | 'foreign'> {
  let head: string;
  try {
    const handle = await openRegular(join(dir, PAGE_FILE));
    try {
      const buf = Buffer.alloc(PAGE_HEAD_BYTES);
      const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
      head = buf.toString('utf8', 0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'foreign';
  }
  return head.includes(PAGE_MARK) ? 'ours' : 'foreign';
}

const PNG_SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

/** A chart's size in pixels from its first bytes (an SVG's root element, a PNG's IHDR), or null. */
export function pictureSize(head: Uint8Array): { width: number; height: number } | null {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (bytes.length >= 24 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  const m = /<svg\b[^>]*?\swidth="(\d+(?:\.\d+)?)"[^>]*?\sheight="(\d+(?:\.\d+)?)"/.exec(bytes.toString('utf8', 0, Math.min(bytes.length, 8192)));
  return m === null ? null : { width: Number(m[1]), height: Number(m[2]) };
}
