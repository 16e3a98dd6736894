// `fmfi-plot csv` against fixtures/golden, what parse_vm_frag.awk printed: runs with no awk and no reference beside the clone.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES as CATALOGUE } from '../../fixtures/catalogue.js';
import { COUNT_LOG, CSV_CASES, caseInput, csvGoldenPath, readManifest, sha256, type CsvCase } from '../../fixtures/golden-cases.js';
import { FIXTURES, runCli, runCliAsync } from '../helpers/cli.js';

const manifest = readManifest(FIXTURES);
const STALE = 'changed since the goldens were made: run npm run golden';

/** The golden of a case, after checking it was made from the input the case has today. */
function golden(c: CsvCase, input: Buffer): { bytes: number; sha256: string; text: string | null } {
  const g = manifest.csv[c.id];
  if (g === undefined) throw new Error(`no golden for ${c.id}: run npm run golden`);
  expect(sha256(input), `the input of ${c.id} ${STALE}`).toBe(g.input);
  return { bytes: g.bytes, sha256: g.sha256, text: g.file ? readFileSync(csvGoldenPath(FIXTURES, c.id), 'latin1') : null };
}

/** The output against its golden: the text where it is committed whole (a readable diff), else size and hash. */
function expectGolden(c: CsvCase, input: Buffer, out: Buffer): void {
  const g = golden(c, input);
  if (g.text !== null) expect(out.toString('latin1')).toBe(g.text);
  expect({ bytes: out.length, sha256: sha256(out) }).toEqual({ bytes: g.bytes, sha256: g.sha256 });
}

const misread = new Set(CATALOGUE.filter((f) => !f.awkReadsIt && !COUNT_LOG.test(f.name)).map((f) => f.name.replace(/\.log$/, '')));
const byId = (id: string): CsvCase => CSV_CASES.find((c) => c.id === id)!;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fmfi-golden-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fixtures/golden', () => {
  it('has a golden for every case, made by the awks the case names', () => {
    expect(Object.keys(manifest.csv)).toEqual(CSV_CASES.map((c) => c.id));
    for (const c of CSV_CASES) expect(manifest.csv[c.id]?.awks, c.id).toEqual(c.awks);
  });
});

describe('fmfi-plot csv prints what parse_vm_frag.awk printed (fixtures/golden)', () => {
  it.each(CSV_CASES.filter((c) => !misread.has(c.id)).map((c) => [c.id, c] as const))('on %s', { timeout: 180_000 }, async (_id, c) => {
    const input = caseInput(FIXTURES, c.input);
    // As the user gives them: fixtures by name (several at once as `cat a b | awk`), a generated log as a file.
    let args: string[];
    if ('fixtures' in c.input) {
      args = c.input.fixtures.map((f) => join(FIXTURES, f));
    } else {
      args = [join(dir, `${c.id}.log`)];
      writeFileSync(args[0]!, input);
    }
    const ours = await runCliAsync(['csv', ...args]);
    expect(ours.status).toBe(0);
    expectGolden(c, input, ours.stdout);
  });

  it('on standard input', () => {
    const c = byId('numa-4-domains');
    const input = caseInput(FIXTURES, c.input);
    expectGolden(c, input, runCli(['csv', '-'], { input }).stdout);
  });
});

/** Where the awk script goes wrong: fmfi-plot prints its rows, put right (the messages are in e2e/csv.test.ts). */
describe('where parse_vm_frag.awk went wrong (fixtures/golden)', () => {
  const lines = (s: string): string[] => s.split('\n').filter(Boolean);
  /** fmfi-plot's output and the golden of awk's, as text. */
  function both(id: string): { ours: string; theirs: string } {
    const c = byId(id);
    const theirs = golden(c, caseInput(FIXTURES, c.input)).text;
    expect(theirs, `${id} is committed whole`).not.toBeNull();
    return { ours: runCli(['csv', join(FIXTURES, `${id}.log`)]).stdout.toString('latin1'), theirs: theirs! };
  }

  it('covers every fixture the awk script misreads', () => {
    expect([...misread].sort()).toEqual(['bad-date', 'crlf', 'cut-off', 'orders-17', 'rows-before-date']);
  });

  it('a cut-off last row: awk printed a wrong number, fmfi-plot skips the row', () => {
    const { ours, theirs } = both('cut-off');
    expect(lines(theirs).at(-1)).toBe('0 2024-04-08_10:25:00 -1');
    expect(lines(ours)).toEqual(lines(theirs).slice(0, -1));
  });

  it('CRLF: awk put a carriage return into the date, fmfi-plot does not', () => {
    const { ours, theirs } = both('crlf');
    expect(theirs).toContain('\r');
    expect(ours).toBe(theirs.replace(/\r/g, ''));
  });

  it('block sizes of 100000K and more: awk dropped the rows, fmfi-plot keeps them', () => {
    const { ours, theirs } = both('orders-17');
    expect(lines(ours).filter((l) => !/^1[56] /.test(l))).toEqual(lines(theirs));
    expect(lines(ours).filter((l) => /^16 /.test(l))).toHaveLength(48);
  });

  it('rows before the first date: awk printed them without a date, fmfi-plot skips them', () => {
    const { ours, theirs } = both('rows-before-date');
    expect(lines(theirs).filter((l) => /^\d+  /.test(l))).toHaveLength(13);
    expect(lines(ours)).toEqual(lines(theirs).filter((l) => !/^\d+  /.test(l)));
  });

  it('a date that is no real date: awk printed it, fmfi-plot skips its sample', () => {
    const { ours, theirs } = both('bad-date');
    expect(theirs).toContain('2024-13-45');
    expect(lines(ours)).toEqual(lines(theirs).filter((l) => !l.includes('2024-13-45')));
  });
});
