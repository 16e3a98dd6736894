import { describe, expect, it } from 'vitest';
import { OptionError } from '../../src/errors.js';
import type { Diagnostic, Sample } from '../../src/model.js';
import { describeRange, parseTimeBound, TimeFilter, timeRange } from '../../src/summary/time-range.js';

const at = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number => Date.UTC(y, mo - 1, d, h, mi, s);

describe('--since and --until', () => {
  it('read the log\'s own time format and ISO 8601, as zone-less times', () => {
    expect(parseTimeBound('2024-04-08_10:05:00')).toBe(at(2024, 4, 8, 10, 5));
    expect(parseTimeBound('2024-04-08T10:05:30')).toBe(at(2024, 4, 8, 10, 5, 30));
    expect(parseTimeBound('2024-04-08 10:05')).toBe(at(2024, 4, 8, 10, 5));
    expect(parseTimeBound('2024-04-08T10:05:30.250')).toBe(at(2024, 4, 8, 10, 5, 30) + 250);
    expect(parseTimeBound(' 2024-04-08 ')).toBe(at(2024, 4, 8));
    // A year below 100 is that year (as the log writes it).
    expect(new Date(parseTimeBound('0024-04-08')).getUTCFullYear()).toBe(24);
  });

  it('refuse what is no time, no real time, or a time with a zone, each with a code and a sentence', () => {
    const fails = (text: string): [string, string] => {
      try {
        parseTimeBound(text);
      } catch (e) {
        expect(e).toBeInstanceOf(OptionError);
        return [(e as OptionError).code, (e as OptionError).message];
      }
      throw new Error(`${text} was read`);
    };
    expect(fails('yesterday')[0]).toBe('TIME_SHAPE');
    expect(fails('2024-04-08_10')[0]).toBe('TIME_SHAPE');
    expect(fails('2024-02-30')).toEqual(['TIME_NOT_REAL', 'expected a real date and time, got "2024-02-30".']);
    expect(fails('2024-04-08T24:00')[0]).toBe('TIME_NOT_REAL');
    expect(fails('2024-04-08T10:05:00Z')).toEqual([
      'TIME_ZONED',
      'expected a time without a zone, as the log\'s clock showed it (the log\'s times have none), got "2024-04-08T10:05:00Z".',
    ]);
    expect(fails('2024-04-08T10:05+02:00')[0]).toBe('TIME_ZONED');
    expect(() => timeRange(at(2024, 4, 9), at(2024, 4, 8))).toThrow('--until (2024-04-08 00:00:00) is before --since (2024-04-09 00:00:00): no sample could lie between.');
    expect(timeRange(at(2024, 4, 9), at(2024, 4, 9))).toEqual({ since: at(2024, 4, 9), until: at(2024, 4, 9) });
  });

  it('keep both ends, and say so when a log has samples but none in the range', () => {
    const samples: Sample[] = [0, 5, 10, 15].map((m, i) => ({ time: at(2024, 4, 8, 10, m), line: 1 + 14 * i, domains: [] }));
    const kept: number[] = [];
    const said: Diagnostic[] = [];
    const filter = new TimeFilter({ since: at(2024, 4, 8, 10, 5), until: at(2024, 4, 8, 10, 10) }, 'x.log', (d) => said.push(d));
    const onSample = filter.wrap((s) => kept.push(s.line));
    samples.forEach(onSample);
    filter.finish();
    expect(kept).toEqual([15, 29]);
    expect(said).toEqual([]);

    const empty = new TimeFilter({ since: at(2024, 5, 1), until: null }, 'x.log', (d) => said.push(d));
    samples.forEach(empty.wrap(() => undefined));
    empty.finish();
    expect(said.map((d) => `${d.code} ${d.line} ${d.message}`)).toEqual([
      'RANGE_EMPTY 0 no sample lies at or after 2024-05-01 00:00:00 (--since): its samples run from 2024-04-08 10:00:00 to 2024-04-08 10:15:00',
    ]);
    expect(describeRange({ since: null, until: at(2024, 4, 8, 10) })).toBe('at or before 2024-04-08 10:00:00 (--until)');
  });
});
