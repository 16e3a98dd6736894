import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatOffset, TimeZone } from '../src/zone.js';

const H = 3_600_000;
const wall = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number => Date.UTC(y, mo - 1, d, h, mi, s);
const zone = (name: string): TimeZone => {
  const z = TimeZone.of(name);
  if (z === null) throw new Error(`no zone ${name}`);
  return z;
};

describe('TimeZone.of', () => {
  it('knows IANA names, in their canonical spelling', () => {
    expect(zone('Europe/Berlin').name).toBe('Europe/Berlin');
    expect(zone('europe/berlin').name).toBe('Europe/Berlin');
    expect(zone('UTC').name).toBe('UTC');
    expect(zone('Asia/Kolkata').name).toBe('Asia/Kolkata');
    expect(zone('Etc/GMT-2').offsetAt(wall(2024, 7, 1))).toBe(2 * H);
  });

  it('refuses what is not a zone, and offsets (which only some Node.js versions take)', () => {
    for (const name of ['Mars/Olympus_Mons', '', '+01:00', '-05:00', '1', 'Europe/', ' UTC']) expect(TimeZone.of(name), name).toBeNull();
  });
});

describe('TimeZone.resolve', () => {
  it('reads a time in UTC as it is', () => {
    expect(TimeZone.UTC.resolve(wall(2024, 4, 8, 10, 5))).toEqual({ kind: 'unique', instant: wall(2024, 4, 8, 10, 5), offset: 0 });
  });

  it('reads a time with the offset of its season', () => {
    const berlin = zone('Europe/Berlin');
    expect(berlin.resolve(wall(2024, 1, 15, 12))).toEqual({ kind: 'unique', instant: wall(2024, 1, 15, 11), offset: H });
    expect(berlin.resolve(wall(2024, 7, 15, 12))).toEqual({ kind: 'unique', instant: wall(2024, 7, 15, 10), offset: 2 * H });
    const kolkata = zone('Asia/Kolkata');
    expect(kolkata.resolve(wall(2024, 7, 15, 12))).toEqual({ kind: 'unique', instant: wall(2024, 7, 15, 6, 30), offset: 5.5 * H });
  });

  it('says when the clocks jump over a time, and reads it with the offset from before the jump', () => {
    // America/New_York, 2024-03-10: 02:00 EST becomes 03:00 EDT.
    const ny = zone('America/New_York');
    expect(ny.resolve(wall(2024, 3, 10, 2, 30))).toEqual({ kind: 'gap', instant: wall(2024, 3, 10, 7, 30), before: -5 * H, after: -4 * H });
    expect(ny.resolve(wall(2024, 3, 10, 1, 59, 59))).toEqual({ kind: 'unique', instant: wall(2024, 3, 10, 6, 59, 59), offset: -5 * H });
    expect(ny.resolve(wall(2024, 3, 10, 3))).toEqual({ kind: 'unique', instant: wall(2024, 3, 10, 7), offset: -4 * H });
    // Lord Howe Island moves its clocks by half an hour: 02:00 becomes 02:30 on 2024-10-06.
    const lordHowe = zone('Australia/Lord_Howe');
    expect(lordHowe.resolve(wall(2024, 10, 6, 2, 15))).toMatchObject({ kind: 'gap', before: 10.5 * H, after: 11 * H });
    // Samoa skipped 2011-12-30 altogether.
    expect(zone('Pacific/Apia').resolve(wall(2011, 12, 30, 12))).toMatchObject({ kind: 'gap', before: -10 * H, after: 14 * H });
  });

  it('says when the clocks go back over a time, and gives both instants', () => {
    // America/New_York, 2024-11-03: 02:00 EDT becomes 01:00 EST.
    const ny = zone('America/New_York');
    expect(ny.resolve(wall(2024, 11, 3, 1, 30))).toEqual({
      kind: 'overlap',
      earlier: wall(2024, 11, 3, 5, 30),
      later: wall(2024, 11, 3, 6, 30),
      offsets: [-4 * H, -5 * H],
    });
    expect(ny.resolve(wall(2024, 11, 3, 0, 59, 59))).toMatchObject({ kind: 'unique', offset: -4 * H });
    expect(ny.resolve(wall(2024, 11, 3, 2))).toMatchObject({ kind: 'unique', offset: -5 * H });
  });

  it('gives back, for every instant, the instant its wall-clock time was read from (or one of two)', () => {
    const zones = ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Pacific/Apia', 'Asia/Tehran', 'America/Santiago', 'UTC'].map(zone);
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 0, max: 2_100_000_000 }), (z, seconds) => {
        const instant = seconds * 1000;
        const local = instant + z.offsetAt(instant);
        const r = z.resolve(local);
        if (r.kind === 'unique') return r.instant === instant;
        if (r.kind === 'overlap') return r.earlier === instant || r.later === instant;
        return false;
      }),
    );
  });

  it('reads years before 100 as they are written (Berlin then kept its local mean time, +00:53:28)', () => {
    const year24 = new Date(0);
    year24.setUTCFullYear(24, 5, 1);
    expect(zone('Europe/Berlin').resolve(year24.getTime())).toMatchObject({ kind: 'unique', offset: 53 * 60_000 + 28_000 });
  });
});

describe('formatOffset', () => {
  it('writes offsets as ISO 8601 does, with seconds where a local mean time has them', () => {
    expect([0, 2 * H, -4 * H, 5.5 * H, -(9 * H + 30 * 60_000), 53 * 60_000 + 28_000].map(formatOffset)).toEqual([
      '+00:00', '+02:00', '-04:00', '+05:30', '-09:30', '+00:53:28',
    ]);
  });
});
