import { describe, expect, it } from 'vitest';
import { generateLog } from '../../../fixtures/generate.js';
import { FragIdxScanner } from '../../../src/formats/frag-idx/scanner.js';
import { parseLog } from '../../../src/formats/read.js';
import { formatLogTime } from '../../../src/time.js';
import type { Diagnostic, Sample } from '../../../src/model.js';

const HEAD = 'vm.phys_frag_idx: \n--\n\nDOMAIN 0\n\n  ORDER (SIZE) |  FMFI\n--\n';

function sample(date: string, rows: Array<[number, number, number]>, domain = 0): string {
  const head = HEAD.replace('DOMAIN 0', `DOMAIN ${domain}`);
  const body = rows.map(([o, k, f]) => `  ${String(o).padStart(2)} (${String(k).padStart(6)}K) |  ${f} \n`).join('');
  return `${date}\n${head}${body}\n\n`;
}

const ROWS: Array<[number, number, number]> = [
  [2, 16, 768],
  [1, 8, 536],
  [0, 4, -951229],
];

function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

function rows(samples: readonly Sample[]): string[] {
  return samples.flatMap((s) =>
    s.domains.flatMap((d) => d.orders.map((r) => `${formatLogTime(s.time)} d${d.domain} o${r.order} ${r.sizeKiB}K ${r.fmfi}`)),
  );
}

describe('FragIdxScanner', () => {
  it('reads a sample in the exact kernel format into typed values', () => {
    const w = parseLog(sample('2024-04-08_10:05:00', ROWS), 'vm_frag_20240408_1005.log');
    expect(w.diagnostics).toEqual([]);
    expect(w.bootTime).toBe(Date.UTC(2024, 3, 8, 10, 5));
    expect(w.samples).toEqual([
      {
        time: Date.UTC(2024, 3, 8, 10, 5, 0),
        line: 1,
        domains: [
          {
            domain: 0,
            orders: [
              { order: 2, sizeKiB: 16, fmfi: 768 },
              { order: 1, sizeKiB: 8, fmfi: 536 },
              { order: 0, sizeKiB: 4, fmfi: -951229 },
            ],
          },
        ],
      },
    ]);
  });

  it('gives the same samples however the text is split into chunks', () => {
    const text = generateLog({ samples: 20, domains: 2, seed: 3 });
    const whole = parseLog(text);
    for (const size of [1, 7, 64, 1000]) {
      const samples: Sample[] = [];
      const p = new FragIdxScanner('x', { sample: (s) => samples.push(s), diagnostic: () => undefined });
      for (let i = 0; i < text.length; i += size) p.write(Buffer.from(text.slice(i, i + size), 'latin1'));
      p.end();
      expect(samples).toEqual(whole.samples);
    }
  });

  it('reads any number of domains and orders, with block sizes of six digits and more', () => {
    const big: Array<[number, number, number]> = [
      [17, 524288, 990],
      [16, 262144, 980],
      [15, 131072, -5],
    ];
    const w = parseLog(sample('2024-04-08_10:05:00', big, 0) + sample('2024-04-08_10:06:00', ROWS, 3));
    expect(rows(w.samples)).toEqual([
      '2024-04-08_10:05:00 d0 o17 524288K 990',
      '2024-04-08_10:05:00 d0 o16 262144K 980',
      '2024-04-08_10:05:00 d0 o15 131072K -5',
      '2024-04-08_10:06:00 d3 o2 16K 768',
      '2024-04-08_10:06:00 d3 o1 8K 536',
      '2024-04-08_10:06:00 d3 o0 4K -951229',
    ]);
  });

  it('keeps samples without sysctl output and says so when none has any', () => {
    const w = parseLog('2024-04-08_10:05:00\n\n2024-04-08_10:10:00\n\n', 'k.log');
    expect(w.samples.map((s) => s.domains.length)).toEqual([0, 0]);
    expect(w.diagnostics).toEqual([
      {
        code: 'NO_FMFI',
        severity: 'warning',
        file: 'k.log',
        line: 0,
        message: 'none of its 2 samples has vm.phys_frag_idx output (kernel without the sysctl?)',
      },
    ]);
  });

  it('says so of a log whose only sample has no output', () => {
    const w = parseLog('2024-04-08_10:05:00\n\n', 'one.log');
    expect(w.diagnostics.map((d) => d.message)).toEqual([
      'its only sample has no vm.phys_frag_idx output (kernel without the sysctl?)',
    ]);
  });

  it('warns about an empty file', () => {
    const w = parseLog('', 'e.log');
    expect(w.samples).toEqual([]);
    expect(w.diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual(['NO_SAMPLES: no samples in this log']);
  });

  it('skips a row cut off at the end of the file, keeping the rows before it', () => {
    const text = sample('2024-04-08_10:05:00', ROWS).replace(/-951229 \n\n\n$/, '-95');
    const w = parseLog(text, 'c.log');
    expect(rows(w.samples)).toEqual(['2024-04-08_10:05:00 d0 o2 16K 768', '2024-04-08_10:05:00 d0 o1 8K 536']);
    expect(w.diagnostics.map((d) => `${d.line}: ${d.code}: ${d.message}`)).toEqual([
      '11: ROW_CUT_OFF: FMFI row cut off at the end of the file ("   0 (     4K) |  -95"): row skipped',
      '5: DOMAIN_INCOMPLETE: domain 0 of the sample of 2024-04-08_10:05:00 stops at order 1, not 0: rows missing (log cut off?)',
    ]);
  });

  it('keeps a last row without a newline when its trailing blank shows it is whole', () => {
    const text = sample('2024-04-08_10:05:00', ROWS).replace(/\n\n\n$/, '');
    const w = parseLog(text);
    expect(rows(w.samples)).toHaveLength(3);
    expect(w.diagnostics).toEqual([]);
  });

  it('ignores carriage returns of CRLF line ends and says so once', () => {
    const text = (sample('2024-04-08_10:05:00', ROWS) + sample('2024-04-08_10:06:00', ROWS)).replace(/\n/g, '\r\n');
    const w = parseLog(text, 'crlf.log');
    expect(rows(w.samples)).toHaveLength(6);
    expect(w.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`)).toEqual([
      'crlf.log:1: CRLF line ends: the carriage returns are ignored',
    ]);
  });

  it('skips stray lines, naming each, and keeps every row around them', () => {
    const text = sample('2024-04-08_10:05:00', ROWS).replace('   1 (', 'panic: oops\n   1 (');
    const w = parseLog(text, 's.log');
    expect(rows(w.samples)).toHaveLength(3);
    expect(w.diagnostics.map((d) => `${d.line}: ${d.message}`)).toEqual(['10: unexpected line ("panic: oops"): skipped']);
  });

  it('skips rows before the first date line, counting them', () => {
    const text = sample('2024-04-08_10:05:00', ROWS).slice(20) + sample('2024-04-08_10:06:00', ROWS);
    const w = parseLog(text, 'r.log');
    expect(rows(w.samples)).toHaveLength(3);
    expect(w.diagnostics.map((d) => `${d.line}: ${d.message}`)).toEqual([
      '8: 3 FMFI rows before the first date line: skipped',
    ]);
  });

  it('skips a date-shaped line that is no real date, with its rows', () => {
    const text = sample('2024-13-45_99:99:99', ROWS) + sample('2024-02-29_23:59:59', ROWS) + sample('2023-02-29_00:00:00', []);
    const w = parseLog(text, 'd.log');
    expect(rows(w.samples)).toEqual([
      '2024-02-29_23:59:59 d0 o2 16K 768',
      '2024-02-29_23:59:59 d0 o1 8K 536',
      '2024-02-29_23:59:59 d0 o0 4K -951229',
    ]);
    expect(w.diagnostics.map((d) => `${d.line}: ${d.code}: ${d.message}`)).toEqual([
      '1: DATE_INVALID: "2024-13-45_99:99:99" is not a real date: line and its 3 rows skipped',
      '27: DATE_INVALID: "2023-02-29_00:00:00" is not a real date: line skipped',
    ]);
  });

  it('names a malformed row and a repeated order, and keeps the rest', () => {
    const text = sample('2024-04-08_10:05:00', ROWS).replace('   1 (     8K) |  536 \n', '   1 (     8K) |  5x6 \n   2 (    16K) |  1 \n');
    const w = parseLog(text, 'm.log');
    expect(rows(w.samples)).toEqual(['2024-04-08_10:05:00 d0 o2 16K 768', '2024-04-08_10:05:00 d0 o0 4K -951229']);
    expect(w.diagnostics.map((d) => `${d.line}: ${d.message}`)).toEqual([
      '10: malformed FMFI row ("   1 (     8K) |  5x6 "): skipped',
      '11: order 2 of domain 0 appears twice in the sample of 2024-04-08_10:05:00: second row skipped',
    ]);
  });

  it('catches an order repeated by a DOMAIN block that comes twice, even in descending order', () => {
    const text =
      '2024-04-08_10:05:00\nDOMAIN 1\n   1 (     8K) |  100 \n   0 (     4K) |  -100 \n' +
      'DOMAIN 1\n   2 (    16K) |  501 \n   1 (     8K) |  101 \n   0 (     4K) |  -101 \n';
    const w = parseLog(text, 'twice.log');
    expect(rows(w.samples)).toEqual([
      '2024-04-08_10:05:00 d1 o1 8K 100',
      '2024-04-08_10:05:00 d1 o0 4K -100',
      '2024-04-08_10:05:00 d1 o2 16K 501',
    ]);
    expect(w.diagnostics.map((d) => `${d.line}: ${d.message}`)).toEqual([
      '7: order 1 of domain 1 appears twice in the sample of 2024-04-08_10:05:00: second row skipped',
      '8: order 0 of domain 1 appears twice in the sample of 2024-04-08_10:05:00: second row skipped',
    ]);
  });

  it('skips a line too long to be part of a log without holding it', () => {
    const long = 'x'.repeat(200_000);
    const samples: Sample[] = [];
    const diagnostics: Diagnostic[] = [];
    const p = new FragIdxScanner('l.log', { sample: (s) => samples.push(s), diagnostic: (d) => diagnostics.push(d) });
    const text = `${long}\n${sample('2024-04-08_10:05:00', ROWS)}`;
    for (let i = 0; i < text.length; i += 4096) p.write(text.slice(i, i + 4096));
    p.end();
    expect(rows(samples)).toHaveLength(3);
    expect(diagnostics.map((d) => `${d.line}: ${d.message}`)).toEqual(['1: line longer than 65536 bytes: skipped']);
  });

  it('never throws on binary junk, and reports it with escaped bytes', () => {
    const junk = Buffer.from([0, 1, 2, 255, 254, 10, 0x1b, 0x5b, 0x33, 0x31, 0x6d, 10]);
    const w = parseLog(junk, 'b.log');
    expect(w.samples).toEqual([]);
    expect(w.diagnostics.map((d) => d.message)).toEqual([
      'unexpected line ("\\x00\\x01\\x02��"): skipped',
      'unexpected line ("\\x1b[31m"): skipped',
      'no samples in this log',
    ]);
  });

  it('reads the boot time only from a vm_frag_YYYYMMDD_HHMM.log name', () => {
    expect(parseLog('', '/var/tmp/vm_frag_20240408_1005.log').bootTime).toBe(Date.UTC(2024, 3, 8, 10, 5));
    expect(parseLog('', 'frag.log').bootTime).toBeNull();
    const bad = parseLog('', 'vm_frag_20241345_9999.log');
    expect(bad.bootTime).toBeNull();
    expect(codes(bad.diagnostics)).toEqual(['BOOT_TIME_INVALID', 'NO_SAMPLES']);
    expect(bad.diagnostics[0]?.message).toBe('20241345_9999 is not a valid vm_frag_YYYYMMDD_HHMM.log time: boot time unknown');
  });

  it('keeps the wall-clock time whatever the zone of this machine', () => {
    const w = parseLog(sample('2024-03-31_02:30:00', ROWS));
    expect(formatLogTime(w.samples[0]!.time)).toBe('2024-03-31_02:30:00');
  });

  it('reads a year below 100 as written, not as 19xx (a flipped byte makes 2024 into 0024)', () => {
    const w = parseLog(sample('0024-02-29_12:00:00', ROWS) + sample('0099-12-31_23:59:59', ROWS));
    expect(w.samples.map((s) => formatLogTime(s.time))).toEqual(['0024-02-29_12:00:00', '0099-12-31_23:59:59']);
  });
});
