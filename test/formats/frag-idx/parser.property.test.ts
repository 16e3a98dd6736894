// Property tests: generated logs with random orders, domains, values and damage.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvHeader, csvLines } from '../../../src/views/csv/rfc4180.js';
import { awkLines } from '../../../src/views/csv/awk.js';
import { parseLog } from '../../../src/formats/read.js';
import { formatLogTime } from '../../../src/time.js';
import type { Sample } from '../../../src/model.js';

interface GenRow {
  readonly order: number;
  readonly sizeKiB: number;
  readonly fmfi: number;
}
interface GenSample {
  readonly time: number;
  readonly domains: ReadonlyArray<{ readonly domain: number; readonly rows: readonly GenRow[] }>;
}

const START = Date.UTC(2024, 3, 8, 10, 5);

/** Logs as the kernel and the cron job write them: a model and its text, with where each row ends. */
const logArb = fc
  .record({
    orders: fc.integer({ min: 1, max: 20 }),
    domains: fc.integer({ min: 1, max: 4 }),
    pageKiB: fc.constantFrom(4, 16, 64),
    steps: fc.array(fc.record({ dt: fc.integer({ min: 1, max: 100_000 }), output: fc.boolean() }), {
      minLength: 0,
      maxLength: 12,
    }),
    values: fc.array(fc.integer({ min: -5_000_000, max: 1000 }), { minLength: 400, maxLength: 400 }),
  })
  .map(({ orders, domains, pageKiB, steps, values }) => {
    let t = START;
    let v = 0;
    const samples: GenSample[] = steps.map(({ dt, output }) => {
      t += dt * 1000;
      if (!output) return { time: t, domains: [] };
      return {
        time: t,
        domains: Array.from({ length: domains }, (_, domain) => ({
          domain,
          rows: Array.from({ length: orders }, (_, i) => {
            const order = orders - 1 - i;
            return { order, sizeKiB: pageKiB * 2 ** order, fmfi: values[v++ % values.length]! };
          }),
        })),
      };
    });
    return samples;
  });

/** The log lines of the samples; rows carry their key so tests can follow them. */
function toLines(samples: readonly GenSample[]): Array<{ text: string; key?: string }> {
  const lines: Array<{ text: string; key?: string }> = [];
  for (const s of samples) {
    lines.push({ text: formatLogTime(s.time) });
    if (s.domains.length > 0) {
      lines.push({ text: 'vm.phys_frag_idx: ' });
      for (const d of s.domains) {
        lines.push({ text: '--' }, { text: '' }, { text: `DOMAIN ${d.domain}` }, { text: '' });
        lines.push({ text: '  ORDER (SIZE) |  FMFI' }, { text: '--' });
        for (const r of d.rows) {
          const text = `  ${String(r.order).padStart(2)} (${String(r.sizeKiB).padStart(6)}K) |  ${r.fmfi} `;
          lines.push({ text, key: rowKey(s.time, d.domain, r) });
        }
      }
      lines.push({ text: '' });
    }
    lines.push({ text: '' });
  }
  return lines;
}

function rowKey(time: number, domain: number, r: GenRow): string {
  return `${formatLogTime(time)} ${domain} ${r.order} ${r.sizeKiB} ${r.fmfi}`;
}

function parsedKeys(samples: readonly Sample[]): string[] {
  return samples.flatMap((s) => s.domains.flatMap((d) => d.orders.map((r) => rowKey(s.time, d.domain, r))));
}

/** Junk that is no date, row or DOMAIN line: what an error message or an editor leaves behind. */
const junkArb = fc
  .array(fc.integer({ min: 0, max: 255 }), { maxLength: 80 })
  .map((bytes) => String.fromCharCode(...bytes))
  .filter((j) => !/[\n]/.test(j) && !/^\s*\d/.test(j) && !j.includes('DOMAIN') && !/\d{4}-\d\d-\d\d_/.test(j));

describe('parser properties', () => {
  it('reads every row of a well-formed log exactly once, with no warning', () => {
    fc.assert(
      fc.property(logArb, (samples) => {
        const lines = toLines(samples);
        const w = parseLog(lines.map((l) => `${l.text}\n`).join(''));
        expect(parsedKeys(w.samples)).toEqual(lines.flatMap((l) => (l.key === undefined ? [] : [l.key])));
        expect(w.samples.map((s) => s.time)).toEqual(samples.map((s) => s.time));
        const expectCodes = samples.length === 0 ? ['NO_SAMPLES'] : samples.every((s) => s.domains.length === 0) ? ['NO_FMFI'] : [];
        expect(w.diagnostics.map((d) => d.code)).toEqual(expectCodes);
      }),
    );
  });

  it('loses no row to junk lines inserted between intact lines, and names every junk line', () => {
    fc.assert(
      fc.property(logArb, fc.array(fc.tuple(fc.nat(), junkArb), { maxLength: 10 }), fc.boolean(), (samples, junk, crlf) => {
        const lines = toLines(samples);
        let inserted = 0;
        for (const [at, text] of junk) {
          if (text.trim() === '' || ['--', 'vm.phys_frag_idx:', 'ORDER (SIZE) |  FMFI'].includes(text.trim())) continue;
          lines.splice(at % (lines.length + 1), 0, { text });
          inserted++;
        }
        const eol = crlf ? '\r\n' : '\n';
        const w = parseLog(Buffer.from(lines.map((l) => `${l.text}${eol}`).join(''), 'latin1'));
        expect(parsedKeys(w.samples)).toEqual(lines.flatMap((l) => (l.key === undefined ? [] : [l.key])));
        const junkWarnings = w.diagnostics.filter((d) => d.line > 0 && d.code !== 'CRLF');
        expect(junkWarnings).toHaveLength(inserted);
      }),
    );
  });

  it('cut at any byte: exactly the rows that were whole come out, and it never throws', () => {
    fc.assert(
      fc.property(logArb, fc.nat(), (samples, cutSeed) => {
        const lines = toLines(samples);
        let text = '';
        const ends: Array<{ key: string; end: number }> = [];
        for (const l of lines) {
          text += l.text;
          if (l.key !== undefined) ends.push({ key: l.key, end: text.length });
          text += '\n';
        }
        const cut = text.length === 0 ? 0 : cutSeed % (text.length + 1);
        const w = parseLog(text.slice(0, cut));
        expect(parsedKeys(w.samples)).toEqual(ends.filter((e) => e.end <= cut).map((e) => e.key));
      }),
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const w = parseLog(Buffer.from(bytes));
        for (const d of w.diagnostics) expect(d.message.length).toBeGreaterThan(0);
      }),
    );
  });

  it('both CSV dialects carry every row; the csv dialect parses back to the same values', () => {
    fc.assert(
      fc.property(logArb, (samples) => {
        const lines = toLines(samples);
        const w = parseLog(lines.map((l) => `${l.text}\n`).join(''));
        const keys = parsedKeys(w.samples);
        const awk = w.samples.map((s) => awkLines(s)).join('');
        expect(awk.split('\n').filter(Boolean)).toHaveLength(keys.length);
        const csv = csvHeader() + w.samples.map((s) => csvLines(s)).join('');
        const records = csv.split('\r\n').filter(Boolean);
        expect(records[0]).toBe('time,domain,order,size_kib,fmfi');
        const back = records.slice(1).map((r) => {
          const [time, domain, order, size, fmfi] = r.split(',');
          return `${time!.replace('T', '_')} ${domain} ${order} ${size} ${fmfi}`;
        });
        expect(back).toEqual(keys);
      }),
    );
  });
});
