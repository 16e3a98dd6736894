// Outputs never overwrite inputs: the one check every command makes before it writes.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { failure } from '../errors.js';

/** Refuses an output that is one of the inputs (same file, however it is named). */
export async function assertNotAnInput(output: string, inputs: readonly string[]): Promise<void> {
  if (output === '-') return;
  const out = await stat(output).catch(() => null);
  for (const input of inputs) {
    if (input === '-') continue;
    const same =
      resolve(input) === resolve(output) ||
      (out !== null && await stat(input).then((s) => s.dev === out.dev && s.ino === out.ino, () => false));
    if (same) {
      throw failure('OUTPUT_IS_INPUT', output);
    }
  }
}
