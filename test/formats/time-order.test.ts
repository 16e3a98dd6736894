// Samples out of time order, twice at one time, before the boot time, and logs joined with `cat a b`: each said once per log.
import { describe, expect, it } from 'vitest';
import { generateCountLog } from '../../fixtures/counts.js';
import { generateLog } from '../../fixtures/generate.js';
import { parseLog } from '../../src/formats/read.js';
import type { Diagnostic } from '../../src/model.js';

const HEAD = 'vm.phys_frag_idx: \n--\n\nDOMAIN 0\n\n  ORDER (SIZE) |  FMFI\n--\n';
const ROWS = '   1 (     8K) |  536 \n   0 (     4K) |  -951229 \n';

/** One sample of two rows: 12 lines with the cron job's blank lines. */
function sample(date: string): string {
  return `${date}\n${HEAD}${ROWS}\n\n`;
}

function log(...dates: string[]): string {
  return dates.map(sample).join('');
}

/** The time-order diagnostics, as `line code`. */
function timeDiagnostics(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.filter((d) => ['TIME_REPEATED', 'TIME_BACKWARDS', 'TIME_RESTART', 'BEFORE_BOOT', 'LINE_JOINED'].includes(d.code)).map((d) => `${d.line} ${d.code}`);
}

describe('the order of sample times', () => {
  it('says nothing of samples in time order', () => {
    const w = parseLog(log('2024-04-08_10:05:00', '2024-04-08_10:10:00', '2024-04-08_10:15:00'), 'vm_frag_20240408_1005.log');
    expect(w.diagnostics).toEqual([]);
  });

  it('warns once of a sample at the same time as the one before it, with both lines, and keeps both', () => {
    const w = parseLog(log('2024-04-08_10:05:00', '2024-04-08_10:10:00', '2024-04-08_10:10:00', '2024-04-08_10:15:00', '2024-04-08_10:15:00'));
    expect(w.samples).toHaveLength(5);
    expect(timeDiagnostics(w.diagnostics)).toEqual(['25 TIME_REPEATED']);
    expect(w.diagnostics[0]!.message).toBe('the sample of 2024-04-08_10:10:00 has the same time as the sample before it (line 13): both kept');
  });

  it('warns once of a clock set back, and suspects the end of daylight saving time when it is an hour or less', () => {
    const w = parseLog(log('2024-10-27_02:50:00', '2024-10-27_02:55:00', '2024-10-27_02:00:00', '2024-10-27_02:05:00', '2024-10-27_01:10:00'));
    expect(w.samples.map((s) => s.line)).toEqual([1, 13, 25, 37, 49]);
    expect(timeDiagnostics(w.diagnostics)).toEqual(['25 TIME_BACKWARDS']);
    expect(w.diagnostics[0]!.message).toBe(
      'the sample of 2024-10-27_02:00:00 is 55 min earlier than the sample before it (2024-10-27_02:55:00, line 13): ' +
        'the clock was set back (end of daylight saving time?); samples kept in log order, charts draw them at their times',
    );
    const far = parseLog(log('2024-10-27_12:00:00', '2024-10-27_14:00:00', '2024-10-27_12:30:00'));
    expect(far.diagnostics.map((d) => d.message)).toEqual([
      'the sample of 2024-10-27_12:30:00 is 1 h 30 min earlier than the sample before it (2024-10-27_14:00:00, line 13): ' +
        'the clock was set back; samples kept in log order, charts draw them at their times',
    ]);
  });

  it('recognises two logs joined with cat a b: the times start again from before the first sample', () => {
    const older = generateLog({ samples: 5, seed: 1, start: '2024-04-01_09:00:00', intervalSeconds: 300 });
    const newer = generateLog({ samples: 5, seed: 2, start: '2024-04-08_10:10:00', intervalSeconds: 300 });
    // cat newer older: back to before the first sample.
    const w = parseLog(newer + older, 'joined.log');
    expect(w.samples).toHaveLength(10);
    expect(codes(w)).toEqual(['TIME_RESTART']);
    expect(w.diagnostics[0]!.message).toMatch(/^the sample of 2024-04-01_09:00:00 goes back to the log's first sample \(2024-04-08_10:10:00, line 1\) or before it: two logs joined into one \(cat a b\)\?/);
    // cat a a: the same log twice starts again at its first sample.
    expect(codes(parseLog(older + older))).toEqual(['TIME_RESTART']);
  });

  it('warns once of samples before the boot time in the file name', () => {
    const older = generateLog({ samples: 3, seed: 1, start: '2024-04-01_09:00:00', intervalSeconds: 300 });
    const own = generateLog({ samples: 3, seed: 2, start: '2024-04-08_10:10:00', intervalSeconds: 300 });
    const w = parseLog(older + own, '/var/tmp/vm_frag_20240408_1005.log');
    expect(timeDiagnostics(w.diagnostics)).toEqual(['1 BEFORE_BOOT']);
    expect(w.diagnostics[0]!.message).toBe(
      'the sample of 2024-04-01_09:00:00 is before the boot time in the file name (2024-04-08 10:05): ' +
        'a log of an earlier boot joined to this one (cat a b), or a wrong file name? Samples kept',
    );
    // A sample in the boot minute itself is not before it.
    expect(parseLog(log('2024-04-08_10:05:30'), 'vm_frag_20240408_1005.log').diagnostics).toEqual([]);
  });

  it('reads the next log\'s first sample when a crash cut the last line of the one before it (cat a b)', () => {
    const first = generateLog({ samples: 2, seed: 1, start: '2024-04-01_09:00:00', intervalSeconds: 300 });
    const cut = first.slice(0, first.lastIndexOf('|  -') + 5);
    const second = generateLog({ samples: 2, seed: 2, start: '2024-04-08_10:10:00', intervalSeconds: 300 });
    const w = parseLog(cut + second);
    expect(w.samples.map((s) => s.domains[0]?.orders.length)).toEqual([13, 12, 13, 13]);
    const joined = w.diagnostics.find((d) => d.code === 'LINE_JOINED')!;
    expect(joined.message).toMatch(/^a line cut off \(" {3}0 \( {5}4K\) \| {2}-\d"\) and joined to the date line of the next sample: a log that ended in a crash, with another appended to it \(cat a b\)\?/);
    expect(joined.line).toBe(cut.split('\n').length);
    // Junk that merely ends in a date is no joined log.
    expect(codes(parseLog(`${sample('2024-04-08_10:05:00')}cron: job of 2024-04-08_10:10:00\n`))).toEqual(['DATE_EMBEDDED']);
  });

  it('checks the count formats the same way', () => {
    const text = generateCountLog('buddyinfo', { samples: 3, seed: 1, orders: 11, domains: 1, intervalSeconds: 300 });
    const w = parseLog(text + text, 'buddyinfo.log');
    expect(codes(w)).toEqual(['TIME_RESTART']);
  });
});

function codes(w: { diagnostics: readonly Diagnostic[] }): string[] {
  return w.diagnostics.map((d) => d.code);
}
