// Fuzzing the parser in-process: logs damaged at random never make it throw, lie or lose a row in silence.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/report.js';
import type { Diagnostic, Sample } from '../../src/model.js';
import { parseLog } from '../../src/formats/read.js';
import { FragIdxScanner } from '../../src/formats/frag-idx/scanner.js';
import { formatLogTime } from '../../src/time.js';
import { damage, damageArb, insertionsArb, insertJunk } from './damage.js';
import { logBytes, logLines, samplesArb, type LogLine, type RowLine } from './logs.js';
import {
  awkCsv,
  diagnosticLine,
  expectAwkCsv,
  expectRfcCsv,
  expectSound,
  expectTypedSamples,
  expectWellFormedDiagnostics,
  rfcCsv,
  ROW_LINE,
  rowsSkippedWithDate,
  textLines,
} from './oracle.js';
import { params, parserRuns, timeLimit } from './runs.js';

/** The slowest property takes some 4 ms a case. */
const LIMIT = timeLimit(parserRuns(), 5);

const SOURCE = 'damaged.log';

/** Rows by what they say, not by which domain they landed in: a stray DOMAIN line may move them. */
const valueKey = (date: string, order: number, sizeKiB: number, fmfi: number): string => `${date} ${order} ${sizeKiB} ${fmfi}`;
const domainKey = (date: string, domain: number, order: number, sizeKiB: number, fmfi: number): string =>
  `${date} ${domain} ${order} ${sizeKiB} ${fmfi}`;

function parsedRows(samples: readonly Sample[]): Array<{ value: string; withDomain: string }> {
  return samples.flatMap((s) =>
    s.domains.flatMap((d) =>
      d.orders.map((r) => {
        const date = formatLogTime(s.time);
        return { value: valueKey(date, r.order, r.sizeKiB, r.fmfi), withDomain: domainKey(date, d.domain, r.order, r.sizeKiB, r.fmfi) };
      }),
    ),
  );
}

/** The parser fed `bytes` in pieces cut at `cuts`. */
/** A sample as plain new objects: what a sink of reused samples must do to keep one. */
const copySample = (s: Sample): Sample => ({
  time: s.time,
  line: s.line,
  domains: s.domains.map((d) => ({ domain: d.domain, orders: d.orders.map((r) => ({ order: r.order, sizeKiB: r.sizeKiB, fmfi: r.fmfi })) })),
});

function parseInPieces(bytes: Buffer, cuts: readonly number[], maxLineLength: number, reuseSamples = false): { samples: Sample[]; diagnostics: Diagnostic[] } {
  const samples: Sample[] = [];
  const diagnostics: Diagnostic[] = [];
  const keep = (s: Sample): number => samples.push(reuseSamples ? copySample(s) : s);
  const parser = new FragIdxScanner(SOURCE, { sample: keep, diagnostic: (d) => diagnostics.push(d) }, { maxLineLength, reuseSamples });
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  for (const to of [...at, bytes.length]) {
    // Copied: a reader reuses its buffer, so the parser must not keep a view of a chunk.
    const piece = Buffer.from(bytes.subarray(from, to));
    parser.write(piece);
    piece.fill(0x58);
    from = to;
  }
  parser.end();
  return { samples, diagnostics };
}

describe('the parser on logs damaged at random', () => {
  it('never throws; says everything in well-formed diagnostics; gives only typed values that are in the log', { timeout: LIMIT }, () => {
    fc.assert(
      fc.property(samplesArb, damageArb(), (samples, d) => {
        const bytes = damage(logLines(samples), d);
        const window = parseLog(bytes, SOURCE);
        expectWellFormedDiagnostics(bytes, window, SOURCE);
        for (const diagnostic of window.diagnostics) expect(formatDiagnostic(diagnostic)).toMatch(diagnosticLine(SOURCE));
        expectTypedSamples(window.samples);
        expectSound(bytes, window);
        expectAwkCsv(awkCsv(window));
        expectRfcCsv(rfcCsv(window), false);
      }),
      params(parserRuns(), LIMIT),
    );
  });

  it('gives the same samples and diagnostics however the bytes are split into chunks, with reused sample objects or not', { timeout: LIMIT }, () => {
    fc.assert(
      fc.property(
        samplesArb,
        damageArb(),
        fc.array(fc.nat(), { maxLength: 40 }),
        fc.constantFrom(40, 100, 1000, 64 * 1024),
        fc.boolean(),
        (samples, d, cuts, maxLineLength, reuse) => {
          const bytes = damage(logLines(samples), d);
          const whole = parseLog(bytes, SOURCE, { maxLineLength });
          const pieces = parseInPieces(bytes, cuts, maxLineLength, reuse);
          expect(pieces.samples).toEqual(whole.samples);
          expect(pieces.diagnostics).toEqual(whole.diagnostics);
        },
      ),
      params(parserRuns(), LIMIT),
    );
  });

  it('cut at any byte: what comes out is what the whole log gives up to there (but for the cut line)', { timeout: LIMIT }, () => {
    fc.assert(
      fc.property(samplesArb, damageArb(), fc.nat(), (samples, d, cutSeed) => {
        const bytes = damage(logLines(samples), d);
        const cut = bytes.subarray(0, cutSeed % (bytes.length + 1));
        const whole = parseLog(bytes, SOURCE).samples;
        const part = parseLog(cut, SOURCE).samples;
        // Samples closed by a whole date line before the cut line are as the whole log has them.
        const closed = Math.max(0, part.length - 2);
        expect(part.slice(0, closed)).toEqual(whole.slice(0, closed));
        // Every row is one the whole log gives too, in the same sample and domain, except one
        // the cut line may have become (`  3 (  32K) |  -11 ` cut from `  3 (  32K) |  -11 x`).
        const cutLine = ROW_LINE.exec(textLines(cut).at(-1) ?? '');
        const fromCutLine = cutLine === null ? null : `${Number(cutLine[1])} ${Number(cutLine[2])} ${Number(cutLine[3])}`;
        const left = new Map<string, number>();
        for (const r of parsedRows(whole)) left.set(r.withDomain, (left.get(r.withDomain) ?? 0) + 1);
        let excused = false;
        for (const s of part) {
          for (const dom of s.domains) {
            for (const r of dom.orders) {
              const key = domainKey(formatLogTime(s.time), dom.domain, r.order, r.sizeKiB, r.fmfi);
              const n = left.get(key) ?? 0;
              if (n > 0) left.set(key, n - 1);
              else if (!excused && `${r.order} ${r.sizeKiB} ${r.fmfi}` === fromCutLine) excused = true;
              else expect.unreachable(`row ${key} of the cut log is not in the whole log`);
            }
          }
        }
      }),
      params(parserRuns(), LIMIT),
    );
  });

  it('loses no row to junk inserted between intact lines, and says where each junk line is', { timeout: LIMIT }, () => {
    fc.assert(
      fc.property(samplesArb, insertionsArb(), fc.boolean(), (samples, insertions, crlf) => {
        const lines = insertJunk(logLines(samples), insertions);
        const window = parseLog(logBytes(lines, crlf ? '\r\n' : '\n'), SOURCE);
        // A date that is no real date inside a sample, which the rows after it go on with
        // (the next order down of the same domain): junk, said on its line, and the sample goes on.
        const resumed = new Set(window.diagnostics.filter((x) => x.code === 'DATE_IN_SAMPLE').map((x) => x.line));
        for (const line of resumed) expectGoesOn(lines, line);
        const expected = followRows(lines, resumed);

        // Any other date that is no real date: the rows after it, up to the next real date,
        // belong to no known time. They are skipped, and its warning counts them.
        const skippedWithDates = window.diagnostics
          .filter((x) => x.code === 'DATE_INVALID')
          .reduce((sum, x) => sum + rowsSkippedWithDate(x.message), 0);
        expect(skippedWithDates).toBe(expected.underBadDate);

        // A stray DOMAIN line can move rows into a domain that has their orders already:
        // each row skipped so is named by a warning on its own line.
        const repeated = window.diagnostics.filter((x) => x.code === 'ORDER_REPEATED').map((x) => x.line);
        for (const line of repeated) expect(expected.rowAt.has(line), `ORDER_REPEATED on line ${line} is on a row`).toBe(true);
        const strayDomains = lines.some((l) => l.kind === 'junk' && l.junk === 'domain');
        if (!strayDomains) expect(repeated).toEqual([]);
        const skippedRows = new Set(repeated);

        const kept = expected.kept.filter((k) => !skippedRows.has(k.line)).map((k) => k.row);
        const out = parsedRows(window.samples);
        if (strayDomains) {
          const sorted = (keys: string[]): string[] => [...keys].sort();
          expect(sorted(out.map((r) => r.value))).toEqual(sorted(kept.map((r) => valueKey(r.date, r.order, r.sizeKiB, r.fmfi))));
        } else {
          expect(out.map((r) => r.withDomain)).toEqual(kept.map((r) => domainKey(r.date, r.domain, r.order, r.sizeKiB, r.fmfi)));
        }

        // Junk that is nothing the log could mean is named on its own line.
        const said = new Set(window.diagnostics.map((x) => x.line));
        for (const j of expected.junk) {
          if (['bytes', 'badDate', 'badRow', 'badDomain', 'embeddedDate', 'long'].includes(j.kind)) {
            expect(said.has(j.line), `a warning on line ${j.line} (${j.kind})`).toBe(true);
          }
        }
      }),
      params(parserRuns(), LIMIT),
    );
  });
});

interface Followed {
  /** Rows under a real date, in log order, with their line numbers. */
  readonly kept: Array<{ line: number; row: RowLine }>;
  /** Rows after a date that is no real date (before the next real one). */
  readonly underBadDate: number;
  readonly rowAt: Map<number, RowLine>;
  readonly junk: Array<{ line: number; kind: string }>;
}

/**
 * A bad date line the parser took for junk inside a sample (at 1-based `line`): the row that
 * comes next, with no DOMAIN line between, is of a lower order than the row before it.
 */
function expectGoesOn(lines: readonly LogLine[], line: number): void {
  const at = line - 1;
  expect(lines[at]).toMatchObject({ kind: 'junk', junk: 'badDate' });
  const isDomainLine = (l: LogLine): boolean => (l.kind === 'frame' || l.kind === 'junk') && /^DOMAIN /.test(l.text.trim());
  let before: RowLine | undefined;
  for (let i = at - 1; i >= 0 && before === undefined; i--) {
    const l = lines[i]!;
    if (l.kind === 'row') before = l;
    // A DOMAIN line in between (a stray one too): which domain the rows go on is the parser's to say.
    else if (isDomainLine(l)) return;
    else if (l.kind === 'date' || (l.kind === 'junk' && l.junk === 'badDate')) break;
  }
  expect(before, `a row before the bad date on line ${line}`).toBeDefined();
  for (let i = at + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.kind === 'row') {
      expect(l.order, `the row on line ${i + 1} goes on down from the one before line ${line}`).toBeLessThan(before!.order);
      return;
    }
    if (l.kind === 'date' || isDomainLine(l)) return;
  }
}

/** Walks the lines as the cron job wrote them, knowing which are junk; the bad dates on `resumed` lines leave the sample open. */
function followRows(lines: readonly LogLine[], resumed: ReadonlySet<number> = new Set()): Followed {
  const kept: Array<{ line: number; row: RowLine }> = [];
  const rowAt = new Map<number, RowLine>();
  const junk: Array<{ line: number; kind: string }> = [];
  let underRealDate = false;
  let underBadDate = 0;
  lines.forEach((l, i) => {
    const line = i + 1;
    if (l.kind === 'date') underRealDate = true;
    else if (l.kind === 'junk') {
      junk.push({ line, kind: l.junk });
      if (l.junk === 'badDate' && !resumed.has(line)) underRealDate = false;
    } else if (l.kind === 'row') {
      rowAt.set(line, l);
      if (underRealDate) kept.push({ line, row: l });
      else underBadDate++;
    }
  });
  return { kept, underBadDate, rowAt, junk };
}
