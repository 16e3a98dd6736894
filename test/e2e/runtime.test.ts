// The Node.js the tests run on. CI runs `npm test` once per supported version (.ci/run) with
// that version's node first on PATH and FMFI_TEST_NODE set to its version; these check that it
// took, so a run cannot pass on the machine's Node.js while claiming another. Every test file
// starts fmfi-plot with process.execPath, so the program runs on the same version.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const expected = process.env.FMFI_TEST_NODE;

describe.skipIf(expected === undefined)(`Node.js ${process.version}`, () => {
  it('is the version CI asked for (FMFI_TEST_NODE)', () => {
    expect(process.version).toBe(expected);
  });

  it('is also the node on PATH, which npm and #!/usr/bin/env node run', () => {
    const r = spawnSync('node', ['-p', 'process.execPath + " " + process.version'], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe(`${process.execPath} ${process.version}`);
  });
});
