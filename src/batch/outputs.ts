// Where one output per log goes, and the folder it goes in: names, collisions, leftovers of killed runs.
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fileError, FmfiError } from '../errors.js';
import { TEMP_SUFFIX, tempOwner } from '../io/sinks.js';

/** `<dir>/<log name without .log>.<ext>`; standard input is `stdin`. */
export function outputPathFor(input: string, dir: string, ext: string): string {
  const name = input === '-' ? 'stdin' : basename(input).replace(/\.log$/, '');
  return join(dir, `${name}.${ext}`);
}

export interface OutputAssignment {
  readonly input: string;
  readonly output: string;
}

/**
 * Pairs each input with its output, refusing an output that is an input or that a
 * previous input already claims (two logs of the same name in different folders).
 */
export function assignOutputs(
  inputs: readonly string[],
  dir: string,
  ext: string,
): { assigned: OutputAssignment[]; refused: Array<{ input: string; message: string }> } {
  const inputPaths = new Set(inputs.filter((i) => i !== '-').map((i) => resolve(i)));
  const claimed = new Map<string, string>();
  const assigned: OutputAssignment[] = [];
  const refused: Array<{ input: string; message: string }> = [];
  for (const input of inputs) {
    const output = outputPathFor(input, dir, ext);
    const key = resolve(output);
    const other = claimed.get(key);
    if (inputPaths.has(key)) {
      refused.push({ input, message: `${output}: is also an input: refusing to overwrite it` });
    } else if (other !== undefined) {
      refused.push({ input, message: `${input}: its output ${output} is already the output of ${other}: skipped (rename one log)` });
    } else {
      claimed.set(key, input);
      assigned.push({ input, output });
    }
  }
  return { assigned, refused };
}

/** Creates the output folder (and its parents) if missing. */
export async function ensureDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') {
      throw new FmfiError('OUTPUT_FAILED', `${dir}: cannot create the output folder: a part of the path is a file`);
    }
    throw fileError(dir, e, 'write');
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes temporary files that a killed run left in `dir` (their writer is gone).
 * Returns how many. A temporary file of a run still going on is left alone.
 */
export async function clearLeftovers(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!name.endsWith(TEMP_SUFFIX)) continue;
    const pid = tempOwner(name);
    if (pid !== null && isAlive(pid)) continue;
    await unlink(join(dir, name)).then(
      () => removed++,
      () => undefined,
    );
  }
  return removed;
}
