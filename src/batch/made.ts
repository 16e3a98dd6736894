// What is at a chart's path before a run: its stamp, if it is a whole chart that this tool wrote.
//
// Only a regular file is opened (a link or a FIFO planted at the path is never followed,
// and a FIFO would block the open for ever), and a chart counts only when it ends as a
// whole one does: a chart cut off after its stamp (a full disk, a copy that stopped) is
// drawn again, not taken as up to date. Synchronous, like the stat of each log beside it:
// a rerun does this for every log, and a thousand logs took four times longer through
// promises and the thread pool (`npm run bench`), for nothing that could run meanwhile.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { fsPath } from '../io/names.js';
import { lstatOrNull } from '../io/places.js';
import { readStamp, type Stamp } from './stamp.js';

const NO_FOLLOW = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

/** A PNG ends with its IEND chunk: length 0, the type, and the type's CRC. */
const PNG_END = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
const SVG_END = /<\/svg>\s*$/;
/** Bytes read from the end: the IEND chunk, or `</svg>` and the white space after it. */
const TAIL_BYTES = 64;

/** Whether the last bytes of a chart are those of a whole SVG or PNG. */
export function endsWhole(tail: Buffer): boolean {
  if (tail.length >= PNG_END.length && tail.subarray(tail.length - PNG_END.length).equals(PNG_END)) return true;
  return SVG_END.test(tail.toString('latin1'));
}

/** A whole chart found at a path: its stamp, and its first bytes (a view of the buffer given). */
export interface MadeChart {
  readonly stamp: Stamp;
  readonly head: Buffer;
}

/**
 * The whole chart at `path`, its first bytes read into `into` (STAMP_HEAD_BYTES long), or
 * null: nothing there, not a regular file, no stamp, or cut off. `entry`: lstat(2) of the
 * path, when the caller has it already.
 */
export function madeChart(path: string, into: Buffer, entry: Stats | null = lstatOrNull(path)): MadeChart | null {
  let fd: number;
  try {
    if (entry === null || !entry.isFile()) return null;
    // Not following a link, and not waiting: the entry may have been swapped since.
    fd = openSync(fsPath(path), NO_FOLLOW);
    try {
      const st = fstatSync(fd);
      if (!st.isFile() || st.ino !== entry.ino || st.dev !== entry.dev) return null;
      const head = into.subarray(0, readSync(fd, into, 0, Math.min(into.length, st.size), 0));
      const stamp = readStamp(head);
      if (stamp === null) return null;
      const tail = Buffer.alloc(Math.min(TAIL_BYTES, st.size));
      const end = readSync(fd, tail, 0, tail.length, st.size - tail.length);
      return endsWhole(tail.subarray(0, end)) ? { stamp, head } : null;
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}
