import { describe, expect, it } from 'vitest';
import type { Bin, TimeBins } from '../../../src/summary/bins.js';
import { datablock, datablockRows, hasValues } from '../../../src/views/gnuplot/datablock.js';
import { T0 } from './samples.js';

const MIN = 60_000;

/** Hand-made bins, ten minutes wide: `values[domain][order]` (null: no reading), gap before when asked. */
function timeBins(domains: number[], bins: Array<{ at: number; values: Array<Array<number | null>>; afterGap?: boolean }>): TimeBins {
  const orders = bins[0]!.values[0]!.map((_, order) => ({ order, sizeKiB: 4 * 2 ** order }));
  const list: Bin[] = bins.map((b) => ({
    start: T0 + b.at * MIN,
    end: T0 + (b.at + 10) * MIN,
    samples: 1,
    afterGap: b.afterGap ?? false,
    cells: b.values.map((byOrder) => byOrder.map((v) => (v === null ? null : { worst: v, best: v }))),
  }));
  return {
    binMs: 10 * MIN,
    intervalMs: 10 * MIN,
    domains,
    orders,
    bins: list,
    samples: list.length,
    samplesWithoutOutput: 0,
    first: list[0]?.start ?? null,
    last: list[list.length - 1]?.end ?? null,
    maxSamplesPerBin: 1,
  };
}

describe('datablockRows', () => {
  it('joins the bins at their middles and stretches the ends to the edges of the run', () => {
    const bins = timeBins([0], [
      { at: 0, values: [[-900, 10]] },
      { at: 10, values: [[-800, 20]] },
      { at: 20, values: [[-700, 30]] },
    ]);
    expect(datablockRows(bins, 0)).toBe(
      [
        '2024-04-08_10:00:00 -900 10',
        '2024-04-08_10:05:00 -900 10',
        '2024-04-08_10:15:00 -800 20',
        '2024-04-08_10:25:00 -700 30',
        '2024-04-08_10:30:00 -700 30',
        '',
      ].join('\n'),
    );
  });

  it('breaks the walls at a gap with two blank lines, and keeps a lone bin as a flat bar', () => {
    const bins = timeBins([0], [
      { at: 0, values: [[1, 2]] },
      { at: 10, values: [[3, 4]] },
      { at: 400, values: [[5, 6]], afterGap: true },
    ]);
    expect(datablockRows(bins, 0)).toBe(
      [
        '2024-04-08_10:00:00 1 2',
        '2024-04-08_10:05:00 1 2',
        '2024-04-08_10:15:00 3 4',
        '2024-04-08_10:20:00 3 4',
        '',
        '',
        '2024-04-08_16:40:00 5 6',
        '2024-04-08_16:50:00 5 6',
        '',
      ].join('\n'),
    );
  });

  it('leaves out the rows of a flat stretch, which the line passes through anyway', () => {
    const flat = Array.from({ length: 50 }, (_, i) => ({ at: i * 10, values: [[7, 8]] }));
    const bins = timeBins([0], [...flat, { at: 500, values: [[9, 8]] }]);
    expect(datablockRows(bins, 0).trimEnd().split('\n')).toEqual([
      '2024-04-08_10:00:00 7 8',
      '2024-04-08_18:15:00 7 8',
      '2024-04-08_18:25:00 9 8',
      '2024-04-08_18:30:00 9 8',
    ]);
  });

  it('writes NaN where a domain has no reading of an order, which leaves a hole in that wall only', () => {
    const bins = timeBins([0, 1], [
      { at: 0, values: [[1, null], [3, 4]] },
      { at: 10, values: [[2, 5], [6, 7]] },
    ]);
    expect(datablockRows(bins, 0).split('\n')[0]).toBe('2024-04-08_10:00:00 1 NaN');
    expect(datablockRows(bins, 1).split('\n')[0]).toBe('2024-04-08_10:00:00 3 4');
  });
});

describe('datablock', () => {
  it('names the block after the domain number and closes it with EOD', () => {
    const bins = timeBins([0, 2], [{ at: 0, values: [[1], [2]] }]);
    expect(datablock(bins, 1)).toBe('$d2 << EOD\n2024-04-08_10:00:00 2\n2024-04-08_10:10:00 2\nEOD\n');
  });
});

describe('hasValues', () => {
  it('says whether a wall has any point: gnuplot stops on a wall without one', () => {
    const bins = timeBins([0], [{ at: 0, values: [[1, null]] }, { at: 10, values: [[2, null]] }]);
    expect(hasValues(bins, 0, 0)).toBe(true);
    expect(hasValues(bins, 0, 1)).toBe(false);
  });
});
