// Splitting a large log into segments that start at a date line, so each can be parsed on its own core.
import { open } from 'node:fs/promises';

/** How far past a split point to look for the next date line. */
const SEARCH = 1 << 16;
const DATE_LINE = /\n\d{4}-\d\d-\d\d_\d\d:\d\d:\d\d\r?\n/;

export interface Segment {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

/**
 * Byte ranges of about `target` bytes each, every one but the first starting at a
 * date line: a sample never straddles two segments, so parsing them apart gives the
 * same samples as parsing the whole. Where no date line is near a split point, the
 * neighbouring segments simply stay together.
 */
export async function splitAtSamples(path: string, size: number, target: number): Promise<Segment[]> {
  const starts = [0];
  const handle = await open(path, 'r');
  try {
    const window = Buffer.alloc(SEARCH);
    for (let at = target; at < size; at += target) {
      if (at <= starts[starts.length - 1]!) continue;
      const { bytesRead } = await handle.read(window, 0, SEARCH, at - 1);
      const m = DATE_LINE.exec(window.toString('latin1', 0, bytesRead));
      if (m !== null) {
        const start = at - 1 + m.index + 1;
        if (start < size) starts.push(start);
        at = Math.max(at, start);
      }
    }
  } finally {
    await handle.close();
  }
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? size }));
}
