import { describe, expect, it } from 'vitest';
import { parseLog } from '../../../src/formats/read.js';
import { formatLatestMetrics } from '../../../src/views/metrics/index.js';
import { formatLatest, LatestPicker } from '../../../src/views/metrics/latest.js';
import { TimeZone } from '../../../src/zone.js';
import { buddySample, fragSample } from './samples.js';

const full: [number, number, number][] = [[2, 16, 750], [1, 8, 500], [0, 4, -1]];

/** The time of the sample a picker keeps from a log. */
function picked(log: string): string | null {
  const picker = new LatestPicker();
  for (const s of parseLog(log, 'x.log').samples) picker.add(s);
  const kept = picker.latest;
  return kept === null ? null : new Date(kept.time).toISOString().slice(11, 16);
}

describe('LatestPicker', () => {
  it('keeps the last sample whose domains are all there with every row', () => {
    expect(picked(fragSample('2024-04-08_10:00:00', [full, full]) + fragSample('2024-04-08_10:05:00', [full, full]))).toBe('10:05');
  });

  it('passes over a last sample cut off, or without a domain the one before had', () => {
    const cut = fragSample('2024-04-08_10:05:00', [full, full]);
    const cutOff = cut.slice(0, cut.lastIndexOf('   1 ('));
    expect(picked(fragSample('2024-04-08_10:00:00', [full, full]) + cutOff)).toBe('10:00');
    expect(picked(fragSample('2024-04-08_10:00:00', [full, full]) + fragSample('2024-04-08_10:05:00', [full]))).toBe('10:00');
    expect(picked(fragSample('2024-04-08_10:00:00', [full, full]) + '2024-04-08_10:05:00\n\n')).toBe('10:00');
  });

  it('takes a sample after one that was damaged, and a domain that is new', () => {
    const damaged = fragSample('2024-04-08_10:00:00', [full.slice(0, 2)]);
    expect(picked(damaged + fragSample('2024-04-08_10:05:00', [full]))).toBe('10:05');
    expect(picked(fragSample('2024-04-08_10:00:00', [full]) + fragSample('2024-04-08_10:05:00', [full, full]))).toBe('10:05');
    expect(picked(damaged)).toBeNull();
  });

  it('keeps its own copy: the reader may reuse the sample objects', () => {
    const picker = new LatestPicker();
    const s = parseLog(fragSample('2024-04-08_10:00:00', [full]), 'x.log').samples[0]!;
    picker.add(s);
    (s.domains[0]!.orders[0] as { fmfi: number }).fmfi = 1;
    expect(picker.latest!.domains[0]!.orders[0]!.fmfi).toBe(750);
  });
});

describe('formatLatest', () => {
  it('writes the Prometheus text format without timestamps, HELP before TYPE, and when the sample was taken', () => {
    const window = parseLog(fragSample('2024-04-08_10:00:00', [full]) + fragSample('2024-04-08_10:05:00', [full]), 'vm_frag_"x".log');
    const { text, diagnostics } = formatLatestMetrics([window], { zone: TimeZone.of('Europe/Berlin')!, labels: [['host', 'db\\1']] });
    expect(diagnostics).toEqual([]);
    const l = 'host="db\\\\1",boot="vm_frag_\\"x\\".log",domain="0"';
    expect(text).toBe(
      [
        '# HELP fmfi_index FMFI of a block size (vm.phys_frag_idx), in thousandths: 1000 fully fragmented, 0 not, below 0 a free block of that size is easy to find.',
        '# TYPE fmfi_index gauge',
        `fmfi_index{${l},order="0",block_size_bytes="4096"} -1`,
        `fmfi_index{${l},order="1",block_size_bytes="8192"} 500`,
        `fmfi_index{${l},order="2",block_size_bytes="16384"} 750`,
        '# HELP fmfi_average_free_block_bytes Average free block size (free pages over free blocks), from the FMFI of order 0.',
        '# TYPE fmfi_average_free_block_bytes gauge',
        `fmfi_average_free_block_bytes{${l}} 4100.096`,
        '# HELP fmfi_sample_timestamp_seconds When the sample shown was taken, as Unix time (the log time read in the zone given to fmfi-plot).',
        '# TYPE fmfi_sample_timestamp_seconds gauge',
        // 10:05 in Berlin's summer time is 08:05 UTC.
        'fmfi_sample_timestamp_seconds{host="db\\\\1",boot="vm_frag_\\"x\\".log"} 1712563500',
        '',
      ].join('\n'),
    );
  });

  it('writes the count families of Linux logs, and nothing at all without a sample', () => {
    const window = parseLog(buddySample('2024-04-08_10:05:00', [[1, 'Normal', [4, 0]]]), 'b.log');
    const { text } = formatLatestMetrics([window], { zone: TimeZone.UTC });
    expect(text).toContain('fmfi_free_blocks{boot="b.log",domain="1",zone="Normal",order="0",block_size_bytes="4096"} 4\n');
    expect(text).toContain('fmfi_unusable_index_ratio{boot="b.log",domain="1",zone="Normal",order="1",block_size_bytes="8192"} 1\n');
    // No block of 2 pages: 1000 - (1000 + 4000/2)/4 = 250 thousandths.
    expect(text).toContain('fmfi_extfrag_index_ratio{boot="b.log",domain="1",zone="Normal",order="1",block_size_bytes="8192"} 0.25\n');
    expect(formatLatest([])).toBe('');
  });
});
