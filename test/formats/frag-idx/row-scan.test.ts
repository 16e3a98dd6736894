// The kernel-row fast path against the general row scanner it stands in for.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LONGEST_KERNEL_ROW, RowScan, scanKernelRow, scanRow } from '../../../src/formats/frag-idx/row-scan.js';

interface Scanned {
  readonly order: number;
  readonly sizeKiB: number;
  readonly fmfi: number;
  readonly trailingBlank: boolean;
}

/** The fast path on `text` (one line with its newline) at offset `at` of a larger buffer: the row and where it ends, or null. */
function fast(text: string, at = 0): { row: Scanned; next: number } | null {
  const buf = Buffer.from(`${'x'.repeat(at)}${text}`, 'latin1');
  const view = new DataView(buf.buffer, buf.byteOffset, buf.length);
  const out = new RowScan();
  const next = scanKernelRow(buf, view, at, buf.length, out);
  return next < 0 ? null : { row: { ...out }, next: next - at };
}

/** The general scanner on `line` (without its newline). */
function general(line: string): Scanned | null {
  const buf = Buffer.from(line, 'latin1');
  const out = new RowScan();
  return scanRow(buf, 0, buf.length, out) ? { ...out } : null;
}

/** A row as the kernel prints it: `  %2d (%6dK) |  %ld \n`. */
function kernelRow(order: number, sizeKiB: number, fmfi: number): string {
  return `  ${String(order).padStart(2)} (${String(sizeKiB).padStart(6)}K) |  ${fmfi} \n`;
}

describe('scanRow', () => {
  it('reads orders up to 63 and block sizes up to 2^53 KiB, and no further', () => {
    expect(general('  63 (9007199254740992K) |  937 ')).toEqual({ order: 63, sizeKiB: 2 ** 53, fmfi: 937, trailingBlank: true });
    expect(general('  48 (1125899906842624K) |  952 ')?.sizeKiB).toBe(1125899906842624);
    expect(general('  64 (     4K) |  1 ')).toBeNull();
    expect(general('  12 (9007199254740993K) |  1 ')).toBeNull();
    expect(general('  12 (10000000000000000K) |  1 ')).toBeNull();
  });
});

describe('scanKernelRow', () => {
  it('reads the kernel\'s rows, and says where the next line starts', () => {
    expect(fast(kernelRow(12, 16384, 768))).toEqual({ row: { order: 12, sizeKiB: 16384, fmfi: 768, trailingBlank: true }, next: 23 });
    expect(fast(kernelRow(0, 4, -951229))?.row).toEqual({ order: 0, sizeKiB: 4, fmfi: -951229, trailingBlank: true });
    expect(fast(kernelRow(3, 999999, 0))?.row).toEqual({ order: 3, sizeKiB: 999999, fmfi: 0, trailingBlank: true });
    expect(fast(kernelRow(63, 1, -999999999999999))?.row.fmfi).toBe(-999999999999999);
    expect(fast(kernelRow(7, 512, 1000), 5)?.row.order).toBe(7);
  });

  it('leaves every other line to the general scanner', () => {
    for (const line of [
      kernelRow(100, 4, 1), // order of three digits: the columns shift
      kernelRow(64, 4, 1), // an order above 63: no block of 2^64 pages exists
      kernelRow(1, 1048576, 1), // block of seven digits: the columns shift
      kernelRow(1, 4, 1234567890123456), // sixteen digits: the general scanner checks the range
      '  12 ( 16384K) |  768\n', // no blank after the number
      '  12 ( 16384K) |  768 \r\n', // CRLF
      '  12 ( 16384K) |  768\t\n', // a tab
      '  12 ( 16384K) |   768 \n', // a third blank
      '  12 ( 16384K) |  - \n', // a sign without digits
      '  12 ( 16384K) |  7x8 \n',
      '  12 ( 1 384K) |  768 \n', // a blank inside the size
      '  12 (       K) |  768 \n'.replace('       ', '      '), // no digit in the size
      '   x (    16K) |  768 \n',
      '  ORDER (SIZE) |  FMFI\n',
      '  12 ( 16384K) |  768 ', // no newline in the buffer
    ]) {
      expect(fast(line), JSON.stringify(line)).toBeNull();
    }
  });

  it('reads the block size again when an order\'s size field changes (it remembers the last one per order)', () => {
    expect(fast(kernelRow(5, 128, -1))?.row.sizeKiB).toBe(128);
    expect(fast(kernelRow(5, 128, -2))?.row.sizeKiB).toBe(128);
    expect(fast(kernelRow(5, 256, -3))?.row.sizeKiB).toBe(256); // another page size
    expect(fast('   5 (   1 8K) |  -4 \n')).toBeNull(); // damage in the field after a good row
    expect(fast('   5 (   \u00008K) |  -4 \n')).toBeNull();
    expect(fast(kernelRow(5, 256, -5))?.row.sizeKiB).toBe(256);
    expect(fast(kernelRow(6, 256, -6))?.row).toEqual({ order: 6, sizeKiB: 256, fmfi: -6, trailingBlank: true });
  });

  it('never reads a longer row than LONGEST_KERNEL_ROW', () => {
    const longest = kernelRow(63, 999999, -999999999999999);
    expect(longest.length - 1).toBe(LONGEST_KERNEL_ROW);
    expect(fast(longest)).not.toBeNull();
  });

  it('on rows in the kernel format of any width: when it reads one, the general scanner reads the same', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 150 }),
        fc.integer({ min: 0, max: 9_999_999 }),
        fc.oneof(fc.integer({ min: -9_999_999, max: 1000 }), fc.maxSafeInteger(), fc.integer({ min: -(2 ** 53) + 1, max: 0 })),
        fc.nat({ max: 40 }),
        (order, sizeKiB, fmfi, at) => {
          const text = kernelRow(order, sizeKiB, fmfi);
          const got = fast(text, at);
          const want = general(text.slice(0, -1));
          // Orders above 63 are damage: neither path reads them.
          expect(want).toEqual(order <= 63 ? { order, sizeKiB, fmfi, trailingBlank: true } : null);
          if (got !== null) {
            expect(got.row).toEqual(want);
            expect(got.next).toBe(text.length);
          }
          // Within the kernel's widths the fast path reads every row.
          if (order <= 63 && sizeKiB < 1_000_000 && String(Math.abs(fmfi)).length <= 15) expect(got).not.toBeNull();
        },
      ),
    );
  });

  it('on rows with bytes changed at random: it reads only what the general scanner reads, with the same values', () => {
    const bytes = fc.array(fc.tuple(fc.nat(), fc.constantFrom(0x20, 0x09, 0x0d, 0x0a, 0x2d, 0x28, 0x29, 0x4b, 0x7c, 0x30, 0x35, 0x39, 0x41, 0xff)), {
      minLength: 1,
      maxLength: 4,
    });
    fc.assert(
      fc.property(fc.nat({ max: 99 }), fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: -9_999_999, max: 1000 }), bytes, (order, sizeKiB, fmfi, changes) => {
        const chars = [...kernelRow(order, sizeKiB, fmfi)];
        for (const [at, c] of changes) chars[at % chars.length] = String.fromCharCode(c);
        const text = chars.join('');
        const got = fast(text);
        if (got === null) return;
        // What it read ends at the first newline: that line is what the general path would get.
        const line = text.slice(0, got.next - 1);
        expect(line.includes('\n')).toBe(false);
        expect(got.row).toEqual(general(line));
      }),
    );
  });
});
