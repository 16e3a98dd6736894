// Outputs never overwrite inputs: the one check every command makes before it writes.
//
// An output replaces the entry at its path (see places.ts). It would destroy an input
// when that entry is the input's name (however the path is spelled, through linked
// folders too), the file an input link points to, or the input itself under another
// name (a hard link); standard output counts when it is redirected to an input.
import { fstat, type Stats } from 'node:fs';
import { lstat, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { failure } from '../errors.js';
import { fsPath, decodeName } from './names.js';
import { isInputStream, outputFd } from './places.js';

function identity(st: Stats): string {
  return `${st.dev}:${st.ino}`;
}

async function realName(path: string): Promise<string | null> {
  return realpath(fsPath(path), { encoding: 'buffer' }).then(decodeName, () => null);
}

/** The inputs as the file system knows them, looked up once for any number of outputs. */
export class InputSet {
  private constructor(
    private readonly paths: ReadonlySet<string>,
    private readonly files: ReadonlySet<string>,
  ) {}

  static async of(inputs: readonly string[]): Promise<InputSet> {
    const paths = new Set<string>();
    const files = new Set<string>();
    for (const input of inputs) {
      if (isInputStream(input)) continue;
      paths.add(resolve(input));
      const real = await realName(input);
      if (real !== null) paths.add(real);
      const st = await stat(fsPath(input)).catch(() => null);
      if (st !== null && st.isFile()) files.add(identity(st));
    }
    return new InputSet(paths, files);
  }

  /** Whether writing `output` would replace or write into one of the inputs. */
  async holds(output: string): Promise<boolean> {
    const fd = outputFd(output);
    if (fd !== null) {
      const st = await new Promise<Stats | null>((done) => fstat(fd, (e, s) => done(e ? null : s)));
      return st !== null && st.isFile() && this.files.has(identity(st));
    }
    if (this.paths.has(resolve(output))) return true;
    // The entry a rename would replace: the folder resolved, the name itself not followed.
    const folder = await realName(dirname(output));
    if (folder !== null && this.paths.has(join(folder, basename(output)))) return true;
    const st = await lstat(fsPath(output)).catch(() => null);
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
