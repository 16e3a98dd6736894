// Time-axis ticks that never overlap: the finest calendar step whose labels fit the axis width.
//
// Two rows of labels: the step's own labels (`14:00`, `9`, `Apr`) and, below them, the
// larger unit they belong to (`2024-04-09`, `Apr 2024`, `2024`) at the first tick and
// wherever that unit changes. Times are zone-less wall-clock times stored as UTC
// milliseconds, so every calendar computation here uses UTC and nothing shifts them.
import type { LocalTime } from '../model.js';
import { FIRST_LOG_TIME, LAST_LOG_TIME } from '../time.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The width Vega itself assumes for a label when no canvas can measure text: 0.8 em a
 * character. DejaVu Sans digits are 0.64 em, so labels spaced by this never touch.
 */
export const CHAR_WIDTH_EM = 0.8;
/** Empty space kept between neighbouring labels, in pixels. */
export const LABEL_GAP = 12;

type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

interface Tier {
  readonly unit: Unit;
  readonly step: number;
  /** d3 time format of the tick labels (applied as UTC). */
  readonly format: string;
  /** The longest label the format can give, in characters. */
  readonly chars: number;
  /** The unit of the second label row, or null when there is none. */
  readonly major: 'day' | 'month' | 'year' | null;
}

const MAJOR_FORMAT = { day: '%Y-%m-%d', month: '%b %Y', year: '%Y' } as const;
const MAJOR_CHARS = { day: 10, month: 8, year: 4 } as const;

const TIERS: readonly Tier[] = [
  ...[1, 5, 15, 30].map((step): Tier => ({ unit: 'second', step, format: '%H:%M:%S', chars: 8, major: 'day' })),
  ...[1, 2, 5, 10, 15, 30].map((step): Tier => ({ unit: 'minute', step, format: '%H:%M', chars: 5, major: 'day' })),
  ...[1, 2, 3, 6, 12].map((step): Tier => ({ unit: 'hour', step, format: '%H:%M', chars: 5, major: 'day' })),
  ...[1, 2].map((step): Tier => ({ unit: 'day', step, format: '%-d', chars: 2, major: 'month' })),
  { unit: 'week', step: 1, format: '%-d', chars: 2, major: 'month' },
  ...[1, 2, 3, 6].map((step): Tier => ({ unit: 'month', step, format: '%b', chars: 3, major: 'year' })),
  ...[1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000].map((step): Tier => ({ unit: 'year', step, format: '%Y', chars: 4, major: null })),
];

/** The shortest distance between two ticks of a tier, in milliseconds. */
function minSpacing(tier: Tier): number {
  switch (tier.unit) {
    case 'second': return tier.step * SECOND;
    case 'minute': return tier.step * MINUTE;
    case 'hour': return tier.step * HOUR;
    case 'day': return tier.step * DAY;
    case 'week': return 7 * DAY;
    case 'month': return tier.step * 28 * DAY;
    case 'year': return tier.step * 365 * DAY;
  }
}

/** Midnight of the first of a month; `month` may run past 11. Date.UTC would read years 0 to 99 as 1900 to 1999. */
function monthStart(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 1);
  return d.getTime();
}

/** The first tick at or after t. */
function ceilTo(t: number, tier: Tier): number {
  const fixed = (ms: number, offset = 0) => Math.ceil((t - offset) / ms) * ms + offset;
  switch (tier.unit) {
    case 'second':
    case 'minute':
    case 'hour':
      // Every step divides the day, so epoch multiples fall on round clock times.
      return fixed(minSpacing(tier));
    case 'day':
      return fixed(tier.step * DAY);
    case 'week':
      // 1970-01-05 was a Monday.
      return fixed(7 * DAY, 4 * DAY);
    case 'month':
    case 'year': {
      const stepMonths = tier.unit === 'year' ? 12 * tier.step : tier.step;
      const d = new Date(t);
      let total = Math.ceil((d.getUTCFullYear() * 12 + d.getUTCMonth()) / stepMonths) * stepMonths;
      if (monthStart(Math.floor(total / 12), total % 12) < t) total += stepMonths;
      return monthStart(Math.floor(total / 12), total % 12);
    }
  }
}

function next(t: number, tier: Tier): number {
  switch (tier.unit) {
    case 'month':
    case 'year': {
      const d = new Date(t);
      const months = tier.unit === 'year' ? 12 * tier.step : tier.step;
      return monthStart(d.getUTCFullYear(), d.getUTCMonth() + months);
    }
    default:
      return t + minSpacing(tier);
  }
}

function majorKey(t: number, major: 'day' | 'month' | 'year'): number {
  const d = new Date(t);
  if (major === 'year') return d.getUTCFullYear();
  if (major === 'month') return d.getUTCFullYear() * 12 + d.getUTCMonth();
  return Math.floor(t / DAY);
}

export interface TimeTicks {
  /** Tick positions, ascending, inside the domain. */
  readonly values: LocalTime[];
  /** d3 time format of their labels, applied as UTC. */
  readonly format: string;
  /** Positions of the second label row: the first tick, then each tick where the larger unit changes. */
  readonly majorValues: LocalTime[];
  readonly majorFormat: string;
  /** Width the widest label may take (Vega's estimate), in pixels. */
  readonly labelWidth: number;
  readonly majorLabelWidth: number;
  /** `6 hour`: the step chosen, for tests and descriptions. */
  readonly step: string;
}

export function labelWidth(chars: number, fontSize: number): number {
  return Math.ceil(chars * CHAR_WIDTH_EM * fontSize);
}

/** Ticks for the domain [start, end] drawn `width` pixels wide with labels of `fontSize` pixels. */
export function chooseTimeTicks(start: LocalTime, end: LocalTime, width: number, fontSize: number): TimeTicks {
  const span = Math.max(end - start, SECOND);
  const pxPerMs = width / span;
  const fits = (tier: Tier) => minSpacing(tier) * pxPerMs >= labelWidth(tier.chars, fontSize) + LABEL_GAP;
  const tier = TIERS.find(fits) ?? TIERS[TIERS.length - 1]!;
  const values: number[] = [];
  // The guard bounds the loop even for an absurd domain; no fitting tier has more ticks than pixels.
  // Only times a date line can hold: bins reach beyond the samples, past the year 9999 too.
  const last = Math.min(end, LAST_LOG_TIME);
  for (let t = ceilTo(Math.max(start, FIRST_LOG_TIME), tier); t <= last && values.length <= width; t = next(t, tier)) values.push(t);

  const majorValues: number[] = [];
  const majorLabel = tier.major === null ? 0 : labelWidth(MAJOR_CHARS[tier.major], fontSize);
  if (tier.major !== null) {
    let previous: number | null = null;
    for (const t of values) {
      const key = majorKey(t, tier.major);
      if (key !== previous) majorValues.push(t);
      previous = key;
    }
    // The first label stands for the partial unit at the start; drop it when the next one would touch it.
    const [first, second] = majorValues;
    if (first !== undefined && second !== undefined && (second - first) * pxPerMs < majorLabel + LABEL_GAP) {
      majorValues.shift();
    }
  }
  return {
    values,
    format: tier.format,
    majorValues,
    majorFormat: tier.major === null ? '' : MAJOR_FORMAT[tier.major],
    labelWidth: labelWidth(tier.chars, fontSize),
    majorLabelWidth: majorLabel,
    step: `${tier.step} ${tier.unit}`,
  };
}

/** The one tick of a window of one instant: its time to the second, and its day below. */
export function instantTicks(t: LocalTime, fontSize: number): TimeTicks {
  return {
    values: [t],
    format: '%H:%M:%S',
    majorValues: [t],
    majorFormat: MAJOR_FORMAT.day,
    labelWidth: labelWidth(8, fontSize),
    majorLabelWidth: labelWidth(MAJOR_CHARS.day, fontSize),
    step: 'one instant',
  };
}
