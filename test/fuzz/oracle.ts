// What must hold of any parse and any output, however damaged the log: checked by means of the parser's own.
import { expect } from 'vitest';
import { awkLines } from '../../src/views/csv/awk.js';
import { csvHeader, csvLines } from '../../src/views/csv/rfc4180.js';
import type { BootWindow, Sample } from '../../src/model.js';
import { formatLogTime } from '../../src/time.js';

/** One line of the awk dialect, as parse_vm_frag.awk prints it. */
export const AWK_LINE = /^\d+ \d{4}-\d\d-\d\d_\d\d:\d\d:\d\d -?\d+$/;
/** One record of the csv dialect (after its header). */
export const CSV_RECORD = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d,\d+,\d+,\d+,-?\d+$/;
export const CSV_HEADER = 'time,domain,order,size_kib,fmfi';

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The lines a run may print on stderr about the file `file`: `FILE:LINE: warning: …`,
 * `FILE: warning: …` (notes alike), and `FILE: N more warnings not shown`.
 */
export function diagnosticLine(file: string): RegExp {
  const f = escapeRegExp(file);
  return new RegExp(`^${f}(?::[1-9]\\d*)?: (?:warning|note): \\S.*$|^${f}: [1-9]\\d* more warnings? not shown$`);
}

/** The text of each line as the parser sees it: latin1, one carriage return before the line end dropped. */
export function textLines(bytes: Buffer): string[] {
  const lines = bytes.toString('latin1').split('\n');
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** A line the parser may read as a row: order, size in KiB, FMFI. */
export const ROW_LINE = /^ *(\d{1,6}) \( *(\d{1,16})K\) \| +(-?\d{1,16})[ \t]*$/;
const DATE = /^[ \t]*(\d{4}-\d\d-\d\d_\d\d:\d\d:\d\d)[ \t]*$/;
/** A row cut short with the next sample's date line joined to it (`cat a b` of a log that ended in a crash). */
const JOINED_DATE = /^ *\d{1,2}(?: \( *\d*(?:K(?:\) ?(?:\|(?: +-?\d*)?)?)?)?)?(\d{4}-\d\d-\d\d_\d\d:\d\d:\d\d)[ \t]*$/;

/**
 * Nothing comes out that is not in the log: every sample's time is one of its date lines,
 * and every row one of its row lines (no more often than the log has it).
 */
export function expectSound(bytes: Buffer, window: BootWindow): void {
  const dates = new Set<string>();
  const rows = new Map<string, number>();
  for (const line of textLines(bytes)) {
    const d = DATE.exec(line) ?? JOINED_DATE.exec(line);
    if (d !== null) dates.add(d[1]!);
    const r = ROW_LINE.exec(line);
    if (r !== null) {
      const key = `${Number(r[1])} ${Number(r[2])} ${Number(r[3])}`;
      rows.set(key, (rows.get(key) ?? 0) + 1);
    }
  }
  for (const s of window.samples) {
    expect(dates.has(formatLogTime(s.time)), `sample time ${formatLogTime(s.time)} is a date line of the log`).toBe(true);
    for (const d of s.domains) {
      for (const r of d.orders) {
        const key = `${r.order} ${r.sizeKiB} ${r.fmfi}`;
        const left = rows.get(key) ?? 0;
        expect(left, `row ${key} is a row line of the log`).toBeGreaterThan(0);
        rows.set(key, left - 1);
      }
    }
  }
}

/** Every diagnostic has a code, a line within the log (0: the whole file) and a one-line sentence. */
export function expectWellFormedDiagnostics(bytes: Buffer, window: BootWindow, file: string): void {
  const lines = bytes.length === 0 ? 0 : textLines(bytes).length;
  for (const d of window.diagnostics) {
    expect(d.code).toMatch(/^[A-Z][A-Z_]+$/);
    expect(['warning', 'note']).toContain(d.severity);
    expect(d.file).toBe(file);
    expect(Number.isInteger(d.line) && d.line >= 0 && d.line <= lines, `line ${d.line} of ${lines}`).toBe(true);
    expect(d.message).toMatch(/^\S[^\r\n]*$/);
  }
}

/** Every sample holds typed values: a real time, whole numbers. */
export function expectTypedSamples(samples: readonly Sample[]): void {
  for (const s of samples) {
    expect(Number.isSafeInteger(s.time)).toBe(true);
    for (const d of s.domains) {
      expect(Number.isSafeInteger(d.domain) && d.domain >= 0).toBe(true);
      expect(d.orders.length).toBeGreaterThan(0);
      for (const r of d.orders) {
        expect(Number.isSafeInteger(r.order) && r.order >= 0).toBe(true);
        expect(Number.isSafeInteger(r.sizeKiB) && r.sizeKiB >= 0).toBe(true);
        expect(Number.isSafeInteger(r.fmfi)).toBe(true);
      }
    }
  }
}

/** The awk-dialect CSV of a parsed log, as `fmfi-plot csv` must print it. */
export function awkCsv(window: BootWindow): string {
  return window.samples.map((s) => awkLines(s)).join('');
}

/** The csv-dialect records of a parsed log, without the header. */
export function rfcCsv(window: BootWindow): string {
  return window.samples.map((s) => csvLines(s)).join('');
}

/** Every line is a well-formed awk-dialect line, and the text ends with a line end. */
export function expectAwkCsv(text: string): void {
  if (text === '') return;
  expect(text.endsWith('\n')).toBe(true);
  for (const line of text.slice(0, -1).split('\n')) expect(line).toMatch(AWK_LINE);
}

/** A header and well-formed records, each ended by CRLF (RFC 4180). */
export function expectRfcCsv(text: string, withHeader: boolean): void {
  let body = text;
  if (withHeader) {
    expect(text.startsWith(csvHeader())).toBe(true);
    body = text.slice(csvHeader().length);
  }
  if (body === '') return;
  expect(body.endsWith('\r\n')).toBe(true);
  for (const record of body.slice(0, -2).split('\r\n')) expect(record).toMatch(CSV_RECORD);
}

/** How many rows a DATE_INVALID warning says it skipped with its line. */
export function rowsSkippedWithDate(message: string): number {
  const m = /: line(?: and its (?:(\d+) rows|(row)))? skipped$/.exec(message);
  if (m === null) throw new Error(`not a DATE_INVALID message: ${message}`);
  return m[1] !== undefined ? Number(m[1]) : m[2] !== undefined ? 1 : 0;
}
