// What is at a chart's path before a run: its stamp, if it is a whole chart that this tool wrote.
//
// Only a regular file is opened (a link or a FIFO planted at the path is never followed,
// and a FIFO would block the open for ever), and a chart counts only when it ends as a
// whole one does: a chart cut off after its stamp (a full disk, a copy that stopped) is
// drawn again, not taken as up to date.
import { constants } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import { fsPath } from '../io/names.js';
import { readStamp, STAMP_HEAD_BYTES, type Stamp } from './stamp.js';

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

/** The stamp of the whole chart at `path`, or null: nothing there, not a regular file, no stamp, or cut off. */
export async function madeStamp(path: string): Promise<Stamp | null> {
  const entry = await lstat(fsPath(path)).catch(() => null);
  if (entry === null || !entry.isFile()) return null;
  let handle;
  try {
    // Not following a link, and not waiting: the entry may have been swapped since.
    handle = await open(fsPath(path), NO_FOLLOW);
  } catch {
    return null;
  }
  try {
    const st = await handle.stat();
    if (!st.isFile() || st.ino !== entry.ino || st.dev !== entry.dev) return null;
    const head = Buffer.alloc(Math.min(STAMP_HEAD_BYTES, st.size));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const stamp = readStamp(head.subarray(0, bytesRead));
    if (stamp === null) return null;
    const tailLength = Math.min(TAIL_BYTES, st.size);
    const tail = Buffer.alloc(tailLength);
    const end = await handle.read(tail, 0, tailLength, st.size - tailLength);
    return endsWhole(tail.subarray(0, end.bytesRead)) ? stamp : null;
  } catch {
    return null;
  } finally {
    await handle.close().catch(() => undefined);
  }
}
