// Where one output per log goes, and the folder it goes in: names and collisions.
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { failure, fileError, Failure } from '../errors.js';
import { fsPath, resolvedPath } from '../io/names.js';

/**
 * A log's name without `.log` and without the compression suffix, keeping newsyslog's
 * rotation number: `x.log` and `x.log.gz` are `x`, `x.log.0.gz` is `x.0`.
 */
export function logStem(name: string): string {
  return name.replace(/\.(?:gz|bz2|xz|zst)$/, '').replace(/\.log(\.\d+)?$/, '$1');
}

/** `<dir>/<log name without .log>.<ext>` (see logStem); standard input is `stdin`. */
export function outputPathFor(input: string, dir: string, ext: string): string {
  return outputNamer(dir, ext)(input);
}

/**
 * outputPathFor() of one folder and extension, for many logs: the folder is normalised
 * once (path.join normalises the whole path each time, a character at a time, which for a
 * thousand logs was a tenth of a rerun). The name, `<stem>.<ext>`, holds no `/` and is
 * never `.` or `..`, so the join is the folder's prefix and the name.
 */
export function outputNamer(dir: string, ext: string): (input: string) => string {
  const prefix = join(dir, '_').slice(0, -1);
  return (input) => `${prefix}${input === '-' ? 'stdin' : logStem(basename(input))}.${ext}`;
}

export interface OutputAssignment {
  readonly input: string;
  readonly output: string;
}

/**
 * Pairs each input with its output, refusing an output that is an input or that a
 * previous input already claims (two logs of the same name in different folders).
 * `file` names the output of the one input (`-o chart.svg`) instead.
 */
export function assignOutputs(
  inputs: readonly string[],
  dir: string,
  ext: string,
  file?: string,
): { assigned: OutputAssignment[]; refused: Array<{ input: string; message: string }> } {
  const inputPaths = new Set(inputs.filter((i) => i !== '-').map((i) => resolvedPath(i)));
  const claimed = new Map<string, string>();
  const assigned: OutputAssignment[] = [];
  const refused: Array<{ input: string; message: string }> = [];
  const outputFor = outputNamer(dir, ext);
  for (const input of inputs) {
    const output = file ?? outputFor(input);
    const key = resolvedPath(output);
    const other = claimed.get(key);
    if (inputPaths.has(key)) {
      refused.push({ input, message: Failure.OUTPUT_IS_INPUT(output) });
    } else if (other !== undefined) {
      refused.push({ input, message: Failure.OUTPUT_CLAIMED(input, output, other) });
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
    await mkdir(fsPath(dir), { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') {
      throw failure('OUTPUT_FOLDER_UNDER_FILE', dir);
    }
    throw fileError(dir, e, 'write');
  }
}
