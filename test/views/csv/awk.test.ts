// The awk dialect written as bytes: the lines parse_vm_frag.awk prints, from typed samples.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AwkWriter, awkLines, DateField, writeAwkLines } from '../../../src/views/csv/awk.js';
import { ByteBuilder } from '../../../src/views/bytes.js';
import type { Diagnostic, Sample } from '../../../src/model.js';
import { formatLogTime } from '../../../src/time.js';

const T = Date.UTC(2024, 3, 8, 23, 59, 0);

function sample(time: number, domains: Array<[number, Array<[number, number, number]>]>, line = 1): Sample {
  return { time, line, domains: domains.map(([domain, rows]) => ({ domain, orders: rows.map(([order, sizeKiB, fmfi]) => ({ order, sizeKiB, fmfi })) })) };
}

/** What the awk script prints for a sample, made the slow and obvious way. */
function expected(s: Sample, domain: number | null = null): string {
  return s.domains
    .filter((d) => domain === null || d.domain === domain)
    .flatMap((d) => d.orders.map((r) => `${r.order} ${formatLogTime(s.time)} ${r.fmfi}\n`))
    .join('');
}

describe('awk lines', () => {
  it('are ORDER DATE FMFI, every row of every domain in log order', () => {
    const s = sample(T, [[0, [[12, 16384, 768], [1, 8, -951229]]], [1, [[0, 4, 0]]]]);
    expect(awkLines(s)).toBe('12 2024-04-08_23:59:00 768\n1 2024-04-08_23:59:00 -951229\n0 2024-04-08_23:59:00 0\n');
    expect(awkLines(s, 1)).toBe('0 2024-04-08_23:59:00 0\n');
    expect(awkLines(sample(T, []))).toBe('');
  });

  it('carry the right date across days, years and the one reused date field', () => {
    const date = new DateField();
    const out = new ByteBuilder(16);
    const times = [T, T + 60_000, T + 60_000, T + 86_400_000 * 300, Date.UTC(2024, 11, 31, 23, 59, 59), Date.UTC(2025, 0, 1), Date.UTC(1999, 0, 1, 1, 2, 3)];
    let want = '';
    for (const t of times) {
      const s = sample(t, [[0, [[2, 16, 5]]]]);
      writeAwkLines(s, null, out, date);
      want += expected(s);
    }
    expect(out.toString()).toBe(want);
  });

  it('carry any date of a four-digit year through the reused field, byte for byte (it is stored as two doubles and a word)', () => {
    const first = Date.UTC(1000, 0, 1);
    const last = Date.UTC(9999, 11, 31, 23, 59, 59);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: first / 1000, max: last / 1000 }), { minLength: 1, maxLength: 30 }), (seconds) => {
        const date = new DateField();
        const out = new ByteBuilder(16);
        let want = '';
        for (const t of seconds.sort((a, b) => a - b).map((s) => s * 1000)) {
          const s = sample(t, [[0, [[12, 16384, -7], [0, 4, 951229]]]]);
          writeAwkLines(s, null, out, date);
          want += expected(s);
        }
        expect(out.toString()).toBe(want);
      }),
    );
  });

  it('write years of more or fewer than four digits as formatLogTime does', () => {
    for (const year of [10000, 275000, 5, -1]) {
      const t = new Date(0).setUTCFullYear(year, 1, 3);
      const s = sample(t, [[0, [[1, 8, 2]]]]);
      expect(awkLines(s)).toBe(expected(s));
    }
  });

  it('match the slow way for any values', () => {
    const value = fc.oneof(fc.integer({ min: -10_000_000, max: 1000 }), fc.maxSafeInteger(), fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: 3 }), fc.array(fc.tuple(fc.nat({ max: 1000 }), fc.nat(), value), { maxLength: 20 })), { maxLength: 4 }),
        fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.option(fc.nat({ max: 3 }), { nil: null }),
        (domains, seconds, domain) => {
          const s = sample(Math.floor(seconds / 1000) * 1000, domains);
          expect(awkLines(s, domain)).toBe(expected(s, domain));
        },
      ),
    );
  });
});

describe('AwkWriter', () => {
  it('says once, at the first such sample, that the awk script would drop rows of 100000K and more', () => {
    const notes: Diagnostic[] = [];
    const writer = new AwkWriter(null, 'x.log', (d) => notes.push(d));
    const out = new ByteBuilder();
    writer.sample(sample(T, [[0, [[3, 32, 1]]]], 5), out);
    writer.sample(sample(T + 60_000, [[0, [[16, 262144, 2]]]], 20), out);
    writer.sample(sample(T + 120_000, [[0, [[17, 524288, 3]]]], 40), out);
    expect(notes).toEqual([
      {
        code: 'AWK_WOULD_DROP',
        severity: 'note',
        file: 'x.log',
        line: 20,
        message: 'rows with a block size of 100000K or more, such as order 16 (262144K): parse_vm_frag.awk drops them silently; fmfi-plot keeps them',
      },
    ]);
    expect(out.toString().split('\n')).toHaveLength(4);
  });

  it('names the first such row of the sample in log order, and only rows it writes', () => {
    const notes: Diagnostic[] = [];
    const two = sample(T, [[0, [[3, 32, 1]]], [1, [[100, 4, 2], [17, 524288, 3]]]], 7);
    new AwkWriter(null, 'x.log', (d) => notes.push(d)).sample(two, new ByteBuilder());
    expect(notes.map((n) => n.message)).toEqual([expect.stringContaining('such as order 100 (4K)'), expect.stringContaining('2 domains')]);
    // With --domain 0 the rows of domain 1 are not written: nothing to say about them.
    notes.length = 0;
    new AwkWriter(0, 'x.log', (d) => notes.push(d)).sample(two, new ByteBuilder());
    expect(notes).toEqual([]);
  });
});
