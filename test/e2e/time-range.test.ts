// End to end: --since and --until on every command, compared with the log's own zone-less times.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers/cli.js';

// Three days at one sample every ten minutes, from 2024-04-08 10:10.
const LOG = join(FIXTURES, 'vm_frag_20240408_1005.log');
const SINCE = ['--since', '2024-04-09_00:00:00', '--until', '2024-04-09T06:00'];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fmfi-range-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The distinct dates of the awk dialect's lines. */
function dates(csv: Buffer): string[] {
  return [...new Set(csv.toString().trim().split('\n').map((l) => l.split(' ')[1]!))];
}

describe('--since and --until', () => {
  it('csv keeps the samples between them, both ends included, whatever the zone of the machine', () => {
    const r = runCli(['csv', ...SINCE, LOG], { env: { ...process.env, TZ: 'Pacific/Chatham' } });
    expect(r.stderr).toBe('');
    const kept = dates(r.stdout);
    expect(kept[0]).toBe('2024-04-09_00:00:00');
    expect(kept.at(-1)).toBe('2024-04-09_06:00:00');
    expect(kept).toHaveLength(37);
    // The lines are those of the whole log, in order: nothing else changes.
    const all = runCli(['csv', LOG]).stdout.toString();
    expect(all).toContain(r.stdout.toString());
  });

  it('stats, gnuplot and compare see only those samples', () => {
    const stats = runCli(['stats', '--format', 'json', ...SINCE, LOG]);
    const doc = JSON.parse(stats.stdout.toString()) as { windows: Array<{ samples: number; first: string; last: string }> };
    expect(doc.windows[0]).toMatchObject({ samples: 37, first: '2024-04-09T00:00:00', last: '2024-04-09T06:00:00' });
    const gnuplot = runCli(['gnuplot', ...SINCE, LOG]).stdout.toString();
    expect(gnuplot).toContain('2024-04-09 00:00 – 2024-04-09 06:00 (6 h) · 37 samples');
    const out = join(dir, 'compare.svg');
    const compare = runCli(['compare', ...SINCE, LOG, '-o', out]);
    expect(compare.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('37 samples');
  });

  it('the chart draws only those samples and says so in its note', () => {
    const out = join(dir, 'charts');
    const r = runCli([...SINCE, LOG, '-o', out]);
    expect(r.status).toBe(0);
    const svg = readFileSync(join(out, 'vm_frag_20240408_1005.svg'), 'utf8');
    expect(svg).toContain('2024-04-09 00:00 – 2024-04-09 06:00 (6 h) · 37 samples');
    expect(svg).toContain('Only the samples between 2024-04-09 00:00:00 and 2024-04-09 06:00:00 (--since, --until).');
    // Another range is another chart: the rerun draws it again.
    expect(runCli([...SINCE, LOG, '-o', out]).stderr).toBe('fmfi-plot: 0 rendered, 1 up to date, 0 without samples, 0 failed\n');
    expect(runCli(['--since', '2024-04-10', LOG, '-o', out]).stderr).toBe('fmfi-plot: 1 rendered, 0 up to date, 0 without samples, 0 failed\n');
  });

  it('a range without samples warns with where the samples lie; a range that ends before it starts is a usage error', () => {
    const r = runCli(['csv', '--until', '2024-04-01', LOG]);
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBe(0);
    expect(r.stderr).toBe(`${LOG}: warning: no sample lies at or before 2024-04-01 00:00:00 (--until): its samples run from 2024-04-08 10:10:00 to 2024-04-11 10:00:00\n`);
    const backwards = runCli(['stats', '--since', '2024-04-10', '--until', '2024-04-09', LOG]);
    expect(backwards.status).toBe(2);
    expect(backwards.stderr).toMatch(/^fmfi-plot: --until \(2024-04-09 00:00:00\) is before --since \(2024-04-10 00:00:00\)/);
    const zoned = runCli(['csv', '--since', '2024-04-09T00:00:00Z', LOG]);
    expect(zoned.status).toBe(2);
    expect(zoned.stderr).toMatch(/without a zone/);
  });
});
