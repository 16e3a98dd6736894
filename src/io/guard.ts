// Outputs never overwrite inputs: the one check every command makes before it writes.
//
// An output replaces the entry at its path (see places.ts). It would destroy an input
// when that entry is the input's name (however the path is spelled, through linked
// folders too), the file an input link points to, or the input itself under another
// name (a hard link); standard output counts when it is redirected to an input.
import { fstat, realpathSync, type Stats } from 'node:fs';
import { failure } from '../errors.js';
import { decodeName, folderAndName, fsPath, resolvedPath } from './names.js';
import { isInputStream, lstatOrNull, outputFd, statOrNull } from './places.js';

function identity(st: Stats): string {
  return `${st.dev}:${st.ino}`;
}

/**
 * The path with every link resolved, or null. Synchronous, as are the other looks here: a
 * batch checks every chart against every log before it renders any, and a thousand logs
 * took twice as long through promises (`npm run bench`), for nothing that could run meanwhile.
 */
function realName(path: string): string | null {
  try {
    // The C library's realpath(3), one call: Node.js's own realpathSync walks the path a
    // part at a time, which for the logs of a large batch took longer than the rest of a
    // rerun with nothing to do. The same name for every path that exists.
    return decodeName(realpathSync.native(fsPath(path), { encoding: 'buffer' }));
  } catch {
    return null;
  }
}

/**
 * `path` with the links of its folder resolved and its last part as it is (not followed),
 * or null; each folder resolved once, in `folders`. Strings, not path.join: a batch does
 * this for each of a thousand logs and charts.
 */
function entryName(path: string, folders: Map<string, string | null>): string | null {
  const parts = folderAndName(path);
  // `x/..` and the like: the last part is a folder's own name, resolved with it.
  if (parts === null) return realName(path);
  const [dir, name] = parts;
  let folder = folders.get(dir);
  if (folder === undefined) {
    folder = realName(dir);
    folders.set(dir, folder);
  }
  return folder === null ? null : folder === '/' ? `/${name}` : `${folder}/${name}`;
}

/** The inputs as the file system knows them, looked up once for any number of outputs. */
export class InputSet {
  private constructor(
    private readonly paths: ReadonlySet<string>,
    private readonly files: ReadonlySet<string>,
    private readonly stats: ReadonlyMap<string, Stats>,
    /** Each folder resolved, of the inputs and the outputs (a batch's outputs share one). */
    private readonly folders: Map<string, string | null>,
  ) {}

  static async of(inputs: readonly string[]): Promise<InputSet> {
    const paths = new Set<string>();
    const files = new Set<string>();
    const stats = new Map<string, Stats>();
    // A batch's logs mostly share a folder or a few: each folder is resolved once, and a log
    // that is no link is that folder and its name, from one lstat (a thousand logs took a
    // fifth of a rerun with nothing to do, resolved one by one by realpath(3)).
    const folders = new Map<string, string | null>();
    for (const input of inputs) {
      if (isInputStream(input)) continue;
      paths.add(resolvedPath(input));
      const entry = lstatOrNull(input);
      if (entry === null) continue;
      // A link: resolved whole, and its file's stat; anything else is its folder and its name.
      const link = entry.isSymbolicLink();
      const real = link ? realName(input) : entryName(input, folders);
      if (real !== null) paths.add(real);
      const st = link ? statOrNull(input) : entry;
      if (st === null) continue;
      stats.set(input, st);
      if (st.isFile()) files.add(identity(st));
    }
    return new InputSet(paths, files, stats, folders);
  }

  /** The stat of an input (through a link) when it was looked up, if it could be. */
  statOf(input: string): Stats | undefined {
    return this.stats.get(input);
  }

  /** Whether writing `output` would replace or write into one of the inputs. */
  async holds(output: string): Promise<boolean> {
    const fd = outputFd(output);
    if (fd !== null) {
      const st = await new Promise<Stats | null>((done) => fstat(fd, (e, s) => done(e ? null : s)));
      return st !== null && st.isFile() && this.files.has(identity(st));
    }
    return this.holdsFile(output);
  }

  /**
   * holds() of an output that is a path, not a descriptor: synchronously (see realName).
   * `entry`: what lstat(2) gave for the output just before, if the caller has it (null: nothing there).
   */
  holdsFile(output: string, entry?: Stats | null): boolean {
    if (this.paths.has(resolvedPath(output))) return true;
    // The entry a rename would replace: the folder resolved, the name itself not followed.
    const real = entryName(output, this.folders);
    if (real !== null && this.paths.has(real)) return true;
    const st = entry === undefined ? lstatOrNull(output) : entry;
    return st !== null && st.isFile() && this.files.has(identity(st));
  }

  /** Throws OUTPUT_IS_INPUT when `output` is one of the inputs. */
  async refuse(output: string): Promise<void> {
    if (await this.holds(output)) throw failure('OUTPUT_IS_INPUT', output === '-' ? '<stdout>' : output);
  }
}

/** Refuses an output that is one of the inputs (same file, however it is named or reached). */
export async function assertNotAnInput(output: string, inputs: readonly string[]): Promise<void> {
  await (await InputSet.of(inputs)).refuse(output);
}
