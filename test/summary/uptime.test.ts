import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/model.js';
import { binByUptime, finishOnCommonWidth, parseUptime, UptimeBinner, type UptimeSnapshot } from '../../src/summary/uptime.js';

const HOUR = 3_600_000;
const BOOT = Date.UTC(2024, 5, 10, 9, 12);

/** A one-domain sample at `t` with FMFI `v` at orders 0 and 1. */
function sample(t: number, v: number): Sample {
  return { time: t, line: 1, domains: [{ domain: 0, orders: [{ order: 1, sizeKiB: 8, fmfi: v }, { order: 0, sizeKiB: 4, fmfi: v }] }] };
}

function every(from: number, count: number, stepMs: number, v = 0): Sample[] {
  return Array.from({ length: count }, (_, i) => sample(from + i * stepMs, v));
}

describe('binByUptime', () => {
  it('puts uptime 0 at the boot time of the name, else at the first sample', () => {
    const [named, unnamed] = binByUptime(
      [
        { label: 'a', source: 'a', bootTime: BOOT, samples: every(BOOT + 2 * HOUR, 3, HOUR) },
        { label: 'b', source: 'b', bootTime: null, samples: every(BOOT + 50 * HOUR, 3, HOUR) },
      ],
      { maxBins: 1000, uptimeMs: null },
    );
    expect(named!.alignment).toBe('bootTime');
    expect(named!.bins.first).toBe(2 * HOUR);
    expect(unnamed!.alignment).toBe('firstSample');
    expect(unnamed!.origin).toBe(BOOT + 50 * HOUR);
    expect(unnamed!.bins.first).toBe(0);
  });

  it('bins every window on the widest width any needs, aligned from uptime 0', () => {
    const windows = binByUptime(
      [
        { label: 'long', source: 'l', bootTime: BOOT, samples: every(BOOT, 24 * 30, HOUR) },
        { label: 'short', source: 's', bootTime: BOOT, samples: every(BOOT, 12, 5 * 60_000) },
      ],
      { maxBins: 100, uptimeMs: null },
    );
    const widths = windows.map((w) => w.bins.binMs);
    expect(widths[0]).toBe(widths[1]);
    expect(widths[0]! * 100).toBeGreaterThanOrEqual(30 * 24 * HOUR);
    for (const w of windows) for (const b of w.bins.bins) expect(b.start % w.bins.binMs).toBe(0);
    // The short window fits in one or two wide bins, its worst value kept.
    expect(windows[1]!.bins.bins.length).toBeLessThanOrEqual(2);
  });

  it('keeps the worst value of a bin and marks pauses in sampling', () => {
    const samples = [...every(BOOT, 10, 10 * 60_000, -500), sample(BOOT + 95 * 60_000, 700), ...every(BOOT + 20 * HOUR, 10, 10 * 60_000, -400)];
    const [w] = binByUptime([{ label: 'a', source: 'a', bootTime: BOOT, samples }], { maxBins: 4, uptimeMs: null });
    const worst = Math.max(...w!.bins.bins.map((b) => b.cells[0]![0]!.worst));
    expect(worst).toBe(700);
    expect(w!.bins.bins.some((b) => b.afterGap)).toBe(true);
  });

  it('cuts every window at the same uptime and counts what it left out', () => {
    const binner = new UptimeBinner('a', 'a', BOOT, { maxBins: 100, uptimeMs: 5 * HOUR });
    for (const s of every(BOOT, 10, HOUR)) binner.add(s);
    const w = binner.finish(0);
    expect(w.bins.samples).toBe(6); // uptime 0 … 5 h
    expect(w.beyondCut).toBe(4);
  });
});

describe('parseUptime', () => {
  it('reads days, hours, minutes, seconds and sums of them', () => {
    expect(parseUptime('3d')).toBe(3 * 24 * HOUR);
    expect(parseUptime('12h')).toBe(12 * HOUR);
    expect(parseUptime('90m')).toBe(90 * 60_000);
    expect(parseUptime('1d12h')).toBe(36 * HOUR);
    expect(parseUptime('1.5d')).toBe(36 * HOUR);
  });

  it('refuses anything else with the catalogue message', () => {
    for (const bad of ['', '3', 'd', '0h', '-1d', '3 days', '1d 2h']) {
      expect(() => parseUptime(bad)).toThrow(expect.objectContaining({ code: 'UPTIME' }));
    }
    expect(() => parseUptime('3w')).toThrow('expected a duration such as 3d, 12h, 90m or 1d12h, got "3w".');
  });
});

describe('UptimeBinner snapshots', () => {
  it('windows restored from JSON snapshots finish on one axis exactly as the binners they were taken of', () => {
    const logs = [
      { label: 'a', source: 'a.log', bootTime: BOOT, samples: every(BOOT + HOUR, 500, 5 * 60_000, 7) },
      { label: 'b', source: 'b.log', bootTime: null, samples: every(BOOT + 90 * HOUR, 40, HOUR, -3) },
    ];
    const options = { maxBins: 80, uptimeMs: 30 * HOUR };
    const direct = binByUptime(logs, options);
    const snapshots = logs.map((w) => {
      const b = new UptimeBinner(w.label, w.source, w.bootTime, options);
      for (const s of w.samples) b.add(s);
      return JSON.stringify(b.snapshot());
    });
    const restored = finishOnCommonWidth(snapshots.map((json) => UptimeBinner.restore(JSON.parse(json) as UptimeSnapshot)));
    expect(restored).toEqual(direct);
    expect(restored[0]!.beyondCut).toBeGreaterThan(0);
  });
});
