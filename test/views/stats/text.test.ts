// The table's number formats (the shared ones of summary/ as the table uses them) and its layout helpers.
import { describe, expect, it } from 'vitest';
import { alignLines, shorten, wrapParts } from '../../../src/views/stats/layout.js';
import { formatCount, formatSpan } from '../../../src/summary/caption.js';
import { formatKiB, formatSize } from '../../../src/summary/sizes.js';
import { formatChange, formatRatioChange, formatShare, formatSpanChange } from '../../../src/views/stats/text.js';

describe('number formats', () => {
  it('writes block sizes in the largest unit that divides them', () => {
    expect([4, 512, 2048, 3072, 1024 * 1024, 16].map(formatKiB)).toEqual(['4K', '512K', '2M', '3M', '1G', '16K']);
  });

  it('writes a size as `1.9M`: one decimal below 10, none from 10 on, the unit moving up at 1024', () => {
    expect([1945.6, 14, 6.664, 9.332, 0, 1023.7, 1024 * 1024 * 3.25, 600].map(formatSize)).toEqual([
      '1.9M', '14K', '6.7K', '9.3K', '0K', '1M', '3.3G', '600K',
    ]);
  });

  it('writes spans in two units, with a sign for changes', () => {
    expect([0, 45_000, 125 * 60_000, 3 * 86_400_000 + 4 * 3_600_000 + 60_000, -900_000].map(formatSpan)).toEqual([
      '0 s', '45 s', '2 h 5 min', '3 d 4 h', '-15 min',
    ]);
    expect([3_600_000, -60_000, 0].map(formatSpanChange)).toEqual(['+1 h', '-1 min', '0 s']);
  });

  it('groups thousands with ASCII minus signs and signs changes', () => {
    expect([-951_229, 1000, 0, 12].map(formatCount)).toEqual(['-951,229', '1,000', '0', '12']);
    expect([1234, -56, 0].map(formatChange)).toEqual(['+1,234', '-56', '0']);
  });

  it('writes shares in percent and size changes in percent, or as a factor from 10 times on', () => {
    expect([0, 1 / 3, 1].map(formatShare)).toEqual(['0.0%', '33.3%', '100.0%']);
    expect([
      formatRatioChange(15, 10), formatRatioChange(5, 10), formatRatioChange(10, 10), formatRatioChange(1500, 10),
      formatRatioChange(4, 0), formatRatioChange(0, 0),
    ]).toEqual(['+50%', '-50%', '0%', '×150', 'n/a', '0%']);
  });
});

describe('layout', () => {
  it('aligns cells: numbers right, the columns named left', () => {
    const lines = alignLines([{ cells: ['size', 'n', 'when'] }, { text: '-- a line as it is --' }, { cells: ['16K', '1,000', 'never'] }], '  ', new Set([2]));
    expect(lines).toEqual(['  size      n  when', '-- a line as it is --', '   16K  1,000  never']);
  });

  it('wraps parts between parts, and a part too long for a line between words', () => {
    expect(wrapParts(['aaa bbb', 'ccc', 'ddd eee'], 11)).toEqual(['aaa bbb', 'ccc', 'ddd eee']);
    expect(wrapParts(['one', 'two'], 20)).toEqual(['one · two']);
    expect(wrapParts(['x', 'aaa bbb ccc ddd'], 8)).toEqual(['x', 'aaa bbb', 'ccc ddd']);
  });

  it('shortens a name in the middle, keeping both ends', () => {
    expect(shorten('abcdefghij', 10)).toBe('abcdefghij');
    expect(shorten('abcdefghijk', 9)).toBe('abc...ijk');
  });
});
