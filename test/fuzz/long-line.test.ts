// A single line of 200 MB: skipped as it streams by, so memory stays far below its size and the rest is read.
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLog } from '../../fixtures/generate.js';
import { runBounded, type BoundedResult } from '../helpers/bounded.js';

const LINE_BYTES = 200 << 20;
/** What a run may grow beyond the same run on the log without the line: far below the line's size. */
const MAX_GROWTH_KIB = 64 << 10;
const HANG_MS = 120_000;

let dir: string;
/** The log with the line, and the same log without it; same file name, in two folders. */
let long: string;
let plain: string;
/** The line number of the long line. */
let lineNo: number;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fmfi-long-line-'));
  const text = generateLog({ samples: 40, seed: 5 });
  const split = text.indexOf('2024-04-08_10:25:00\n');
  const before = text.slice(0, split);
  const after = text.slice(split);
  lineNo = before.split('\n').length;
  mkdirSync(join(dir, 'long'));
  mkdirSync(join(dir, 'plain'));
  long = join(dir, 'long', 'vm_frag_20240408_1005.log');
  plain = join(dir, 'plain', 'vm_frag_20240408_1005.log');
  writeFileSync(plain, before + after);
  // Written a megabyte at a time, so the test itself never holds the line either.
  const fd = openSync(long, 'w');
  writeSync(fd, before);
  const block = Buffer.alloc(1 << 20, 'x');
  for (let i = 0; i < LINE_BYTES / block.length; i++) writeSync(fd, block);
  writeSync(fd, `\n${after}`);
  closeSync(fd);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectBounded(withLine: BoundedResult, without: BoundedResult): void {
  for (const r of [withLine, without]) {
    expect(r.timedOut, `hung: killed after ${HANG_MS} ms`).toBe(false);
    expect(r.status, r.stderr).toBe(0);
    expect(r.maxRssKiB).not.toBeNull();
  }
  const growth = withLine.maxRssKiB! - without.maxRssKiB!;
  expect(growth, `peak RSS ${withLine.maxRssKiB} KiB with the line, ${without.maxRssKiB} KiB without`).toBeLessThan(MAX_GROWTH_KIB);
}

describe(`a log with a line of ${LINE_BYTES >> 20} MB`, () => {
  it('csv on the file: the line skipped with a warning, every row kept, memory bounded', async () => {
    const withLine = await runBounded(['csv', long], { measureRss: true, timeoutMs: HANG_MS });
    const without = await runBounded(['csv', plain], { measureRss: true, timeoutMs: HANG_MS });
    expectBounded(withLine, without);
    expect(withLine.stdout.equals(without.stdout)).toBe(true);
    expect(withLine.stdout.length).toBeGreaterThan(0);
    expect(withLine.stderr).toBe(`${long}:${lineNo}: warning: line longer than 65536 bytes: skipped\n`);
  }, HANG_MS * 2);

  it('csv on standard input: the same', async () => {
    const fd = openSync(long, 'r');
    const plainFd = openSync(plain, 'r');
    try {
      const withLine = await runBounded(['csv', '-'], { stdinFd: fd, measureRss: true, timeoutMs: HANG_MS });
      const without = await runBounded(['csv', '-'], { stdinFd: plainFd, measureRss: true, timeoutMs: HANG_MS });
      expectBounded(withLine, without);
      expect(withLine.stdout.equals(without.stdout)).toBe(true);
      expect(withLine.stderr).toBe(`<stdin>:${lineNo}: warning: line longer than 65536 bytes: skipped\n`);
    } finally {
      closeSync(fd);
      closeSync(plainFd);
    }
  }, HANG_MS * 2);

  it('the chart: the same chart as without the line, memory bounded', async () => {
    const withLine = await runBounded([long, '-o', join(dir, 'long', 'out'), '--jobs', '1'], { measureRss: true, timeoutMs: HANG_MS });
    const without = await runBounded([plain, '-o', join(dir, 'plain', 'out'), '--jobs', '1'], { measureRss: true, timeoutMs: HANG_MS });
    expectBounded(withLine, without);
    expect(withLine.stderr).toBe(
      `${long}:${lineNo}: warning: line longer than 65536 bytes: skipped\nfmfi-plot: 1 rendered, 0 up to date, 0 without samples, 0 failed\n`,
    );
    const svg = readFileSync(join(dir, 'long', 'out', 'vm_frag_20240408_1005.svg'), 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    // The same bars, axes and labels; the chart of the damaged log says in its note what reading it met.
    const drawn = (s: string): string[] => [...s.matchAll(/ d="([^"]*)"/g)].map((m) => m[1]!);
    const plainSvg = readFileSync(join(dir, 'plain', 'out', 'vm_frag_20240408_1005.svg'), 'utf8');
    expect(drawn(svg)).toEqual(drawn(plainSvg));
    expect(svg).toContain('Reading the log gave a warning: line too long (1)');
    expect(plainSvg).not.toContain('Reading the log');
  }, HANG_MS * 2);
});
