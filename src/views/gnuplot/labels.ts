// Axis words: block sizes for the depth axis, time tick spacing and format for the time axis.
import type { LocalTime } from '../../model.js';
import { formatKiB } from '../../summary/sizes.js';

export interface TimeTicks {
  /** The first tick: a multiple of the step, so hours land on the hour, days at midnight, weeks on Mondays. */
  readonly start: LocalTime;
  readonly stepSeconds: number;
  /** A gnuplot time format (strftime-like). */
  readonly format: string;
}

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;
/** Steps a reader can count in, shortest first. */
const STEPS = [
  1, 2, 5, 10, 15, 30,
  MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
  HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR,
  DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY, 56 * DAY, 182 * DAY, 364 * DAY,
  // Years, for logs whose dates are far apart (a clock that jumped): up to the 10,000 years a date line holds.
  ...[2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000].map((years) => years * 364 * DAY),
];

/** 1970-01-05, a Monday: weeks are counted from it. */
const MONDAY_MS = 4 * DAY * 1000;

/** The first multiple of the step at or after `first`. */
function firstTick(first: LocalTime, step: number): LocalTime {
  const ms = step * 1000;
  const origin = step % (7 * DAY) === 0 ? MONDAY_MS : 0;
  return origin + Math.ceil((first - origin) / ms) * ms;
}

/** True when both times fall on the same calendar day (zone-less, so UTC fields). */
function sameDay(a: LocalTime, b: LocalTime): boolean {
  return Math.floor(a / (DAY * 1000)) === Math.floor(b / (DAY * 1000));
}

/**
 * The shortest step that keeps at most `maxTicks` labels on the axis, so labels never
 * overlap, and a format that says no more than the step needs: the date is on a
 * line of its own when the axis crosses midnight.
 */
export function timeTicks(first: LocalTime, last: LocalTime, maxTicks: number): TimeTicks {
  const span = Math.max(0, last - first) / 1000;
  const most = Math.max(1, Math.floor(maxTicks));
  const step = STEPS.find((s) => Math.floor(span / s) + 1 <= most) ?? STEPS[STEPS.length - 1]!;
  const start = firstTick(first, step);
  if (step >= DAY) return { start, stepSeconds: step, format: '%Y-%m-%d' };
  const clock = step < MINUTE ? '%H:%M:%S' : '%H:%M';
  return { start, stepSeconds: step, format: sameDay(first, last) ? clock : `%m-%d\\n${clock}` };
}

/** The width of a depth label in pixels at the font size the script sets for it (`,10`), and a gap. */
const DEPTH_LABEL_CHAR_PX = 6.5;
const DEPTH_LABEL_GAP_PX = 5;

export interface DepthTic {
  readonly order: number;
  /** Empty for a tick without a label: its neighbours' labels would touch it. */
  readonly label: string;
}

/**
 * A tick per order on the depth axis, labelled with its block size. When the axis is
 * too short for every label (17 orders on a narrow picture), only every second (or
 * third…) order from 4K up is labelled, so labels never overlap.
 */
export function depthTics(orders: readonly { order: number; sizeKiB: number }[], axisPixels: number): DepthTic[] {
  const labels = orders.map((o) => formatKiB(o.sizeKiB));
  const widest = Math.max(0, ...labels.map((l) => l.length)) * DEPTH_LABEL_CHAR_PX + DEPTH_LABEL_GAP_PX;
  const first = orders[0]?.order ?? 0;
  const last = orders[orders.length - 1]?.order ?? 0;
  const perOrder = axisPixels / (last - first + 1);
  const every = Math.max(1, Math.ceil(widest / perOrder));
  return orders.map((o, i) => ({ order: o.order, label: (o.order - first) % every === 0 ? labels[i]! : '' }));
}
