import { describe, expect, it } from 'vitest';
import { terminalProgress, type Progress } from '../../src/batch/progress.js';

/** A terminal 80 columns wide that keeps what was written. */
function terminal(): { stream: NodeJS.WriteStream; lines(): string[] } {
  let text = '';
  const stream = { columns: 80, write: (s: string) => ((text += s), true) } as unknown as NodeJS.WriteStream;
  // Each redraw starts with a carriage return and an erase of the line.
  return { stream, lines: () => text.split('\r\x1b[K').filter((l) => l !== '') };
}

/** Log `index` read from start to end. */
function read(progress: Progress, index: number, name: string): void {
  progress.begin(index, name, 100);
  progress.finish(index);
}

describe('terminalProgress', () => {
  it('counts the logs read of those the run said it would read', () => {
    const t = terminal();
    const progress = terminalProgress(t.stream);
    progress.expect(2);
    read(progress, 0, 'a.log');
    read(progress, 1, 'b.log');
    expect(t.lines()).toEqual(['[0/2]  a.log', '[1/2]', '[1/2]  b.log', '[2/2]']);
  });

  it('counts logs read again on top, never more done than expected', () => {
    const t = terminal();
    const progress = terminalProgress(t.stream);
    progress.expect(1);
    read(progress, 0, 'a.log');
    // index.json's windows were lost: the run reads two logs again.
    progress.expect(2);
    read(progress, 0, '0.log');
    read(progress, 1, '1.log');
    const counts = t.lines().map((l) => /^\[(\d+)\/(\d+)\]/.exec(l)!.slice(1).map(Number));
    expect(counts.at(-1)).toEqual([3, 3]);
    for (const [done, total] of counts) expect(done).toBeLessThanOrEqual(total!);
  });

  it('shows no count before it knows how many logs are to be read', () => {
    const t = terminal();
    const progress = terminalProgress(t.stream);
    progress.log('fmfi-plot: a.log: not a log\n');
    expect(t.lines()).toEqual(['fmfi-plot: a.log: not a log\n']);
    progress.close();
  });
});
