import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../../src/formats/read.js';
import { formatOpenMetrics } from '../../../src/views/metrics/index.js';
import { TimeZone } from '../../../src/zone.js';
import { damage, damageArb } from '../../fuzz/damage.js';
import { logLines, samplesArb } from '../../fuzz/logs.js';
import { params, parserRuns, timeLimit } from '../../fuzz/runs.js';
import { buddySample, fragSample, metricLines } from './samples.js';

const UTC = { zone: TimeZone.UTC };
/** A quarter of the parser's cases: each case here also writes and reads back every line (some 20 ms). */
const RUNS = Math.ceil(parserRuns() / 4);
const LIMIT = timeLimit(RUNS, 20);

describe('formatOpenMetrics', () => {
  it('writes each family once, each series whole and in time order, timestamps in seconds, # EOF last', () => {
    const log =
      fragSample('2024-04-08_10:05:00', [[[1, 8, 500], [0, 4, -1]], [[1, 8, 250], [0, 4, -500]]]) +
      fragSample('2024-04-08_10:10:00', [[[1, 8, 600], [0, 4, 0]], [[1, 8, 0], [0, 4, -1000]]]);
    const { text, diagnostics } = formatOpenMetrics([parseLog(log, 'logs/vm_frag_20240408_1005.log')], { ...UTC, labels: [['host', 'db1']] });
    expect(diagnostics).toEqual([]);
    const boot = 'host="db1",boot="vm_frag_20240408_1005.log"';
    expect(text).toBe(
      [
        '# TYPE fmfi_index gauge',
        '# HELP fmfi_index FMFI of a block size (vm.phys_frag_idx), in thousandths: 1000 fully fragmented, 0 not, below 0 a free block of that size is easy to find.',
        `fmfi_index{${boot},domain="0",order="0",block_size_bytes="4096"} -1 1712570700`,
        `fmfi_index{${boot},domain="0",order="0",block_size_bytes="4096"} 0 1712571000`,
        `fmfi_index{${boot},domain="0",order="1",block_size_bytes="8192"} 500 1712570700`,
        `fmfi_index{${boot},domain="0",order="1",block_size_bytes="8192"} 600 1712571000`,
        `fmfi_index{${boot},domain="1",order="0",block_size_bytes="4096"} -500 1712570700`,
        `fmfi_index{${boot},domain="1",order="0",block_size_bytes="4096"} -1000 1712571000`,
        `fmfi_index{${boot},domain="1",order="1",block_size_bytes="8192"} 250 1712570700`,
        `fmfi_index{${boot},domain="1",order="1",block_size_bytes="8192"} 0 1712571000`,
        '# TYPE fmfi_average_free_block_bytes gauge',
        '# UNIT fmfi_average_free_block_bytes bytes',
        '# HELP fmfi_average_free_block_bytes Average free block size (free pages over free blocks), from the FMFI of order 0.',
        // 1001 thousandths of a 4 KiB page, then 1000.
        `fmfi_average_free_block_bytes{${boot},domain="0"} 4100.096 1712570700`,
        `fmfi_average_free_block_bytes{${boot},domain="0"} 4096 1712571000`,
        `fmfi_average_free_block_bytes{${boot},domain="1"} 6144 1712570700`,
        `fmfi_average_free_block_bytes{${boot},domain="1"} 8192 1712571000`,
        '# EOF',
        '',
      ].join('\n'),
    );
  });

  it('adds the free blocks and Linux indices of count logs, with each zone as a label', () => {
    const log = buddySample('2024-04-08_10:05:00', [[0, 'DMA', [2, 1]], [0, 'Normal', [0, 0]]]);
    const lines = metricLines(formatOpenMetrics([parseLog(log, 'buddyinfo_20240408_1005.log')], UTC).text);
    const of = (name: string) => lines.filter((l) => l.name === name).map((l) => `${l.labels.domain} ${l.labels.zone} ${l.labels.order ?? '-'} ${l.value}`);
    // P = 2 + 1·2 = 4 pages in B = 3 blocks: FMFI(0) = 1000 - 4000/3 = -333, FMFI(1) = 1000 - 2000/3 = 334.
    expect(of('fmfi_index')).toEqual(['0 DMA 0 -333', '0 DMA 1 334', '0 Normal 0 0', '0 Normal 1 0']);
    expect(of('fmfi_free_blocks')).toEqual(['0 DMA 0 2', '0 DMA 1 1', '0 Normal 0 0', '0 Normal 1 0']);
    // Unusable at order 1: the 2 single pages of 4 are unusable, 0.5; no free page at all is 1.
    expect(of('fmfi_unusable_index_ratio')).toEqual(['0 DMA 0 0', '0 DMA 1 0.5', '0 Normal 0 1', '0 Normal 1 1']);
    expect(of('fmfi_extfrag_index_ratio')).toEqual(['0 DMA 0 -1', '0 DMA 1 -1', '0 Normal 0 0', '0 Normal 1 0']);
    // A from FMFI(0): 1.333 pages (4/3, to the thousandth the kernel's division keeps) of 4096 bytes.
    expect(of('fmfi_average_free_block_bytes')).toEqual(['0 DMA - 5459.968', '0 Normal - 0']);
    expect(lines.every((l) => l.timestamp === '1712570700')).toBe(true);
  });

  it('reads times in the zone given, and skips (saying so) a sample not later than the one before', () => {
    const rows: [number, number, number][] = [[0, 4, -1]];
    const log = fragSample('2024-07-01_12:00:00', [rows]) + fragSample('2024-07-01_11:00:00', [rows]) + fragSample('2024-07-01_12:05:00', [rows]);
    const { text, diagnostics } = formatOpenMetrics([parseLog(log, 'x.log')], { zone: TimeZone.of('Europe/Berlin')! });
    expect(metricLines(text).filter((l) => l.name === 'fmfi_index').map((l) => l.timestamp)).toEqual(['1719828000', '1719828300']);
    expect(diagnostics).toEqual([
      {
        code: 'TIME_NOT_LATER',
        severity: 'warning',
        file: 'x.log',
        line: 12,
        message: 'the sample of 2024-07-01_11:00:00 is not later than the one of 2024-07-01_12:00:00 (line 1): skipped (a Prometheus series takes its samples in time order)',
      },
    ]);
  });

  it('refuses two logs of the same file name: their series would be one', () => {
    const log = fragSample('2024-04-08_10:05:00', [[[0, 4, -1]]]);
    expect(() => formatOpenMetrics([parseLog(log, 'a/vm_frag_1.log'), parseLog(log, 'b/vm_frag_1.log')], UTC)).toThrow(
      'b/vm_frag_1.log: same file name as a/vm_frag_1.log, so its metrics would be the same series (label boot): skipped',
    );
  });

  it('on damaged logs: every row of every sample kept comes out once, in series that are whole and in time order', () => {
    fc.assert(
      fc.property(samplesArb, damageArb(70_000), (samples, d) => {
        const window = parseLog(damage(logLines(samples), d), 'damaged.log');
        const { text } = formatOpenMetrics([window], UTC);
        expect(text.endsWith('# EOF\n')).toBe(true);
        const lines = metricLines(text);

        // What must come out: the rows of each sample with rows that is later than the last one kept.
        const expected: string[] = [];
        let last = -Infinity;
        for (const s of window.samples) {
          if (s.domains.length === 0 || s.time <= last) continue;
          last = s.time;
          for (const dom of s.domains) for (const r of dom.orders) expected.push(`${s.time / 1000} ${dom.domain} ${r.order} ${r.sizeKiB * 1024} ${r.fmfi}`);
        }
        const fmfi = lines.filter((l) => l.name === 'fmfi_index');
        const got = fmfi.map((l) => `${l.timestamp} ${l.labels.domain} ${l.labels.order} ${l.labels.block_size_bytes} ${l.value}`);
        expect(got.sort()).toEqual(expected.sort());

        // Families and series never interleave; a series' timestamps only go up.
        const seen = new Set<string>();
        let previous = '';
        let previousTime = -Infinity;
        for (const l of lines) {
          const series = `${l.name}${JSON.stringify(l.labels)}`;
          if (series !== previous) {
            expect(seen.has(series), series).toBe(false);
            expect(seen.has(l.name) && !previous.startsWith(`${l.name}{`), l.name).toBe(false);
            seen.add(series);
            seen.add(l.name);
            previous = series;
            previousTime = -Infinity;
          }
          expect(Number(l.timestamp)).toBeGreaterThan(previousTime);
          previousTime = Number(l.timestamp);
        }
      }),
      params(RUNS, LIMIT),
    );
  }, LIMIT);
});
