// A failure in fmfi-plot's own code is said to be a bug, with its stack; never blamed on the user's log.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReported } from '../../src/cli/inputs.js';
import { FIXTURES, ROOT } from '../helpers/cli.js';
import type { Reporter } from '../../src/report.js';

function quietReporter(): Reporter & { said: string[] } {
  const said: string[] = [];
  return { said, diagnostic: () => undefined, error: (m) => said.push(m), endFile: () => undefined, warnings: 0, errors: 0 };
}

describe('a bug while a log is read', () => {
  it('is thrown on, not reported as a log that cannot be read', async () => {
    const reporter = quietReporter();
    const boom = new Error('boom');
    await expect(readReported(join(FIXTURES, 'one-domain.log'), () => { throw boom; }, reporter)).rejects.toBe(boom);
    expect(reporter.said).toEqual([]);
  });

  it('a log that cannot be read is reported and skipped', async () => {
    const reporter = quietReporter();
    await expect(readReported(join(FIXTURES, 'no-such.log'), () => undefined, reporter)).resolves.toBeNull();
    expect(reporter.said).toEqual([`${join(FIXTURES, 'no-such.log')}: no such file`]);
  });

  it.each([
    ['gnuplot', 'summary/bins.js', 'TimeBinner'],
    ['stats', 'summary/stats.js', 'WindowStatsBuilder'],
    ['render', 'summary/bins.js', 'TimeBinner'],
  ])('ends `fmfi-plot %s` with the stack and a request to report it, exit 1', (command, module, cls) => {
    const script = [
      `const m = require(${JSON.stringify(join(ROOT, 'dist', 'src', module))});`,
      `m.${cls}.prototype.add = function () { throw new Error('boom in add'); };`,
      `require(${JSON.stringify(join(ROOT, 'dist', 'src', 'cli', 'main.js'))}).main(process.argv);`,
    ].join('\n');
    const out = mkdtempSync(join(tmpdir(), 'fmfi-bug-'));
    const args = command === 'render' ? ['render', '--jobs', '1', '-o', out] : [command];
    const r = spawnSync(process.execPath, ['-e', script, 'fmfi-plot', ...args, join(FIXTURES, 'one-domain.log')], { encoding: 'utf8' });
    expect(r.stderr).toContain('internal error (a bug in fmfi-plot, not a problem with your input; please report it with this message): Error: boom in add');
    expect(r.stderr).toMatch(/\n {4}at /);
    expect(r.stderr).not.toContain('cannot read');
    expect(r.status).toBe(1);
    expect(readdirSync(out)).toEqual([]);
    rmSync(out, { recursive: true, force: true });
  });
});
