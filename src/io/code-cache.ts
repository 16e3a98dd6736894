// V8's code cache for a script fmfi-plot compiles itself: kept in the user's cache folder, checked, rebuilt when stale.
//
// Compiling Vega's one-file build takes longer than running it, in every process and
// every worker that draws a chart. V8 can hand out what it compiled (the bytecode of
// every function the run used) and take it back in a later process instead of compiling
// again. The cache only ever saves time: a missing, stale, corrupt or foreign cache
// file is ignored (and replaced), a folder that cannot be written costs the compile
// each time, and what the script computes never depends on it.
//
//   where   $XDG_CACHE_HOME/fmfi-plot, else ~/.cache/fmfi-plot: <file name>-<hash>.v8-cache,
//           one per script, Node.js version and architecture
//   what    a header line, `fmfi-plot code cache 1 <key as JSON>`, then V8's bytes
//   key     the script (its file's path, size, modification time and inode, the text
//           around it), Node.js, V8 and the architecture, and a checksum of V8's bytes:
//           V8 itself checks its version and the source's length, but not its bytes
//           (their checksum only in debug builds)
//   pruned  when a cache is written, the caches of scripts that are gone (an install
//           removed or moved, a checkout deleted) are removed: nothing else would
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, statSync, unlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { debuglog } from 'node:util';
import { Script } from 'node:vm';
import { readAt } from './places.js';

const MAGIC = 'fmfi-plot code cache 1 ';
const NEWLINE = 10;

const debug = debuglog('fmfi-plot');

/** The folder of fmfi-plot's caches, or null when there is no home to put it in. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg !== undefined && xdg.startsWith('/')) return join(xdg, 'fmfi-plot');
  let home: string;
  try {
    home = env.HOME ?? homedir();
  } catch {
    return null;
  }
  return home === '' ? null : join(home, '.cache', 'fmfi-plot');
}

/** A script compiled with the code cache of an earlier run when a valid one was found. */
export interface CompiledScript {
  readonly script: Script;
  /** Whether V8 took a cache: then there is nothing to save. */
  readonly cached: boolean;
  /**
   * Writes the cache when none was taken. Called once the script's code has done its work,
   * so that the cache holds every function the work compiled. Never throws.
   */
  save(): void;
}

/** FNV-1a of a short string, for a file name: not worth node:crypto's start-up. */
function nameHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * A checksum of V8's bytes, as 16 hex digits: every byte counts, in order, so a flipped or
 * lost byte changes it. Read four bytes at a time (V8's data is over half a megabyte).
 */
export function checksum(bytes: Uint8Array): string {
  // Int32Array wants its start on a multiple of 4: elsewhere the bytes are copied first.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
  const words = new Int32Array(aligned.buffer, aligned.byteOffset, aligned.length >> 2);
  let a = 0x9e3779b9;
  let b = aligned.length;
  for (let i = 0; i < words.length; i++) {
    a = Math.imul(a ^ words[i]!, 0x85ebca6b);
    b = (b + a) | 0;
  }
  for (let i = words.length * 4; i < aligned.length; i++) {
    a = Math.imul(a ^ aligned[i]!, 0x85ebca6b);
    b = (b + a) | 0;
  }
  const hex = (x: number): string => (x >>> 0).toString(16).padStart(8, '0');
  return hex(a ^ Math.imul(b, 0xc2b2ae35)) + hex(b);
}

/** What a cache must have been made for: the script, and the Node.js that compiled it. */
export interface Key {
  readonly node: string;
  readonly v8: string;
  readonly arch: string;
  readonly file: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
  readonly before: string;
  readonly after: string;
  checksum?: string;
}

/** The cache file's bytes for V8, if it is ours, for this key, and whole; else null (and why, for NODE_DEBUG). */
function readCache(path: string, key: Key): Buffer | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    debug('code cache %s: none yet', path);
    return null;
  }
  try {
    const st = fstatSync(fd);
    // Code is run from it: a file someone else could have written is not used.
    if ((process.getuid !== undefined && st.uid !== process.getuid()) || (st.mode & 0o022) !== 0) {
      debug('code cache %s: not used, as others could have written it', path);
      return null;
    }
    const bytes = readAt(fd, 0, st.size);
    const end = bytes.indexOf(NEWLINE);
    if (bytes.length !== st.size || end < 0 || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) {
      debug('code cache %s: not a cache file', path);
      return null;
    }
    let saved: Partial<Key>;
    try {
      saved = JSON.parse(bytes.toString('utf8', MAGIC.length, end)) as Partial<Key>;
    } catch {
      debug('code cache %s: not a cache file', path);
      return null;
    }
    const data = bytes.subarray(end + 1);
    const { checksum: sum, ...rest } = saved;
    if (JSON.stringify(rest) !== JSON.stringify(key)) {
      debug('code cache %s: stale (made for another script or Node.js)', path);
      return null;
    }
    if (sum !== checksum(data)) {
      debug('code cache %s: damaged', path);
      return null;
    }
    return data;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** Writes the cache atomically (a temporary file renamed into place); false if it cannot be written. */
export function writeCache(path: string, key: Key, data: Uint8Array): boolean {
  const temp = `${path}.${process.pid}-${Math.floor(Math.random() * 0x100000000).toString(16)}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const header = Buffer.from(`${MAGIC}${JSON.stringify({ ...key, checksum: checksum(data) })}\n`, 'utf8');
    writeFileSync(temp, Buffer.concat([header, data]), { mode: 0o600, flag: 'wx' });
    renameSync(temp, path);
    debug('code cache %s: written', path);
    return true;
  } catch (e) {
    debug('code cache %s: cannot be written (%s)', path, (e as Error).message);
    try {
      unlinkSync(temp);
    } catch {
      // never made
    }
    return false;
  }
}

/** The script a cache file was made for, from its header line; null when it is not a cache file of ours. */
function scriptOf(path: string): string | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    // The header is a line of JSON well under 4 KiB (a path, versions, two short texts).
    const head = Buffer.allocUnsafe(4096);
    const n = readSync(fd, head, 0, head.length, 0);
    const end = head.subarray(0, n).indexOf(NEWLINE);
    if (end < 0 || head.toString('latin1', 0, MAGIC.length) !== MAGIC) return null;
    const file = (JSON.parse(head.toString('utf8', MAGIC.length, end)) as Partial<Key>).file;
    return typeof file === 'string' ? file : null;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/**
 * Removes the caches in `dir` whose script no longer exists, `keep` aside: each install
 * path and Node.js version has a cache file of its own, and an install removed or moved
 * would otherwise leave its file behind for ever. Files that are not caches of ours are
 * left alone. Never throws.
 */
export function pruneCaches(dir: string, keep: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.endsWith('.v8-cache')) continue;
    const path = join(dir, name);
    if (path === keep) continue;
    const file = scriptOf(path);
    if (file === null || existsSync(file)) continue;
    try {
      unlinkSync(path);
      debug('code cache %s: removed (its script %s is gone)', path, file);
    } catch {
      // someone else's, or gone already
    }
  }
}

/** The key of the script `before + <the file's text> + after` as it is now, run by this Node.js. */
export function cacheKey(file: string, before: string, after: string): Key {
  const st = statSync(file);
  return { node: process.version, v8: process.versions.v8, arch: process.arch, file, size: st.size, mtimeMs: st.mtimeMs, ino: st.ino, before, after };
}

/** Where the cache of `file` is kept in `dir`, for this Node.js: one file per script, version and architecture. */
export function cachePath(dir: string, file: string): string {
  return join(dir, `${basename(file)}-${nameHash(`${file}\0${process.version}\0${process.arch}`)}.v8-cache`);
}

/**
 * The script `before + <the file's text> + after`, compiled with the code cache of an
 * earlier run when there is a valid one in `dir` (null: no cache). Throws only what
 * reading the file or compiling it throws.
 */
export function compileWithCache(file: string, before: string, after: string, dir: string | null = cacheDir()): CompiledScript {
  // TextDecoder, not readFileSync(file, 'utf8'): Vega's script has a few characters beyond
  // ASCII, and Buffer's decoding of such a text took twice as long (37 ms against 18 for its
  // 1.4 MB). The same text: invalid bytes become U+FFFD either way, and a BOM is kept.
  const source = new TextDecoder('utf-8', { ignoreBOM: true }).decode(readFileSync(file));
  const key = cacheKey(file, before, after);
  const path = dir === null ? null : cachePath(dir, file);
  const data = path === null ? null : readCache(path, key);
  const script = new Script(`${before}${source}${after}`, { filename: file, ...(data === null ? {} : { cachedData: data }) });
  const cached = data !== null && script.cachedDataRejected !== true;
  if (data !== null) debug('code cache %s: %s', path, cached ? 'taken' : 'rejected by V8');
  let saved = cached || path === null;
  return {
    script,
    cached,
    save: () => {
      if (saved) return;
      saved = true;
      try {
        // Written only when none was valid: a new install, a new Node.js, or the first run.
        if (writeCache(path!, key, script.createCachedData())) pruneCaches(dirname(path!), path!);
      } catch {
        // the cache is only ever an optimisation
      }
    },
  };
}
