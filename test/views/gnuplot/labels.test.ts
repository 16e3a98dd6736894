import { describe, expect, it } from 'vitest';
import { depthTics, timeTicks } from '../../../src/views/gnuplot/labels.js';
import { formatLogTime } from '../../../src/time.js';
import { T0 } from './samples.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('timeTicks', () => {
  it('picks the shortest step that keeps the labels within the count', () => {
    expect(timeTicks(T0, T0 + 4 * HOUR, 6)).toMatchObject({ stepSeconds: 3600, format: '%H:%M' });
    expect(timeTicks(T0, T0 + 4 * HOUR, 9)).toMatchObject({ stepSeconds: 1800 });
    expect(timeTicks(T0, T0 + 70 * DAY, 6)).toMatchObject({ stepSeconds: 14 * 86400, format: '%Y-%m-%d' });
    expect(timeTicks(T0, T0 + 90_000, 6)).toMatchObject({ stepSeconds: 30, format: '%H:%M:%S' });
    // Both ends can carry a tick: 4 h in hours is 5 labels.
    expect(timeTicks(T0, T0 + 4 * HOUR, 5)).toMatchObject({ stepSeconds: 3600 });
    expect(timeTicks(T0, T0 + 4 * HOUR, 4)).toMatchObject({ stepSeconds: 7200 });
  });

  it('puts the date on its own line when the axis crosses midnight', () => {
    expect(timeTicks(T0, T0 + 20 * HOUR, 6).format).toBe('%m-%d\\n%H:%M');
  });

  it('starts on a multiple of the step: on the hour, at midnight, on a Monday', () => {
    expect(formatLogTime(timeTicks(T0 + 17 * 60_000, T0 + 4 * HOUR, 6).start)).toBe('2024-04-08_11:00:00');
    expect(formatLogTime(timeTicks(T0, T0 + 5 * DAY, 6).start)).toBe('2024-04-09_00:00:00');
    // 2024-04-08 is a Monday; the next one is 2024-04-15.
    expect(formatLogTime(timeTicks(T0, T0 + 40 * DAY, 6).start)).toBe('2024-04-15_00:00:00');
  });
});

describe('depthTics', () => {
  const orders = (n: number): Array<{ order: number; sizeKiB: number }> =>
    Array.from({ length: n }, (_, order) => ({ order, sizeKiB: 4 * 2 ** order }));

  it('labels every order when there is room', () => {
    const tics = depthTics(orders(13), 432);
    expect(tics.map((t) => t.label)).toEqual(['4K', '8K', '16K', '32K', '64K', '128K', '256K', '512K', '1M', '2M', '4M', '8M', '16M']);
  });

  it('labels every second order from 4K up when labels would touch, keeping a tick for each', () => {
    const tics = depthTics(orders(17), 432);
    expect(tics).toHaveLength(17);
    expect(tics.filter((t) => t.label !== '').map((t) => t.label)).toEqual([
      '4K', '16K', '64K', '256K', '1M', '4M', '16M', '64M', '256M',
    ]);
  });
});
