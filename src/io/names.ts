// File names of any bytes: kept as strings that say exactly which bytes they stand for, and turned back into those bytes for the file system.
//
// Unix file names are bytes, not text. Node.js decodes the command line as UTF-8 and puts
// U+FFFD in place of every byte that is not valid UTF-8, after which the file can no longer
// be named. So the names are read again from the process's own command line where the
// system shows it (/proc/self/cmdline), and each invalid byte is kept as a lone surrogate
// U+DC80…U+DCFF (Python's "surrogateescape"): no valid text ever holds one, `join` and
// `basename` work on such a string as on any other, and `fsPath` gives the bytes back.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A surrogate without its other half: never in text decoded from valid UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first and last code units that stand for one invalid byte 0x80…0xff. */
const ESCAPED_LOW = 0xdc80;
const ESCAPED_HIGH = 0xdcff;

/** The length of the valid UTF-8 sequence at `bytes[i]`, or 0 when the byte there starts none. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const cont = (k: number): boolean => i + k < bytes.length && (bytes[i + k]! & 0xc0) === 0x80;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    if (!cont(1) || !cont(2)) return 0;
    const b1 = bytes[i + 1]!;
    // Overlong forms and UTF-16 surrogates encoded as UTF-8 are not valid UTF-8.
    if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 >= 0xa0)) return 0;
    return 3;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const b1 = bytes[i + 1]!;
    if ((b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 >= 0x90)) return 0;
    return 4;
  }
  return 0;
}

/** A name's bytes as a string: valid UTF-8 decoded, every other byte kept as U+DC80…U+DCFF. */
export function decodeName(bytes: Uint8Array): string {
  let out = '';
  let run = 0;
  let i = 0;
  const flush = (): void => {
    if (i > run) out += Buffer.from(bytes.buffer, bytes.byteOffset + run, i - run).toString('utf8');
  };
  while (i < bytes.length) {
    const n = sequenceLength(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    flush();
    out += String.fromCharCode(ESCAPED_LOW + bytes[i]! - 0x80);
    i++;
    run = i;
  }
  flush();
  return out;
}

/** Whether a code unit at `i` is a lone surrogate that stands for a byte. */
function escapedByteAt(name: string, i: number): number | null {
  const c = name.charCodeAt(i);
  if (c < ESCAPED_LOW || c > ESCAPED_HIGH) return null;
  const before = i > 0 ? name.charCodeAt(i - 1) : 0;
  // The second half of a surrogate pair is a character, not an escaped byte.
  if (before >= 0xd800 && before <= 0xdbff) return null;
  return c - ESCAPED_LOW + 0x80;
}

/** What the file system is given for a name: the string itself, or the bytes it stands for. */
export function fsPath(name: string): string | Buffer {
  if (!LONE_SURROGATE.test(name)) return name;
  const parts: Buffer[] = [];
  let run = 0;
  for (let i = 0; i < name.length; i++) {
    const byte = escapedByteAt(name, i);
    if (byte === null) continue;
    parts.push(Buffer.from(name.slice(run, i), 'utf8'), Buffer.of(byte));
    run = i + 1;
  }
  parts.push(Buffer.from(name.slice(run), 'utf8'));
  return Buffer.concat(parts);
}

/** How many bytes a name takes on disk. */
export function nameBytes(name: string): number {
  const p = fsPath(name);
  return typeof p === 'string' ? Buffer.byteLength(p, 'utf8') : p.length;
}

/**
 * The arguments with each one Node.js could not decode read again as bytes, from the
 * command line the system keeps for the process. Where it keeps none readable (FreeBSD
 * without procfs), such an argument stays as decoded, and its file is not found.
 */
export function recoverArgv(argv: readonly string[], cmdline: () => Buffer = () => readFileSync('/proc/self/cmdline')): string[] {
  if (!argv.some((a) => a.includes('\ufffd'))) return [...argv];
  let raw: Buffer[];
  try {
    const bytes = cmdline();
    raw = [];
    let start = 0;
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] !== 0) continue;
      raw.push(bytes.subarray(start, i));
      start = i + 1;
    }
  } catch {
    return [...argv];
  }
  // The command line also holds node's own options; the script's arguments are its last ones.
  const user = argv.length - 2;
  if (user <= 0 || raw.length < user) return [...argv];
  const tail = raw.slice(raw.length - user);
  return argv.map((a, i) => {
    if (i < 2 || !a.includes('\ufffd')) return a;
    const bytes = tail[i - 2]!;
    // Only where the bytes are what Node.js decoded: any doubt, and the argument stays.
    return Buffer.from(a, 'utf8').equals(Buffer.from(bytes.toString('utf8'), 'utf8')) ? decodeName(bytes) : a;
  });
}

/**
 * A path's folder as written (`.` for none) and its last part, split as strings; null when
 * that part is not a name (`x/`, `x/.`, `x/..`), which only resolving the whole path tells.
 */
export function folderAndName(path: string): [folder: string, name: string] | null {
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  if (name === '' || name === '.' || name === '..') return null;
  return [slash < 0 ? '.' : slash === 0 ? '/' : path.slice(0, slash), name];
}

/** The folders resolvedPath() has resolved, against the working folder they were resolved in. */
const resolvedFolders = new Map<string, string>();
let resolvedIn = '';

/**
 * path.resolve() of a path, each of its folders resolved once: a batch of a thousand logs
 * in one folder resolved each log and chart several times over, a tenth of a rerun with
 * nothing to do (path.resolve normalises the whole path, a character at a time).
 */
export function resolvedPath(path: string): string {
  const parts = folderAndName(path);
  if (parts === null) return resolve(path);
  const [folder, name] = parts;
  const cwd = process.cwd();
  if (cwd !== resolvedIn) {
    resolvedFolders.clear();
    resolvedIn = cwd;
  }
  let resolved = resolvedFolders.get(folder);
  if (resolved === undefined) {
    resolved = resolve(folder);
    resolvedFolders.set(folder, resolved);
  }
  return resolved === '/' ? `/${name}` : `${resolved}/${name}`;
}
