// Where a history keeps its values until it writes them: rows in as samples come, columns out as series are written.
//
// OpenMetrics wants each series whole, in time order, and each family's series together,
// while a log gives one sample (a row across every series) at a time. A store turns rows
// into columns: this one in memory, for logs held in memory; the command line's keeps
// them in a temporary file (src/io/columns.ts), so a log of any length fits.
import type { ColumnBlock, ColumnStore } from '../../io/columns.js';

export type { ColumnBlock, ColumnStore } from '../../io/columns.js';

/** Rows in a block of the memory store. */
const BLOCK_ROWS = 4096;

/** Every value in memory, in blocks of rows. */
export class MemoryColumnStore implements ColumnStore {
  private readonly blocks: { readonly rows: number; readonly columns: readonly (Float64Array | undefined)[] }[] = [];
  private current: Float64Array[] = [];
  private rows = 0;
  private columns = 0;

  addColumn(): number {
    return this.columns++;
  }

  set(column: number, value: number): void {
    let values = this.current[column];
    if (values === undefined) {
      values = new Float64Array(BLOCK_ROWS).fill(NaN);
      this.current[column] = values;
    }
    values[this.rows] = value;
  }

  endRow(): void {
    if (++this.rows === BLOCK_ROWS) this.endBlock();
  }

  private endBlock(): void {
    if (this.rows === 0) return;
    const rows = this.rows;
    this.blocks.push({ rows, columns: Array.from(this.current, (v) => v?.subarray(0, rows)) });
    this.current = [];
    this.rows = 0;
  }

  *readBlocks(columns: readonly number[]): Iterable<ColumnBlock> {
    this.endBlock();
    for (const block of this.blocks) {
      yield { rows: block.rows, values: columns.map((c) => block.columns[c] ?? null) };
    }
  }
}
