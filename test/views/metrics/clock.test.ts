import { describe, expect, it } from 'vitest';
import type { Diagnostic, Sample } from '../../../src/model.js';
import { LogClock } from '../../../src/views/metrics/clock.js';
import { TimeZone } from '../../../src/zone.js';

const ny = TimeZone.of('America/New_York')!;
const at = (line: number, y: number, mo: number, d: number, h: number, mi: number): Sample => ({ time: Date.UTC(y, mo - 1, d, h, mi), line, domains: [] });
const seconds = (y: number, mo: number, d: number, h: number, mi: number): number => Date.UTC(y, mo - 1, d, h, mi);

function clock(increasing: boolean): { clock: LogClock; said: Diagnostic[] } {
  const said: Diagnostic[] = [];
  return { clock: new LogClock(ny, 'x.log', (d) => said.push(d), { increasing }), said };
}

describe('LogClock', () => {
  it('reads a time the clocks jumped over with the offset before the jump, and says so', () => {
    const { clock: c, said } = clock(true);
    expect(c.instantOf(at(1, 2024, 3, 10, 1, 55))).toBe(seconds(2024, 3, 10, 6, 55));
    expect(c.instantOf(at(5, 2024, 3, 10, 2, 30))).toBe(seconds(2024, 3, 10, 7, 30));
    expect(c.instantOf(at(9, 2024, 3, 10, 3, 35))).toBe(seconds(2024, 3, 10, 7, 35));
    expect(said).toEqual([
      {
        code: 'TIME_IN_GAP',
        severity: 'warning',
        file: 'x.log',
        line: 5,
        message:
          '2024-03-10_02:30:00 does not exist in America/New_York (its clocks jump from UTC-05:00 to UTC-04:00 there; wrong --timezone?): read as 2024-03-10T03:30:00-04:00',
      },
    ]);
  });

  it('reads an hour the clocks repeat as the first, then as the second once the times go back, saying which', () => {
    const { clock: c, said } = clock(true);
    // Every 20 minutes through the night of 2024-11-03: 01:00 EDT … 01:40 EDT, 01:00 EST … 01:40 EST, 02:00 EST.
    const times = [[0, 40], [1, 0], [1, 20], [1, 40], [1, 0], [1, 20], [1, 40], [2, 0]] as const;
    const instants = times.map(([h, m], i) => c.instantOf(at(i + 1, 2024, 11, 3, h, m)));
    expect(instants).toEqual([
      seconds(2024, 11, 3, 4, 40), seconds(2024, 11, 3, 5, 0), seconds(2024, 11, 3, 5, 20), seconds(2024, 11, 3, 5, 40),
      seconds(2024, 11, 3, 6, 0), seconds(2024, 11, 3, 6, 20), seconds(2024, 11, 3, 6, 40), seconds(2024, 11, 3, 7, 0),
    ]);
    expect(said.map((d) => `${d.line} ${d.code}`)).toEqual(['2 TIME_TWICE', '3 TIME_TWICE', '4 TIME_TWICE', '5 TIME_TWICE', '6 TIME_TWICE', '7 TIME_TWICE']);
    expect(said[0]!.message).toBe(
      '2024-11-03_01:00:00 occurs twice in America/New_York (its clocks go back there): read as the first, 2024-11-03T01:00:00-04:00, as the samples before it say',
    );
    expect(said[3]!.message).toBe(
      '2024-11-03_01:00:00 occurs twice in America/New_York (its clocks go back there): read as the second, 2024-11-03T01:00:00-05:00, as the samples before it say',
    );
  });

  it('skips a sample not later than the one before for a history, and keeps it otherwise', () => {
    const history = clock(true);
    expect(history.clock.instantOf(at(1, 2024, 7, 1, 12, 0))).not.toBeNull();
    expect(history.clock.instantOf(at(9, 2024, 7, 1, 12, 0))).toBeNull();
    expect(history.said.map((d) => d.message)).toEqual([
      'the sample of 2024-07-01_12:00:00 is not later than the one of 2024-07-01_12:00:00 (line 1): skipped (a Prometheus series takes its samples in time order)',
    ]);
    const latest = clock(false);
    latest.clock.instantOf(at(1, 2024, 7, 1, 12, 0));
    expect(latest.clock.instantOf(at(9, 2024, 7, 1, 11, 0))).toBe(seconds(2024, 7, 1, 15, 0));
    expect(latest.said).toEqual([]);
  });
});
