// Generated logs in the exact kernel format, as lines that remember what they are, for damaging and following.
import fc from 'fast-check';
import { formatLogTime } from '../../src/time.js';

export interface RowLine {
  readonly kind: 'row';
  readonly text: string;
  /** The sample's date line as written, and the row's values: what must come out for it. */
  readonly date: string;
  readonly domain: number;
  readonly order: number;
  readonly sizeKiB: number;
  readonly fmfi: number;
}

export interface DateLine {
  readonly kind: 'date';
  readonly text: string;
}

/** Everything else the cron job and sysctl write: blank lines, `--`, headers, DOMAIN lines. */
export interface FrameLine {
  readonly kind: 'frame';
  readonly text: string;
}

/** A line put in by damage: junk, a bad date, a stray DOMAIN line, a very long line. */
export interface JunkLine {
  readonly kind: 'junk';
  readonly text: string;
  readonly junk: JunkKind;
}

export type LogLine = RowLine | DateLine | FrameLine | JunkLine;

export const JunkKind = {
  /** Bytes that look like nothing in a log (an error message, an editor's damage). */
  bytes: 'bytes',
  /** Shaped like a date line, but no real time: `2024-13-45_99:99:99`. */
  badDate: 'badDate',
  /** Shaped like an FMFI row, with a value or field the kernel never prints. */
  badRow: 'badRow',
  /** `DOMAIN n`, well-formed: it moves the rows after it to domain n. */
  domain: 'domain',
  /** `DOMAIN x` that is not one. */
  badDomain: 'badDomain',
  /** Lines of the sysctl's frame in the wrong place: `--`, the header, its name. */
  frame: 'frame',
  /** A stray line with a date inside it. */
  embeddedDate: 'embeddedDate',
  /** Longer than any line of a log (64 KiB, the parser's limit, and more). */
  long: 'long',
} as const;
export type JunkKind = keyof typeof JunkKind;

export interface GenSample {
  readonly time: number;
  /** Empty: the kernel has no vm.phys_frag_idx (sysctl wrote only to stderr). */
  readonly domains: ReadonlyArray<{ readonly domain: number; readonly rows: ReadonlyArray<{ order: number; sizeKiB: number; fmfi: number }> }>;
}

/** Mostly this year; now and then any year `date` prints in four digits, 0000 included. */
const yearArb = fc.oneof(
  { weight: 8, arbitrary: fc.constant(2024) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 9999 }) },
);

const fmfiArb = fc.oneof(
  { weight: 10, arbitrary: fc.integer({ min: -5_000_000, max: 1000 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1000, -1000, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER) },
  { weight: 1, arbitrary: fc.maxSafeInteger() },
);

/** Logs as the kernel and the cron job write them. */
export const samplesArb: fc.Arbitrary<GenSample[]> = fc
  .record({
    start: fc.record({
      year: yearArb,
      dayMs: fc.integer({ min: 0, max: 364 * 86_400_000 }),
    }),
    orders: fc.integer({ min: 1, max: 20 }),
    domains: fc.uniqueArray(fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 7 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 999_999_999 }) }), {
      minLength: 1,
      maxLength: 4,
    }),
    pageKiB: fc.constantFrom(4, 16, 64),
    steps: fc.array(
      fc.record({
        dtSeconds: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(60, 300, 600) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 10_000_000 }) }),
        output: fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      }),
      { maxLength: 12 },
    ),
    values: fc.array(fmfiArb, { minLength: 1, maxLength: 64 }),
  })
  .map(({ start, orders, domains, pageKiB, steps, values }) => {
    // setUTCFullYear, not Date.UTC: Date.UTC reads years below 100 as 19xx.
    const first = new Date(Date.UTC(2000, 0, 1) + start.dayMs);
    first.setUTCFullYear(start.year);
    let t = first.getTime();
    let v = 0;
    return steps.map(({ dtSeconds, output }) => {
      t += dtSeconds * 1000;
      if (!output || new Date(t).getUTCFullYear() > 9999) return { time: t, domains: [] };
      return {
        time: t,
        domains: domains.map((domain) => ({
          domain,
          rows: Array.from({ length: orders }, (_, i) => {
            const order = orders - 1 - i;
            return { order, sizeKiB: pageKiB * 2 ** order, fmfi: values[v++ % values.length]! };
          }),
        })),
      };
    }).filter((s) => new Date(s.time).getUTCFullYear() <= 9999);
  });

/** The kernel's row: `  %2d (%6dK) |  %ld ` (with its trailing blank). */
export function rowText(order: number, sizeKiB: number, fmfi: number): string {
  return `  ${String(order).padStart(2)} (${String(sizeKiB).padStart(6)}K) |  ${fmfi} `;
}

/** The lines of a log, each knowing what it is. */
export function logLines(samples: readonly GenSample[]): LogLine[] {
  const lines: LogLine[] = [];
  const frame = (text: string): void => void lines.push({ kind: 'frame', text });
  for (const s of samples) {
    const date = formatLogTime(s.time);
    lines.push({ kind: 'date', text: date });
    if (s.domains.length > 0) {
      frame('vm.phys_frag_idx: ');
      for (const d of s.domains) {
        frame('--');
        frame('');
        frame(`DOMAIN ${d.domain}`);
        frame('');
        frame('  ORDER (SIZE) |  FMFI');
        frame('--');
        for (const r of d.rows) {
          lines.push({ kind: 'row', text: rowText(r.order, r.sizeKiB, r.fmfi), date, domain: d.domain, ...r });
        }
      }
      frame('');
    }
    frame('');
  }
  return lines;
}

/** The log's bytes: latin1, so junk bytes stay the bytes they are. */
export function logBytes(lines: readonly LogLine[], eol: '\n' | '\r\n' = '\n'): Buffer {
  return Buffer.from(lines.map((l) => `${l.text}${eol}`).join(''), 'latin1');
}
