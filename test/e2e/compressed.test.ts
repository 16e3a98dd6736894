// End to end: logs as newsyslog leaves them, rotated and gzip-compressed, read as they are; other compressions named.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers/cli.js';

let dir: string;
const LOG = join(FIXTURES, 'vm_frag_20240408_1005.log');
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fmfi-compressed-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('compressed logs', () => {
  it('csv, stats and gnuplot read a gzip-compressed log as the log itself, from a file or standard input', () => {
    const gz = join(dir, 'vm_frag_20240408_1005.log.0.gz');
    writeFileSync(gz, gzipSync(readFileSync(LOG)));
    for (const command of [['csv'], ['csv', '--dialect', 'csv'], ['stats'], ['gnuplot']]) {
      const plain = runCli([...command, LOG]);
      const packed = runCli([...command, gz]);
      expect(packed.stderr).toBe('');
      expect(packed.status).toBe(0);
      // The output names its log (stats, gnuplot): the same but for the name.
      expect(packed.stdout.toString().replaceAll(gz, LOG).replaceAll('vm_frag_20240408_1005.log.0.gz', 'vm_frag_20240408_1005.log')).toBe(plain.stdout.toString());
    }
    const piped = runCli(['csv', '-'], { input: gzipSync(readFileSync(LOG)) });
    expect(piped.stdout.equals(runCli(['csv', LOG]).stdout)).toBe(true);
  });

  it('draws the chart of a rotated log beside that of the current one, with the boot time of its name', () => {
    const logs = join(dir, 'var-tmp');
    mkdirSync(logs);
    copyFileSync(LOG, join(logs, 'vm_frag_20240408_1005.log'));
    writeFileSync(join(logs, 'vm_frag_20240408_1005.log.0.gz'), gzipSync(readFileSync(LOG)));
    const out = join(dir, 'charts');
    const r = runCli([join(logs, 'vm_frag_20240408_1005.log'), join(logs, 'vm_frag_20240408_1005.log.0.gz'), '-o', out]);
    expect(r.stderr).toBe('fmfi-plot: 2 rendered, 0 up to date, 0 without samples, 0 failed\n');
    expect(readdirSync(out).sort()).toEqual(['index.html', 'index.json', 'vm_frag_20240408_1005.0.svg', 'vm_frag_20240408_1005.svg']);
    const svg = readFileSync(join(out, 'vm_frag_20240408_1005.0.svg'), 'utf8');
    expect(svg).toContain('<title>vm_frag_20240408_1005.log.0.gz</title>');
    expect(svg).toContain('booted 2024-04-08 10:05');
  });

  it('reads a gzip log cut short up to the cut, with a warning naming the line', () => {
    const gz = gzipSync(readFileSync(LOG));
    const cut = join(dir, 'cut.log.gz');
    writeFileSync(cut, gz.subarray(0, Math.floor(gz.length / 2)));
    const r = runCli(['csv', cut]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^${cut.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: warning: the gzip data ends early or is damaged \\(unexpected end of file\\): the log is read up to there\\n`));
    const rows = r.stdout.toString().split('\n').length - 1;
    expect(rows).toBeGreaterThan(13);
    expect(runCli(['csv', LOG]).stdout.toString().startsWith(r.stdout.toString())).toBe(true);
  });

  it('names the command that decompresses a bzip2, xz or zstd log, skips it and does the others (exit 1)', () => {
    const xz = join(dir, 'vm_frag_20240408_1005.log.xz');
    writeFileSync(xz, Buffer.from('\xfd7zXZ\x00\x00\x04\xe6\xd6\xb4\x46\x02\x00\x21\x01', 'latin1'));
    const r = runCli(['csv', xz, LOG]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`fmfi-plot: ${xz}: compressed with xz, which fmfi-plot does not read (it reads gzip): decompress it first: unxz -k ${xz}\n`);
    expect(r.stdout.equals(runCli(['csv', LOG]).stdout)).toBe(true);
    const chart = runCli([xz, '-o', join(dir, 'xz-charts')]);
    expect(chart.status).toBe(1);
    expect(chart.stderr).toMatch(/unxz -k .*\nfmfi-plot: 0 rendered, 0 up to date, 0 without samples, 1 failed\n$/);
  });
});
