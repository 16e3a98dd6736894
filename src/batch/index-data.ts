// index.json: what the index page shows of each window, kept beside the charts so a rerun reads only the logs that changed.
import { closeSync, constants, fstatSync, openSync, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { fsPath } from '../io/names.js';
import { readAt } from '../io/places.js';
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

/**
 * A file as (l)stat(2) saw it: while the file at its name is that one still (the same
 * inode, size and times; any write changes its ctime), nothing in it changed. A ref keeps
 * its chart's, so a rerun need not open the chart to read its stamp; index.json is checked
 * by its own before its windows are read.
 */
export interface FileSeen {
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
}

export function fileSeen(st: Stats): FileSeen {
  return { dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs };
}

/** Whether `st` is the very file seen as `a`. */
export function sameFile(a: FileSeen, st: Stats): boolean {
  return a.ino === st.ino && a.dev === st.dev && a.size === st.size && a.mtimeMs === st.mtimeMs && a.ctimeMs === st.ctimeMs;
}

/**
 * What a rerun needs of a window without reading its digest: whether it is fresh, its log,
 * what the page's key is made of, and the chart file its stamp is that of (absent: not known).
 */
export type WindowRef = Pick<IndexEntry, 'chart' | 'log' | 'stamp' | 'hash'> & { readonly file?: FileSeen };

/** The part of index.json before the refs, read on every run. */
interface IndexHead {
  readonly schema: typeof SCHEMA;
  /** fmfi-plot's version: the data of another version is made anew, as its charts are. */
  readonly version: string;
  /** The key of the page as last written: everything it shows but the time it was made. */
  readonly page: string | null;
  /** The checksum of the refs as written (`,"refs":[…]`), and their length in bytes. */
  readonly check: string;
  readonly refsBytes: number;
  /** The checksum of the windows as written (`,"windows":[…]`), checked when they are read. */
  readonly windowsCheck: string;
}

export interface IndexData {
  readonly page: string | null;
  /** By chart name: each window's ref, what a rerun with nothing to do reads. */
  readonly refs: readonly WindowRef[];
  /**
   * Every window whole, in the order of `refs`, read and parsed when first asked for: a
   * folder of 1,000 windows holds megabytes of digests, and a run that changes nothing on
   * the page needs none of them. Throws WindowsLost when they no longer check out.
   */
  windows(): readonly IndexEntry[];
}

/**
 * index.json's windows could not be had when asked for: the file was replaced since its
 * refs were read (another run in the folder), or damaged in place. Its refs are then worth
 * nothing either: what they promised is made anew from the logs.
 */
export class WindowsLost extends Error {
  constructor(path: string) {
    super(`${path}: replaced or damaged since it was first read`);
    this.name = 'WindowsLost';
  }
}

/** What the folder holds: our data (null when missing or of another version), or a file of that name that is not ours. */
export type StoredData = { readonly kind: 'ours'; readonly data: IndexData | null } | { readonly kind: 'foreign' };

const MADE_ANEW: StoredData = { kind: 'ours', data: null };

/**
 * A 64-bit hash of a text's UTF-8 (or of bytes), in hex: two 32-bit lanes of multiply and
 * xor-shift, each byte into both, mixed again at the end. It tells index.json damaged or
 * edited, and whether what a page shows changed; nobody is trying to forge one. Not
 * SHA-256: loading node:crypto took 8 ms of every run, a thirtieth of a rerun of 1,000
 * windows with nothing to do.
 */
export function hashOf(text: string | Uint8Array): string {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  let h1 = 0xdeadbeef ^ bytes.length;
  let h2 = 0x41c6ce57 ^ bytes.length;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    h1 = Math.imul(h1 ^ b, 2654435761);
    h2 = Math.imul(h2 ^ b, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

// index.json is `{"schema":…,"version":…,"page":…,"check":…,"refsBytes":…,"windowsCheck":…,
// "refs":[…],"windows":[…]}`. The refs and windows come last, in that order: a reader finds
// the refs by their key (a key inside a JSON string would have its quotes escaped), parses
// the head, then reads the refs alone and checks their very bytes. The windows, most of
// the file, are read and checked only when a run writes the page or index.json: on a rerun
// of 1,000 windows with nothing to do, reading and hashing them was a sixth of the run.
const REFS_KEY = ',"refs":';
const WINDOWS_KEY = ',"windows":';
const CLOSE_BRACE = 0x7d;
/** The first read: the head (a version and a page key) is far shorter. */
const HEAD_BYTES = 4096;

const isRef = (r: unknown): r is WindowRef => {
  const v = r as Partial<WindowRef> | null;
  return (
    typeof v === 'object' && v !== null && typeof v.chart === 'string' && typeof v.log === 'string' && typeof v.hash === 'string' && typeof v.stamp === 'object' &&
    (v.file === undefined || isFileSeen(v.file))
  );
};

const isFileSeen = (f: unknown): f is FileSeen => {
  const v = f as Partial<FileSeen> | null;
  return typeof v === 'object' && v !== null && [v.dev, v.ino, v.size, v.mtimeMs, v.ctimeMs].every((n) => typeof n === 'number');
};

/**
 * index.json of `dir`; damaged or of another version it counts as missing (the logs are read
 * again). Synchronous: the head and the refs are read and checked now, the windows when asked for.
 */
export async function readIndexData(dir: string, version: string): Promise<StoredData> {
  const path = join(dir, DATA_FILE);
  let fd: number;
  try {
    // A link, a FIFO or a device at its name is someone else's: left alone, never read.
    fd = openSync(fsPath(path), NO_FOLLOW);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ELOOP' ? { kind: 'foreign' } : MADE_ANEW;
  }
  try {
    return readHeadAndRefs(fd, path, version);
  } catch {
    return MADE_ANEW;
  } finally {
    closeSync(fd);
  }
}

function readHeadAndRefs(fd: number, path: string, version: string): StoredData {
  const st = fstatSync(fd);
  if (!st.isFile()) return { kind: 'foreign' };
  let bytes = readAt(fd, 0, Math.min(st.size, HEAD_BYTES));
  let at = bytes.indexOf(REFS_KEY);
  // No refs near the top: not as this version writes it; read whole to tell whose it is.
  if (at < 0 && bytes.length < st.size) {
    bytes = readAt(fd, 0, st.size);
    at = bytes.indexOf(REFS_KEY);
  }
  let head: Partial<IndexHead> | null = null;
  try {
    head = JSON.parse(at < 0 ? bytes.toString('utf8') : `${bytes.toString('utf8', 0, at)}}`) as Partial<IndexHead>;
  } catch {
    // Written atomically, ours is never cut off: unreadable JSON is someone else's file.
  }
  if (head === null || typeof head !== 'object' || head.schema !== SCHEMA) return { kind: 'foreign' };
  // Of another version, or of an earlier layout: made anew.
  const { check, refsBytes, windowsCheck } = head;
  if (at < 0 || head.version !== version || typeof check !== 'string' || typeof windowsCheck !== 'string') return MADE_ANEW;
  if (typeof refsBytes !== 'number' || !Number.isSafeInteger(refsBytes) || refsBytes < REFS_KEY.length) return MADE_ANEW;
  const part = readAt(fd, at, refsBytes + WINDOWS_KEY.length);
  // The refs' checksum: an index.json edited by hand or damaged is made anew, never half trusted.
  if (part.length !== refsBytes + WINDOWS_KEY.length || part.toString('latin1', refsBytes) !== WINDOWS_KEY) return MADE_ANEW;
  if (check !== hashOf(part.subarray(0, refsBytes))) return MADE_ANEW;
  const refs: unknown = JSON.parse(part.toString('utf8', REFS_KEY.length, refsBytes));
  if (!Array.isArray(refs) || !refs.every(isRef)) return MADE_ANEW;
  const windowsAt = at + refsBytes;
  let windows: readonly IndexEntry[] | null = null;
  const data: IndexData = {
    page: typeof head.page === 'string' ? head.page : null,
    refs,
    windows: () => (windows ??= readWindows(path, st, windowsAt, windowsCheck)),
  };
  return { kind: 'ours', data };
}

/**
 * The windows of index.json at `path`, if it is still the file whose refs were read (`was`):
 * replaced by another run, it is another file (written atomically); damage fails the checksum.
 */
function readWindows(path: string, was: Stats, at: number, check: string): IndexEntry[] {
  let part: Buffer;
  try {
    const fd = openSync(fsPath(path), NO_FOLLOW);
    try {
      if (!sameFile(fileSeen(was), fstatSync(fd))) throw new WindowsLost(path);
      part = readAt(fd, at, was.size - at);
    } finally {
      closeSync(fd);
    }
  } catch {
    throw new WindowsLost(path);
  }
  const end = part.lastIndexOf(CLOSE_BRACE);
  if (end < 0 || hashOf(part.subarray(0, end)) !== check) throw new WindowsLost(path);
  let windows: unknown;
  try {
    windows = JSON.parse(part.toString('utf8', WINDOWS_KEY.length, end));
  } catch {
    throw new WindowsLost(path);
  }
  if (!Array.isArray(windows)) throw new WindowsLost(path);
  return windows as IndexEntry[];
}

/** index.json of the windows; `files`: the chart files as they are now, by chart name, where known. */
export function indexDataJson(version: string, page: string | null, windows: readonly IndexEntry[], files: ReadonlyMap<string, FileSeen> = new Map()): string {
  const sorted = [...windows].sort((a, b) => (a.chart < b.chart ? -1 : a.chart > b.chart ? 1 : 0));
  const refs: WindowRef[] = sorted.map(({ chart, log, stamp, hash }) => ({ chart, log, stamp, hash, file: files.get(chart) }));
  const refsPart = `${REFS_KEY}${JSON.stringify(refs)}`;
  const windowsPart = `${WINDOWS_KEY}${JSON.stringify(sorted)}`;
  const head: IndexHead = { schema: SCHEMA, version, page, check: hashOf(refsPart), refsBytes: Buffer.byteLength(refsPart), windowsCheck: hashOf(windowsPart) };
  return `${JSON.stringify(head).slice(0, -1)}${refsPart}${windowsPart}}\n`;
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
