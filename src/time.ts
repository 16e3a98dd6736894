// Zone-less wall-clock times: parse and format without ever consulting the local zone.
import type { LocalTime } from './model.js';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The LocalTime of the given fields, or null when they name no real time. */
export function localTime(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): LocalTime | null {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const days = month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (day > days) return null;
  // Date.UTC reads years 0 to 99 as 1900 to 1999; a date line says 0024 and means it.
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  t.setUTCHours(hour, minute, second, 0);
  return t.getTime();
}

/** The first and the last time a date line can hold: `0000-01-01_00:00:00` and `9999-12-31_23:59:59`. */
export const FIRST_LOG_TIME: LocalTime = localTime(0, 1, 1)!;
export const LAST_LOG_TIME: LocalTime = localTime(9999, 12, 31, 23, 59, 59)!;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function pad4(n: number): string {
  return String(n).padStart(4, '0');
}

const DAY_MS = 86_400_000;
// Consecutive samples share their day: its text is made once (this runs once per sample).
let cachedDay = NaN;
let cachedDayText = '';

/** `2024-04-08_10:05:00`, the cron job's `date "+%Y-%m-%d_%H:%M:%S"`. */
export function formatLogTime(t: LocalTime): string {
  const day = Math.floor(t / DAY_MS);
  if (day !== cachedDay) {
    const d = new Date(day * DAY_MS);
    cachedDayText = `${pad4(d.getUTCFullYear())}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}_`;
    cachedDay = day;
  }
  const s = Math.floor((t - day * DAY_MS) / 1000);
  return `${cachedDayText}${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`;
}

/** `2024-04-08T10:05:00`: ISO 8601 without a zone, as the data was logged. */
export function formatIsoLocal(t: LocalTime): string {
  const s = formatLogTime(t);
  return `${s.slice(0, 10)}T${s.slice(11)}`;
}

/** `2024-04-08 10:05`, for people. */
export function formatHuman(t: LocalTime, seconds = false): string {
  const s = formatLogTime(t);
  return `${s.slice(0, 10)} ${s.slice(11, seconds ? 19 : 16)}`;
}

/** `3 d 4 h`, `2 h 5 min`, `45 s`: a duration in the two largest units that matter. */
export function formatSpan(ms: number): string {
  if (ms < 0) return `-${formatSpan(-ms)}`;
  const s = Math.round(ms / 1000);
  const units: Array<[string, number]> = [['d', 86400], ['h', 3600], ['min', 60], ['s', 1]];
  const parts: string[] = [];
  let rest = s;
  for (const [name, size] of units) {
    const n = Math.floor(rest / size);
    if (n > 0 || (parts.length > 0 && parts.length < 2)) {
      if (n > 0) parts.push(`${n} ${name}`);
      rest -= n * size;
    }
    if (parts.length === 2) break;
  }
  return parts.length === 0 ? '0 s' : parts.join(' ');
}
