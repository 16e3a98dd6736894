// The Node.js the tests run on. CI runs `npm test` once per supported version (.ci/run) with
// that version's node first on PATH and FMFI_TEST_NODE set to its version; these check that it
// took, so a run cannot pass on the machine's Node.js while claiming another. Every test file
// starts fmfi-plot with process.execPath, so the program runs on the same version.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const expected = process.env.FMFI_TEST_NODE;
const ROOT = join(__dirname, '..', '..');

describe.skipIf(expected === undefined)(`Node.js ${process.version}`, () => {
  it('is the version CI asked for (FMFI_TEST_NODE)', () => {
    expect(process.version).toBe(expected);
  });

  it('is also the node on PATH, which npm and #!/usr/bin/env node run', () => {
    const r = spawnSync('node', ['-p', 'process.execPath + " " + process.version'], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe(`${process.execPath} ${process.version}`);
  });
});

describe('the supported versions', () => {
  it('are the ones CI tests, in package.json engines and the README alike', () => {
    const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
    const others = /^OTHER_MAJORS=\(([\d ]+)\)$/m.exec(ci)?.[1]?.split(' ').map(Number);
    expect(others).toBeDefined();
    // The machine's own Node.js (20) and the others CI installs.
    const majors = [20, ...others!];
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe(majors.map((m) => `^${m}`).join(' || '));
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`Node.js ${majors.slice(0, -1).join(', ')} and ${majors.at(-1)}: CI`);
  });
});
