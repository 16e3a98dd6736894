// The awk-dialect CSV drives the original gnuplot template unchanged: render-all.sh's
// steps, with `fmfi-plot csv` in place of `awk -f parse_vm_frag.awk`.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../../helpers/cli.js';
import { needProgram } from '../../helpers/programs.js';
import { needReference } from '../../helpers/reference.js';

const reference = needReference();
const gnuplot = reference && needProgram('gnuplot', 'apt-get install gnuplot-nox');
const mawk = reference && needProgram('mawk', 'apt-get install mawk');

/** The name render-all.sh gives everything: the log's name without `.log`. */
const BASE = 'vm_frag_20240408_1005';

/**
 * render-all.sh in `dir` for fixtures/one-domain.log, with `toCsv` writing `${base}.csv`;
 * returns gnuplot's stderr and the SVG it wrote.
 */
function renderAll(dir: string, toCsv: (log: string, csv: string) => void): { stderr: string; svg: string } {
  // for log in vm_frag_*.log; do base=$(basename "${log}" .log)
  copyFileSync(join(FIXTURES, 'one-domain.log'), join(dir, `${BASE}.log`));
  // awk -f "$here/parse_vm_frag.awk" <"${log}" >"${base}.csv"
  toCsv(join(dir, `${BASE}.log`), join(dir, `${BASE}.csv`));
  // cp "$here/template.gnuplot" "${base}.gnuplot"; sed -i -e "s:%%NAME%%:${base}:g" "${base}.gnuplot"
  const template = readFileSync(reference!.template, 'utf8');
  expect(template).toContain('%%NAME%%');
  writeFileSync(join(dir, `${BASE}.gnuplot`), template.replaceAll('%%NAME%%', BASE));
  // gnuplot ./*.gnuplot
  const r = spawnSync(gnuplot!, [`./${BASE}.gnuplot`], { cwd: dir, encoding: 'utf8' });
  expect(r.status).toBe(0);
  const svgPath = join(dir, `${BASE}.svg`);
  expect(existsSync(svgPath)).toBe(true);
  return { stderr: r.stderr, svg: readFileSync(svgPath, 'utf8') };
}

/** `fmfi-plot csv` in place of awk: standard input in, the CSV file written with -o. */
function fmfiCsv(log: string, csv: string): void {
  const r = runCli(['csv', '-o', csv, '-'], { input: readFileSync(log) });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}

describe.skipIf(gnuplot === null)('the original template.gnuplot on fmfi-plot csv', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fmfi-template-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('draws a well-formed SVG, as render-all.sh does with awk', () => {
    const { stderr, svg } = renderAll(mkdtempSync(join(dir, 'fmfi-')), fmfiCsv);
    expect(stderr).toBe('');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain(`<text>${BASE}</text>`);
    // The data were drawn: the template's 13 plots leave many more paths than the axes alone.
    expect((svg.match(/<path /g) ?? []).length).toBeGreaterThan(100);
  });

  it.skipIf(mawk === null)('draws the very picture the awk pipeline draws', () => {
    const ours = renderAll(mkdtempSync(join(dir, 'fmfi-')), fmfiCsv);
    const theirs = renderAll(mkdtempSync(join(dir, 'awk-')), (log, csv) => {
      const awk = spawnSync(mawk!, ['-f', reference!.awkScript], { input: readFileSync(log) });
      expect(awk.status).toBe(0);
      writeFileSync(csv, awk.stdout);
    });
    expect(ours.svg).toBe(theirs.svg);
  });
});
