// Fuzzing the command line: `fmfi-plot csv` and the chart, as subprocesses, on logs damaged at random.
//
// Each case starts the built CLI (run `npm run build` first) with a time limit: a run that
// does not end in time is killed and fails the case as a hang.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLog } from '../../fixtures/generate.js';
import { formatDiagnostic } from '../../src/report.js';
import { ByteBuilder } from '../../src/views/bytes.js';
import { csvHeader } from '../../src/views/csv/rfc4180.js';
import { CsvWriter, type Dialect } from '../../src/views/csv/writer.js';
import type { Diagnostic } from '../../src/model.js';
import { nameDiagnostics, parseLog } from '../../src/formats/read.js';
import { openReader } from '../../src/formats/registry.js';
import { displayName } from '../../src/io/chunks.js';
import { runBounded, type BoundedResult } from '../helpers/bounded.js';
import { damage, damageArb } from './damage.js';
import { logLines, samplesArb, type LogLine } from './logs.js';
import { diagnosticLine, expectAwkCsv, expectRfcCsv } from './oracle.js';
import { cliRuns, params, timeLimit } from './runs.js';

/** A run that takes longer than this is taken to hang. */
const HANG_MS = 30_000;
/** Some cases carry a line of several megabytes. */
const LONGEST_LINE = 4 << 20;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fmfi-fuzz-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectEnded(r: BoundedResult): void {
  expect(r.timedOut, `fmfi-plot hung: killed after ${HANG_MS} ms`).toBe(false);
  expect(r.signal, 'fmfi-plot was killed by a signal').toBe(null);
  expect([0, 1], `exit status ${r.status}; stderr:\n${r.stderr}`).toContain(r.status);
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
}

/** What `fmfi-plot csv` must print for one log, by the library in-process: CSV bytes and diagnostics. */
function expectedCsv(bytes: Buffer, source: string, dialect: Dialect): { csv: Buffer; diagnostics: Diagnostic[] } {
  const name = displayName(source);
  const diagnostics = nameDiagnostics(source);
  const out = new ByteBuilder();
  const writer = new CsvWriter(dialect, null, name, (d) => diagnostics.push(d));
  // The whole log in one piece; each sample written as the parser ends it, as the command
  // does, so a note of the writer's stands among the parser's messages where its sample ended.
  const reader = openReader(name, { sample: (s) => writer.sample(s, out), diagnostic: (d) => diagnostics.push(d) });
  reader.write(bytes);
  reader.end();
  return { csv: out.take(), diagnostics };
}

/** Checks stderr line by line: every line is about one of the files and says only what the parser said. */
function expectReported(stderr: string, files: ReadonlyArray<{ name: string; diagnostics: readonly Diagnostic[] }>, limit: number, extra: RegExp[] = []): void {
  const lines = stderr.split('\n').filter((l) => l !== '');
  for (const { name, diagnostics } of files) {
    const mine = lines.filter((l) => diagnosticLine(name).test(l));
    const more = mine.map((l) => /: (\d+) more warnings? not shown$/.exec(l)).find((m) => m !== null);
    const shown = mine.filter((l) => !/ more warnings? not shown$/.test(l));
    const said = new Set(diagnostics.map(formatDiagnostic));
    for (const l of shown) expect(said.has(l), `"${l}" is a diagnostic of ${name}`).toBe(true);
    expect(shown.length + Number(more?.[1] ?? 0)).toBe(diagnostics.length);
    if (limit > 0) expect(shown.length).toBeLessThanOrEqual(limit);
  }
  for (const l of lines) {
    const known = files.some((f) => diagnosticLine(f.name).test(l)) || extra.some((e) => e.test(l));
    expect(known, `unexpected stderr line: ${l}`).toBe(true);
  }
}

const damagedLogArb = fc.tuple(samplesArb, damageArb(LONGEST_LINE)).map(([samples, d]) => damage(logLines(samples), d));

describe('fmfi-plot csv on damaged logs', () => {
  it('ends in time with exit 0 (1 under --strict with warnings), every row well-formed, every message in shape', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(damagedLogArb, { minLength: 1, maxLength: 3 }),
        fc.record({
          dialect: fc.constantFrom<Dialect>('awk', 'csv'),
          strict: fc.boolean(),
          warnings: fc.constantFrom(0, 3, 20),
          stdin: fc.nat({ max: 5 }),
        }),
        async (logs, o) => {
          const names = logs.map((bytes, i) => {
            if (i === o.stdin) return '-';
            const path = join(dir, `case-${i}.log`);
            writeFileSync(path, bytes);
            return path;
          });
          const expected = logs.map((bytes, i) => expectedCsv(bytes, names[i]!, o.dialect));
          const args = ['csv', '--dialect', o.dialect, '--warnings', String(o.warnings), ...(o.strict ? ['--strict'] : []), ...names];
          const r = await runBounded(args, { input: logs[o.stdin], timeoutMs: HANG_MS });
          expectEnded(r);
          const warned = expected.some((e) => e.diagnostics.some((d) => d.severity === 'warning'));
          expect(r.status).toBe(o.strict && warned ? 1 : 0);
          const body = Buffer.concat(expected.map((e) => e.csv));
          const want = o.dialect === 'csv' ? Buffer.concat([Buffer.from(csvHeader()), body]) : body;
          expect(r.stdout.equals(want), 'stdout is the CSV the library makes of the same bytes').toBe(true);
          if (o.dialect === 'awk') expectAwkCsv(r.stdout.toString('latin1'));
          else expectRfcCsv(r.stdout.toString('latin1'), true);
          const files = names.map((n, i) => ({ name: n === '-' ? '<stdin>' : n, diagnostics: expected[i]!.diagnostics }));
          expectReported(r.stderr, files, o.warnings);
        },
      ),
      params(cliRuns(40), timeLimit(cliRuns(40), 300)),
    );
  }, timeLimit(cliRuns(40), 300));

  // A log of some 8 MB is read in many chunks, ahead of the parser: damage anywhere in it,
  // across chunk boundaries too, must come out as the library parses the whole at once.
  it('on a large damaged log, the CSV and every message are what the library makes of the whole', async () => {
    const base = generateLog({ samples: 20_000, seed: 11, domains: 1 });
    const lines: LogLine[] = base.split('\n').map((text) => ({ kind: 'frame', text }));
    lines.pop();
    await fc.assert(
      fc.asyncProperty(damageArb(LONGEST_LINE), fc.constantFrom<Dialect>('awk', 'csv'), fc.constantFrom(0, 3), async (d, dialect, warnings) => {
        const bytes = damage(lines, d);
        const path = join(dir, 'large.log');
        writeFileSync(path, bytes);
        const r = await runBounded(['csv', '--dialect', dialect, '--warnings', String(warnings), path], { timeoutMs: HANG_MS * 2 });
        expectEnded(r);
        expect(r.status).toBe(0);
        const want = expectedCsv(bytes, path, dialect);
        const head = dialect === 'csv' ? Buffer.from(csvHeader()) : Buffer.alloc(0);
        expect(r.stdout.equals(Buffer.concat([head, want.csv])), 'stdout is the CSV the library makes').toBe(true);
        if (warnings === 0) expect(r.stderr).toBe(want.diagnostics.map((x) => `${formatDiagnostic(x)}\n`).join(''));
        else expectReported(r.stderr, [{ name: path, diagnostics: want.diagnostics }], warnings);
      }),
      params(cliRuns(3), timeLimit(cliRuns(3), 2000)),
    );
  }, timeLimit(cliRuns(3), 2000));
});

describe('fmfi-plot (the chart) on damaged logs', () => {
  it('ends in time with exit 0 (1 under --strict with warnings); a chart that is well-formed SVG, or none without samples', async () => {
    await fc.assert(
      fc.asyncProperty(damagedLogArb, fc.record({ png: fc.boolean(), strict: fc.boolean() }), async (bytes, o) => {
        const caseDir = mkdtempSync(join(dir, 'chart-'));
        const log = join(caseDir, 'damaged.log');
        writeFileSync(log, bytes);
        const out = join(caseDir, 'out');
        // The index page is written from what the damaged log gave; its comparison chart, the one costly part, is left out.
        const args = [log, '-o', out, '--jobs', '1', '--warnings', '0', '--index-compare', '0', ...(o.png ? ['--format', 'png'] : []), ...(o.strict ? ['--strict'] : [])];
        const r = await runBounded(args, { timeoutMs: HANG_MS });
        expectEnded(r);
        const window = parseLog(bytes, log);
        const drawn = window.samples.some((s) => s.domains.length > 0);
        const warned = window.diagnostics.some((x) => x.severity === 'warning');
        expect(r.status).toBe(o.strict && warned ? 1 : 0);
        const summary = `fmfi-plot: ${drawn ? 1 : 0} rendered, 0 up to date, ${drawn ? 0 : 1} without samples, 0 failed`;
        expect(r.stderr.endsWith(`${summary}\n`)).toBe(true);
        expectReported(r.stderr, [{ name: log, diagnostics: window.diagnostics }], 0, [/^fmfi-plot: \d+ rendered, /]);
        const files = readdirSync(out).sort();
        if (drawn) expect(readFileSync(join(out, 'index.html'), 'utf8').match(/<tr>/g)).toHaveLength(2); // the head and one window
        if (!drawn) {
          expect(files).toEqual([]);
        } else if (o.png) {
          expect(files).toEqual(['damaged.png', 'index.html', 'index.json']);
          expect(readFileSync(join(out, 'damaged.png')).subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
        } else {
          expect(files).toEqual(['damaged.svg', 'index.html', 'index.json']);
          const svg = readFileSync(join(out, 'damaged.svg'), 'utf8');
          expect(XMLValidator.validate(svg)).toBe(true);
          expect(svg).not.toMatch(/NaN|Infinity|undefined/);
          expect(svg).toContain('<title>damaged.log</title>');
        }
        rmSync(caseDir, { recursive: true, force: true });
      }),
      params(cliRuns(20), timeLimit(cliRuns(20), 700)),
    );
  }, timeLimit(cliRuns(20), 700));
});
