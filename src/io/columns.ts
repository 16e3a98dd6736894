// A column store in a temporary file: rows of numbers in, columns out, in bounded memory however many rows.
//
// Rows fill a block in memory, one array per column; a full block is written to the file
// column by column, so reading a column back is one read per block. The file is removed
// from its folder as soon as it is open: it vanishes when the process ends, however it ends.
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileError } from '../errors.js';

/** One piece of rows, the same rows in every column asked for. */
export interface ColumnBlock {
  readonly rows: number;
  /** Per column asked for: its values in these rows (NaN where it has none), or null when it has none in any. */
  readonly values: readonly (Float64Array | null)[];
}

/** Rows of numbers in, columns out: how the metrics history keeps its values until it writes them (src/views/metrics/history.ts). */
export interface ColumnStore {
  /** A new column; it has no value in the rows before. */
  addColumn(): number;
  /** Sets `column` in the row being filled. Values are never NaN. */
  set(column: number, value: number): void;
  /** Ends the row being filled; a column not set in it has no value there. */
  endRow(): void;
  /** After the last row: the columns' values, in the same pieces of rows for each. */
  readBlocks(columns: readonly number[]): Iterable<ColumnBlock>;
}

/** How large a block is: about `values` values (8 bytes each), whatever the number of columns, in `minRows` to `maxRows` rows. */
export interface BlockSizing {
  readonly values: number;
  readonly minRows: number;
  readonly maxRows: number;
}

/** 8 MB a block; a read of a column is at least 2 KB. */
const SIZING: BlockSizing = { values: 1 << 20, minRows: 256, maxRows: 65536 };

/** Where a written block is: its first byte, rows and columns (a column is rows × 8 bytes). */
interface BlockPlace {
  readonly offset: number;
  readonly rows: number;
  readonly columns: number;
}

export class FileColumnStore implements ColumnStore {
  private readonly fd: number;
  private readonly path: string;
  private readonly blocks: BlockPlace[] = [];
  private columns = 0;
  /** The block being filled: one array per column (made when the column first gets a value in it). */
  private current: (Float64Array | undefined)[] = [];
  /** Rows of the block being filled. */
  private capacity: number;
  private rows = 0;
  private size = 0;
  private closed = false;

  /** A store in `dir` (the system's temporary folder by default). Throws FmfiError if it cannot be made. */
  constructor(
    dir: string = tmpdir(),
    private readonly sizing: BlockSizing = SIZING,
  ) {
    const random = Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0');
    this.path = join(dir, `fmfi-plot-columns-${process.pid}-${random}`);
    try {
      this.fd = openSync(this.path, 'wx+', 0o600);
    } catch (e) {
      throw fileError(this.path, e, 'write');
    }
    try {
      unlinkSync(this.path);
    } catch {
      // still removed by close()
    }
    this.capacity = sizing.maxRows;
  }

  /** The rows of a block for `columns` columns. */
  private rowsFor(columns: number): number {
    const { values, minRows, maxRows } = this.sizing;
    return Math.min(maxRows, Math.max(minRows, Math.floor(values / Math.max(1, columns))));
  }

  addColumn(): number {
    const column = this.columns++;
    // Columns come with the samples that first have them, in the middle of a block: a block
    // sized for half as many columns or fewer is ended here, so its memory stays within twice
    // what the sizing says (and a log of a thousand columns resizes ten times, not a thousand).
    if (this.rowsFor(this.columns) <= this.capacity / 2) this.writeBlock();
    return column;
  }

  set(column: number, value: number): void {
    let values = this.current[column];
    if (values === undefined) {
      values = new Float64Array(this.capacity).fill(NaN);
      this.current[column] = values;
    }
    values[this.rows] = value;
  }

  endRow(): void {
    if (++this.rows === this.capacity) this.writeBlock();
  }

  /**
   * Writes the rows ended so far as a block, and starts the next, sized for the columns
   * there are now. The row being filled (values set, not yet ended) moves to the new block.
   */
  private writeBlock(): void {
    const rows = this.rows;
    if (rows > 0) {
      const columns = this.current.length;
      const nan = new Float64Array(rows).fill(NaN);
      const offset = this.size;
      for (let c = 0; c < columns; c++) {
        const values = this.current[c];
        this.writeAll(values === undefined ? nan : values.subarray(0, rows), offset + c * rows * 8);
      }
      this.blocks.push({ offset, rows, columns });
      this.size += columns * rows * 8;
      this.rows = 0;
    }
    const capacity = this.rowsFor(this.columns);
    const previous = this.current;
    if (capacity !== this.capacity) {
      this.capacity = capacity;
      this.current = [];
    }
    for (let c = 0; c < previous.length; c++) {
      const old = previous[c];
      if (old === undefined) continue;
      const partial = rows < old.length ? old[rows]! : NaN;
      if (capacity === old.length) old.fill(NaN);
      if (partial === partial) this.set(c, partial);
    }
  }

  private writeAll(values: Float64Array, position: number): void {
    this.transfer('write', values, position);
  }

  /** All of `values`' bytes written to, or read from, the file at `position`: a call may move only part of them. */
  private transfer(doing: 'read' | 'write', values: Float64Array, position: number): void {
    const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
    let done = 0;
    try {
      while (done < bytes.length) {
        const n =
          doing === 'write'
            ? writeSync(this.fd, bytes, done, bytes.length - done, position + done)
            : readSync(this.fd, bytes, done, bytes.length - done, position + done);
        if (n === 0) throw new Error(doing === 'write' ? 'the file system took no more bytes' : 'the temporary file ended early');
        done += n;
      }
    } catch (e) {
      throw fileError(this.path, e, doing);
    }
  }

  *readBlocks(columns: readonly number[]): Iterable<ColumnBlock> {
    this.writeBlock();
    for (const block of this.blocks) {
      const values = columns.map((c) => (c < block.columns ? this.readColumn(block, c) : null));
      yield { rows: block.rows, values };
    }
  }

  private readColumn(block: BlockPlace, column: number): Float64Array {
    const values = new Float64Array(block.rows);
    this.transfer('read', values, block.offset + column * block.rows * 8);
    return values;
  }

  /** Closes the file (already gone from its folder). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      closeSync(this.fd);
    } catch {
      // nothing left to do
    }
    try {
      unlinkSync(this.path);
    } catch {
      // removed when opened
    }
  }
}
