// Temporary files: named beside their target so a rename makes the output appear whole, and removed when a run stops.
import { readdirSync, unlinkSync } from 'node:fs';
import { lstat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { decodeName, fsPath, nameBytes } from './names.js';

/** Temporary files end like this, so nothing mistakes one for an output and a later run can clear them. */
export const TEMP_SUFFIX = '.fmfi-plot-tmp';

/** The longest file name most file systems take (NAME_MAX), in bytes. */
const NAME_MAX = 255;

/** Temporary files this process has open; removed on Ctrl-C by `removeLiveTemps`. */
const liveTemps = new Set<string>();

/** Told when the first temporary file is made and when the last one is gone. */
let onLiveChange: ((live: boolean) => void) | null = null;

let tempCount = 0;

/**
 * `.<target name>.<pid>-<n>-<random>.fmfi-plot-tmp` beside the target. The target's name is
 * shortened (at its end) where the whole would not fit in a file name: a long log name
 * still gets its chart.
 */
export function tempPathFor(target: string): string {
  // Unique enough to never meet another run's (it is created exclusively all the same);
  // node:crypto would add its start-up to every command for this one name.
  const random = Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0');
  const tag = `.${process.pid}-${++tempCount}-${random}${TEMP_SUFFIX}`;
  const room = NAME_MAX - 1 - tag.length;
  let name = basename(target);
  if (nameBytes(name) > room) {
    const chars = Array.from(name);
    while (chars.length > 0 && nameBytes(chars.join('')) > room) chars.pop();
    name = chars.join('');
  }
  return join(dirname(target), `.${name}${tag}`);
}

const TEMP_NAME = /^\..*\.(\d+)-\d+-[0-9a-f]{8}\.fmfi-plot-tmp$/s;

/** The process that made a temporary file, read from its name; null for a name tempPathFor did not make. */
export function tempOwner(name: string): number | null {
  const pid = TEMP_NAME.exec(name)?.[1];
  return pid === undefined ? null : Number(pid);
}

/** Synchronous, for a signal handler: removes every temporary file still open. */
export function removeLiveTemps(): void {
  for (const path of liveTemps) {
    try {
      unlinkSync(fsPath(path));
    } catch {
      // already gone
    }
  }
  liveTemps.clear();
  onLiveChange?.(false);
}

/**
 * Calls `listener(true)` when a temporary file comes into being while there was none, and
 * `listener(false)` when the last one is gone: the command line catches signals only while
 * there is something to remove, so a signal stops a long render at once.
 */
export function watchLiveTemps(listener: ((live: boolean) => void) | null): void {
  onLiveChange = listener;
}

/** A temporary file is being written: removed by `removeLiveTemps` if the process is stopped. */
export function rememberTemp(path: string): void {
  liveTemps.add(path);
  if (liveTemps.size === 1) onLiveChange?.(true);
}

/** The temporary file was renamed into place or removed. */
export function forgetTemp(path: string): void {
  if (liveTemps.delete(path) && liveTemps.size === 0) onLiveChange?.(false);
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
 * Removes temporary files that a killed run left in `dir`: only regular files whose name
 * is exactly what tempPathFor makes, and only those whose process is gone. Returns how many.
 */
export async function clearLeftovers(dir: string): Promise<number> {
  let names: Buffer[];
  try {
    // Synchronous: a folder of a thousand charts is read in a few milliseconds, and a run
    // does nothing else until it is.
    names = readdirSync(fsPath(dir), { encoding: 'buffer' });
  } catch {
    return 0;
  }
  const suffix = Buffer.from(TEMP_SUFFIX);
  let removed = 0;
  for (const raw of names) {
    if (raw.length < suffix.length || raw.indexOf(suffix, raw.length - suffix.length) < 0) continue;
    const name = decodeName(raw);
    const pid = tempOwner(name);
    if (pid === null || pid === process.pid || isAlive(pid)) continue;
    const path = fsPath(join(dir, name));
    const st = await lstat(path).catch(() => null);
    if (st === null || !st.isFile()) continue;
    await unlink(path).then(
      () => removed++,
      () => undefined,
    );
  }
  return removed;
}
