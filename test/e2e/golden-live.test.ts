// fixtures/golden is what the original pipeline prints today: the real mawk, gawk and gnuplot run again on every case.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AWKS, CSV_CASES, SVG_CASE, caseInput, csvGoldenPath, readManifest, sha256, type Awk } from '../../fixtures/golden-cases.js';
import { programVersion, runAwk, runRenderAll } from '../../fixtures/reference.js';
import { BIN, FIXTURES } from '../helpers/cli.js';
import { inCI, needProgram } from '../helpers/programs.js';
import { needReference } from '../helpers/reference.js';

const reference = needReference();
const programs: Record<Awk | 'gnuplot', string | null> = {
  mawk: reference && needProgram('mawk', 'apt-get install mawk'),
  gawk: reference && needProgram('gawk', 'apt-get install gawk'),
  gnuplot: reference && needProgram('gnuplot', 'apt-get install gnuplot-nox'),
};
const manifest = readManifest(FIXTURES);
const STALE = 'run npm run golden and commit fixtures/golden';
const DRIFT = `the original pipeline no longer prints what fixtures/golden holds: ${STALE}`;
const sizeAndHash = (b: Buffer): { bytes: number; sha256: string } => ({ bytes: b.length, sha256: sha256(b) });

describe.each(AWKS)('fixtures/golden holds what %s -f parse_vm_frag.awk prints today', (awk) => {
  const program = programs[awk];
  const cases = CSV_CASES.filter((c) => c.awks.includes(awk));
  it.skipIf(program === null).each(cases.map((c) => [c.id, c] as const))('on %s', (id, c) => {
    const g = manifest.csv[id];
    expect(g, `no golden for ${id}: ${STALE}`).toBeDefined();
    const input = caseInput(FIXTURES, c.input);
    expect(sha256(input), `the input of ${id} changed: ${STALE}`).toBe(g!.input);
    const live = runAwk(reference!, program!, input);
    if (g!.file) expect(live.toString('latin1'), DRIFT).toBe(readFileSync(csvGoldenPath(FIXTURES, id), 'latin1'));
    expect(sizeAndHash(live), DRIFT).toEqual({ bytes: g!.bytes, sha256: g!.sha256 });
  });
});

describe('fixtures/golden holds the SVG render-all.sh draws today', () => {
  const { gnuplot, mawk } = programs;
  const g = manifest.svg[SVG_CASE.id]!;
  const log = join(FIXTURES, SVG_CASE.fixture);
  // gnuplot writes its version into the SVG: another version draws other bytes. A developer's
  // gnuplot may differ (skipped, with a line); CI's must be the one the golden was made with.
  const version = gnuplot && programVersion(gnuplot);
  const sameGnuplot = version === manifest.programs.gnuplot;
  if (version !== null && !sameGnuplot && !inCI) {
    process.stderr.write(`SKIP: the SVG golden was drawn by ${manifest.programs.gnuplot}, this is ${version}: its comparisons are skipped\n`);
  }
  const skip = gnuplot === null || (!sameGnuplot && !inCI);

  it.skipIf(skip || mawk === null)('with mawk as its awk', () => {
    expect(version, `the golden was drawn by another gnuplot: ${STALE}`).toBe(manifest.programs.gnuplot);
    expect(sha256(readFileSync(log)), `${SVG_CASE.fixture} changed: ${STALE}`).toBe(g.input);
    const live = runRenderAll(reference!, log, SVG_CASE.base, { command: [mawk!], isAwk: true });
    expect(live.stderr).toBe('');
    expect(sizeAndHash(live.svg), DRIFT).toEqual({ bytes: g.bytes, sha256: g.sha256 });
  });

  it.skipIf(skip)('and the very same picture with fmfi-plot csv in place of awk', () => {
    expect(version, `the golden was drawn by another gnuplot: ${STALE}`).toBe(manifest.programs.gnuplot);
    const live = runRenderAll(reference!, log, SVG_CASE.base, { command: [process.execPath, BIN, 'csv', '-'], isAwk: false });
    expect(live.stderr).toBe('');
    expect(sizeAndHash(live.svg)).toEqual({ bytes: g.bytes, sha256: g.sha256 });
  });
});
