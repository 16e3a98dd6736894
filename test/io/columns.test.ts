import fc from 'fast-check';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileColumnStore } from '../../src/io/columns.js';
import { MemoryColumnStore, type ColumnStore } from '../../src/views/metrics/columns.js';

const dir = mkdtempSync(join(tmpdir(), 'fmfi-columns-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Rows as the stores get them: per row, the values set (column → value); columns are added as first met. */
type Rows = Array<Array<[number, number]>>;

function fill(store: ColumnStore, rows: Rows): number[] {
  const columns: number[] = [];
  for (const row of rows) {
    for (const [key, value] of row) {
      columns[key] ??= store.addColumn();
      store.set(columns[key]!, value);
    }
    store.endRow();
  }
  return columns;
}

/** Each column as one array of its values (NaN where none), and the row count. */
function readAll(store: ColumnStore, columns: readonly number[]): { rows: number; values: number[][] } {
  const values: number[][] = columns.map(() => []);
  let rows = 0;
  for (const block of store.readBlocks(columns)) {
    rows += block.rows;
    block.values.forEach((v, i) => values[i]!.push(...(v === null ? new Array<number>(block.rows).fill(NaN) : Array.from(v))));
  }
  return { rows, values };
}

describe('FileColumnStore', () => {
  it('gives back what the memory store gives back, in the same rows, columns added on the way included, whatever the block sizes', () => {
    const rowsArb: fc.Arbitrary<Rows> = fc.array(
      fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.oneof(fc.integer({ min: -5_000_000, max: 5_000_000 }), fc.double({ noNaN: true }))), {
        selector: ([k]) => k,
        maxLength: 12,
      }),
      { maxLength: 2000 },
    );
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 700 }), (rows, values, maxRows) => {
        const file = new FileColumnStore(dir, { values, minRows: 1, maxRows });
        try {
          const memory = new MemoryColumnStore();
          const fileColumns = fill(file, rows);
          const memoryColumns = fill(memory, rows);
          const keys = [...fileColumns.keys()].filter((k) => fileColumns[k] !== undefined);
          const got = readAll(file, keys.map((k) => fileColumns[k]!));
          const want = readAll(memory, keys.map((k) => memoryColumns[k]!));
          expect(got.rows).toBe(rows.length);
          expect(got).toEqual(want);
          // Read twice: a series is read once per family it is written in.
          expect(readAll(file, keys.map((k) => fileColumns[k]!))).toEqual(got);
        } finally {
          file.close();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('writes blocks as they fill, so memory stays bounded, and reads them back across block ends', () => {
    const file = new FileColumnStore(dir, { values: 60_000, minRows: 256, maxRows: 65536 });
    try {
      const a = file.addColumn();
      const rows = 200_000;
      for (let i = 0; i < rows; i++) {
        file.set(a, i);
        if (i === 150_000) file.set(file.addColumn(), -i);
        file.endRow();
      }
      let n = 0;
      let blocks = 0;
      let late = 0;
      for (const block of file.readBlocks([a, 1])) {
        blocks++;
        const wrong = block.values[0]!.findIndex((v, i) => v !== n + i);
        expect(wrong).toBe(-1);
        if (block.values[1] !== null) late += block.values[1]!.filter((v) => !Number.isNaN(v)).length;
        n += block.rows;
      }
      expect(n).toBe(rows);
      expect(blocks).toBeGreaterThan(2);
      expect(late).toBe(1);
    } finally {
      file.close();
    }
  });

  it('leaves no file behind: it is gone from its folder as soon as it is open', () => {
    const file = new FileColumnStore(dir);
    file.set(file.addColumn(), 1);
    file.endRow();
    expect(readdirSync(dir)).toEqual([]);
    file.close();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('says which folder it cannot write in', () => {
    expect(() => new FileColumnStore(join(dir, 'missing'))).toThrow(/missing\/fmfi-plot-columns-\d+-[0-9a-f]{8}: cannot write: a folder on the way does not exist/);
  });
});
