// What a path given as an input or an output turns out to be: a stream, a file, or something no log or chart can be.
//
// Outputs never follow links: a link, a pipe or a device at a path that the tool made up
// (a chart beside its siblings, one CSV per log) is replaced by the new file, never
// opened; at a path the user named with -o, a pipe or a device is written in place (that
// is what naming one asks for), and a link is replaced like a file. Standard output and
// the descriptors the shell hands over (`/dev/stdout`, `/dev/fd/N`) are streams: written
// at their own position, never replaced, whatever they point to.
import { constants, lstatSync, readSync, statSync, type Stats } from 'node:fs';
import { lstat, stat } from 'node:fs/promises';
import { failure, fileError } from '../errors.js';
import { fsPath } from './names.js';

/** Who chose the output path: the user (`-o FILE`), or the tool (a chart or CSV per log in a folder). */
export type OutputRole = 'named' | 'derived';

export type OutputPlace =
  /** A file descriptor, written at its own position (the end, for `>>`). */
  | { readonly kind: 'stream'; readonly fd: number }
  /** A device or a pipe the user named: written in place. */
  | { readonly kind: 'in-place' }
  /** A new file beside the path, renamed onto it; `mode` that of the file it replaces. */
  | { readonly kind: 'file'; readonly mode: number | null };

const FD_PATH = /^\/(?:dev\/fd|proc\/self\/fd)\/(\d{1,9})$/;

/** The file descriptor an output path names (`-`, `/dev/stdout`, `/dev/fd/N`), or null for a path on disk. */
export function outputFd(path: string): number | null {
  if (path === '-' || path === '/dev/stdout') return 1;
  if (path === '/dev/stderr') return 2;
  const m = FD_PATH.exec(path);
  return m === null ? null : Number(m[1]);
}

/**
 * Whether an input path names a stream the shell hands over: `-`, `/dev/stdin`, or
 * `/dev/fd/N` (a process substitution, `<(zcat x.gz)`). Those are read as pipes; any
 * other pipe among the inputs could hold the run up for ever.
 */
export function isInputStream(path: string): boolean {
  return path === '-' || path === '/dev/stdin' || FD_PATH.test(path);
}

/** What a file that is not a regular file is, in words: `a FIFO (named pipe)`. */
export function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isDirectory()) return 'a directory';
  return 'not a regular file';
}

/** Where output to `path` goes. Throws FmfiError for a folder, or a path that cannot be looked at. */
export async function outputPlace(path: string, role: OutputRole): Promise<OutputPlace> {
  const fd = outputFd(path);
  if (fd !== null) return { kind: 'stream', fd };
  let st: Stats;
  try {
    st = await lstat(fsPath(path));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'file', mode: null };
    throw fileError(path, e, 'write');
  }
  if (st.isDirectory()) throw failure('OUTPUT_IS_DIRECTORY', path);
  if (st.isFile()) return { kind: 'file', mode: st.mode & 0o7777 };
  if (role === 'named' && (st.isCharacterDevice() || st.isBlockDevice() || st.isFIFO())) return { kind: 'in-place' };
  return { kind: 'file', mode: null };
}

/** Flags that open an input without waiting (a FIFO) and without it becoming the controlling terminal. */
export const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOCTTY ?? 0);

/**
 * Checks that an input path is a log file, before anything opens it: a directory, a FIFO,
 * a socket or a device (reached through a link or not) is refused with a message saying
 * what it is. Streams (`-`, `/dev/fd/N`) pass. Throws FmfiError.
 */
export async function checkInput(path: string): Promise<Stats | null> {
  if (isInputStream(path)) return null;
  let st: Stats;
  try {
    st = await stat(fsPath(path));
  } catch (e) {
    throw fileError(path, e, 'read');
  }
  return inputFile(path, st);
}

/** checkInput, synchronously: a batch checks every log before it renders any (see made.ts). */
export function checkInputSync(path: string): Stats | null {
  if (isInputStream(path)) return null;
  let st: Stats;
  try {
    st = statSync(fsPath(path));
  } catch (e) {
    throw fileError(path, e, 'read');
  }
  return inputFile(path, st);
}

/** checkInputSync() with the log's stat already at hand (InputSet.statOf). */
export function inputFile(path: string, st: Stats): Stats {
  if (st.isDirectory()) throw failure('INPUT_IS_DIRECTORY', path);
  if (!st.isFile()) throw failure('INPUT_NOT_A_FILE', path, kindOf(st));
  return st;
}

/** What lstat(2) says is at `path` (a link itself, not followed), or null: nothing there, or not to be known. */
export function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(fsPath(path), { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

/** What stat(2) says is at `path` (through links), or null: nothing there, or not to be known. */
export function statOrNull(path: string): Stats | null {
  try {
    return statSync(fsPath(path), { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

/** `length` bytes of the open file `fd` from `position`, read synchronously (fewer at the end of the file). */
export function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(Math.max(0, length));
  let got = 0;
  while (got < buffer.length) {
    const n = readSync(fd, buffer, got, buffer.length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return buffer.subarray(0, got);
}
