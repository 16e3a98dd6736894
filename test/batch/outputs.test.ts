import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignOutputs, logStem, outputNamer, outputPathFor } from '../../src/batch/outputs.js';
import { clearLeftovers, tempOwner, tempPathFor } from '../../src/io/temp.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fmfi-outputs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('outputs of a batch', () => {
  it('names a chart after its log, and standard input stdin', () => {
    expect(outputPathFor('/var/tmp/vm_frag_20240408_1005.log', 'out', 'svg')).toBe(join('out', 'vm_frag_20240408_1005.svg'));
    expect(outputPathFor('-', 'out', 'png')).toBe(join('out', 'stdin.png'));
  });

  it('names the chart of a rotated or compressed log after the log, keeping newsyslog\'s number', () => {
    expect(outputPathFor('/var/tmp/vm_frag_20240408_1005.log.gz', 'out', 'svg')).toBe(join('out', 'vm_frag_20240408_1005.svg'));
    expect(outputPathFor('/var/tmp/vm_frag_20240408_1005.log.0.gz', 'out', 'svg')).toBe(join('out', 'vm_frag_20240408_1005.0.svg'));
    expect(outputPathFor('/var/tmp/vm_frag_20240408_1005.log.12', 'out', 'png')).toBe(join('out', 'vm_frag_20240408_1005.12.png'));
    expect(outputPathFor('x.log.xz', 'out', 'svg')).toBe(join('out', 'x.svg'));
    // Only a suffix is taken off.
    expect(outputPathFor('x.log.gz.txt', 'out', 'svg')).toBe(join('out', 'x.log.gz.txt.svg'));
  });

  it('names charts as path.join does, however the folder is spelled', () => {
    const part = fc.constantFrom('', '.', '..', 'out', 'charts', 'é');
    const folder = fc.tuple(fc.boolean(), fc.array(part, { maxLength: 5 })).map(([absolute, parts]) => `${absolute ? '/' : ''}${parts.join('/')}`);
    const log = fc.constantFrom('-', 'x.log', 'a/b/vm_frag_20240408_1005.log.0.gz', '/var/tmp/.log', 'dir/', '..log', 'a//y.log.xz');
    fc.assert(
      fc.property(folder, log, fc.constantFrom('svg', 'png'), (dir, input, ext) => {
        const name = input === '-' ? 'stdin' : logStem(basename(input));
        expect(outputNamer(dir, ext)(input)).toBe(join(dir, `${name}.${ext}`));
      }),
    );
  });

  it('refuses two logs that would share one output', () => {
    const { assigned, refused } = assignOutputs(['a/x.log', 'b/x.log', 'c/y.log'], 'out', 'svg');
    expect(assigned.map((a) => a.input)).toEqual(['a/x.log', 'c/y.log']);
    expect(refused.map((r) => r.message)).toEqual([
      `b/x.log: its output ${join('out', 'x.svg')} is already the output of a/x.log: skipped (rename one log)`,
    ]);
  });

  it('reads the writer of a temporary file from its name', () => {
    expect(tempOwner(basename(tempPathFor(join(dir, 'a.svg'))))).toBe(process.pid);
    expect(tempOwner('a.svg')).toBeNull();
  });

  it('clears what a killed run left, and leaves a running one alone', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout);
    const mine = basename(tempPathFor(join(dir, 'live.svg')));
    const left = basename(tempPathFor(join(dir, 'dead.svg'))).replace(`.${process.pid}-`, `.${deadPid}-`);
    for (const name of [mine, left, 'chart.svg']) writeFileSync(join(dir, name), 'x');
    expect(await clearLeftovers(dir)).toBe(1);
    expect(readdirSync(dir).sort()).toEqual([mine, 'chart.svg'].sort());
  });
});
