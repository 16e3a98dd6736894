// Temporary files: named beside their target so a rename makes the output appear whole, and removed when a run stops.
import { unlinkSync } from 'node:fs';
import { readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temporary files end like this, so nothing mistakes one for an output and a later run can clear them. */
export const TEMP_SUFFIX = '.fmfi-plot-tmp';

/** Temporary files this process has open; removed on Ctrl-C by `removeLiveTemps`. */
const liveTemps = new Set<string>();

let tempCount = 0;

export function tempPathFor(target: string): string {
  // Unique enough to never meet another run's (it is created exclusively all the same);
  // node:crypto would add its start-up to every command for this one name.
  const random = Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0');
  const tag = `${process.pid}-${++tempCount}-${random}`;
  return join(dirname(target), `.${basename(target)}.${tag}${TEMP_SUFFIX}`);
}

const TEMP_NAME = /\.(\d+)-\d+-[0-9a-f]{8}\.fmfi-plot-tmp$/;

/** The process that made a temporary file, read from its name; null for a name tempPathFor did not make. */
export function tempOwner(name: string): number | null {
  const pid = TEMP_NAME.exec(name)?.[1];
  return pid === undefined ? null : Number(pid);
}

/** Synchronous, for a signal handler: removes every temporary file still open. */
export function removeLiveTemps(): void {
  for (const path of liveTemps) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
  liveTemps.clear();
}

/** A temporary file is being written: removed by `removeLiveTemps` if the process is stopped. */
export function rememberTemp(path: string): void {
  liveTemps.add(path);
}

/** The temporary file was renamed into place or removed. */
export function forgetTemp(path: string): void {
  liveTemps.delete(path);
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
