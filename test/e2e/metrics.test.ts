// End to end: `fmfi-plot metrics` through bin/fmfi-plot.js: the streamed history against the library's, --latest, zones, bad input.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES as CATALOGUE } from '../../fixtures/catalogue.js';
import { parseLog } from '../../src/formats/read.js';
import { formatLatestMetrics, formatOpenMetrics } from '../../src/views/metrics/index.js';
import { TimeZone } from '../../src/zone.js';
import { FIXTURES, runCli } from '../helpers/cli.js';
import { fragSample, metricLines } from '../views/metrics/samples.js';

const fixture = (name: string): string => join(FIXTURES, name);
const UTC = { zone: TimeZone.UTC };
const full: [number, number, number][] = [[1, 8, 500], [0, 4, -1]];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fmfi-metrics-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fmfi-plot metrics', () => {
  it('streams every fixture through its file store into what the library writes from memory, with the messages of the other commands', () => {
    const paths = CATALOGUE.map((f) => fixture(f.name));
    const r = runCli(['metrics', '--utc', ...paths]);
    expect(r.status).toBe(0);
    expect(r.stdout.toString('utf8')).toBe(formatOpenMetrics(paths.map((p) => parseLog(readFileSync(p), p)), UTC).text);
    expect(r.stderr).toBe(runCli(['csv', '--dialect', 'csv', ...paths]).stderr);
  });

  it('writes several logs as one exposition, each family once, with the labels given', () => {
    const logs = ['numa-2-domains.log', 'buddyinfo-2-nodes.log', 'phys-free-2-domains.log'].map(fixture);
    const r = runCli(['metrics', '--utc', '--label', 'instance=db1:9100', '--label', 'job=node', ...logs]);
    expect(r.status).toBe(0);
    const windows = logs.map((l) => parseLog(readFileSync(l), l));
    const text = r.stdout.toString('utf8');
    expect(text).toBe(formatOpenMetrics(windows, { ...UTC, labels: [['instance', 'db1:9100'], ['job', 'node']] }).text);
    expect(text.match(/^# TYPE /gm)).toHaveLength(5);
    expect(new Set(metricLines(text).map((l) => l.labels.boot))).toEqual(new Set(['numa-2-domains.log', 'buddyinfo-2-nodes.log', 'phys-free-2-domains.log']));
  });

  it('--latest -o writes the last complete sample atomically, and nothing to standard output', () => {
    const out = join(dir, 'fmfi.prom');
    writeFileSync(out, 'the previous file\n');
    const logs = [fixture('numa-2-domains.log'), fixture('buddyinfo-2-nodes.log')];
    const r = runCli(['metrics', '--latest', '--utc', ...logs, '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBe(0);
    const windows = logs.map((l) => parseLog(readFileSync(l), l));
    expect(readFileSync(out, 'utf8')).toBe(formatLatestMetrics(windows, UTC).text);
    expect(readdirSync(dir)).toEqual(['fmfi.prom']);
  });

  it('--latest of a log without a sample writes a file without metrics, so no stale value stays', () => {
    const out = join(dir, 'empty.prom');
    writeFileSync(out, 'fmfi_index 1\n');
    const r = runCli(['metrics', '--latest', '--utc', fixture('empty.log'), '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`${fixture('empty.log')}: warning: no samples in this log\n`);
    expect(readFileSync(out, 'utf8')).toBe('');
    rmSync(out);
  });

  it('--latest says what concerns the sample shown and the lines after it, not the damage before', () => {
    const log = join(dir, 'vm_frag_20240408_1005.log');
    const cut = fragSample('2024-04-08_10:10:00', [full]);
    writeFileSync(log, `junk at the start\n${fragSample('2024-04-08_10:00:00', [full])}${fragSample('2024-04-08_10:05:00', [full])}${cut.slice(0, cut.lastIndexOf('   0 ('))}`);
    const r = runCli(['metrics', '--latest', '--utc', log]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`${log}:30: warning: domain 0 of the sample of 2024-04-08_10:10:00 stops at order 1, not 0: rows missing (log cut off?)\n`);
    expect(r.stdout.toString()).toContain('fmfi_sample_timestamp_seconds{boot="vm_frag_20240408_1005.log"} 1712570700\n');
    // The history says all of it.
    expect(runCli(['metrics', '--utc', log]).stderr).toContain(`${log}:1: warning: unexpected line ("junk at the start"): skipped`);

    writeFileSync(log, cut.slice(0, cut.lastIndexOf('   0 (')));
    const none = runCli(['metrics', '--latest', '--utc', log]);
    expect(none.stderr).toContain(`${log}: warning: its only sample with rows is not complete (rows or domains missing): nothing to show for --latest\n`);
    expect(none.stdout.toString()).toBe('');
    rmSync(log);
  });

  it('reads the times in the machine\'s zone by default, and says which in --help', () => {
    const env = { ...process.env, TZ: 'Asia/Kolkata' };
    const log = fixture('one-domain.log');
    const r = runCli(['metrics', log], { env });
    const first = metricLines(r.stdout.toString())[0]!;
    // 2024-04-08_10:05:00 at +05:30 is 04:35 UTC.
    expect(first.timestamp).toBe(String(Date.UTC(2024, 3, 8, 4, 35) / 1000));
    expect(runCli(['metrics', '--timezone', 'Asia/Kolkata', log]).stdout).toEqual(r.stdout);
    expect(runCli(['metrics', '--help'], { env }).stdout.toString()).toContain("This machine's zone: Asia/Kolkata.");
  });

  it('says where a DST change makes a log time skipped or repeated, with file and line', () => {
    const log = join(dir, 'dst.log');
    writeFileSync(log, fragSample('2024-03-10_01:55:00', [full]) + fragSample('2024-03-10_02:00:00', [full]) + fragSample('2024-03-10_03:05:00', [full]));
    const r = runCli(['metrics', '--timezone', 'America/New_York', log]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(
      `${log}:13: warning: 2024-03-10_02:00:00 does not exist in America/New_York (its clocks jump from UTC-05:00 to UTC-04:00 there; wrong --timezone?): read as 2024-03-10T03:00:00-04:00\n`,
    );
    expect(runCli(['metrics', '--timezone', 'America/New_York', '--strict', log]).status).toBe(1);
    rmSync(log);
  });

  it('escapes file names in the boot label, and names standard input <stdin>', () => {
    const log = join(dir, 'a "quoted" back\\slash\nnew line.log');
    writeFileSync(log, fragSample('2024-04-08_10:00:00', [full]));
    const r = runCli(['metrics', '--utc', '--latest', log]);
    expect(r.stdout.toString()).toContain('fmfi_index{boot="a \\"quoted\\" back\\\\slash\\nnew line.log",domain="0",order="0",block_size_bytes="4096"} -1\n');
    rmSync(log);
    const stdin = runCli(['metrics', '--utc', '-'], { input: fragSample('2024-04-08_10:00:00', [full]) });
    expect(metricLines(stdin.stdout.toString())[0]!.labels.boot).toBe('<stdin>');
  });

  it('skips a log whose file name another already has, and one that cannot be read; writes the others; exit 1', () => {
    const other = join(dir, 'copy');
    rmSync(other, { recursive: true, force: true });
    mkdirSync(other);
    writeFileSync(join(other, 'one-domain.log'), readFileSync(fixture('one-domain.log')));
    const r = runCli(['metrics', '--utc', fixture('one-domain.log'), join(other, 'one-domain.log'), join(dir, 'missing.log'), fixture('gap.log')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `fmfi-plot: ${join(other, 'one-domain.log')}: same file name as ${fixture('one-domain.log')}, so its metrics would be the same series (label boot): skipped (give each machine's logs a run of their own, with --label host=NAME)\n` +
        `fmfi-plot: ${join(dir, 'missing.log')}: no such file\n`,
    );
    expect(new Set(metricLines(r.stdout.toString()).map((l) => l.labels.boot))).toEqual(new Set(['one-domain.log', 'gap.log']));
  });

  it.each([
    [['--label', 'host'], 'expected a label as NAME=VALUE (for example host=db1), got "host".'],
    [['--label', 'boot=x'], 'fmfi-plot sets the labels boot, domain, zone, order, block_size_bytes itself: choose another name than "boot".'],
    [['--label', 'a=1', '--label', 'a=2'], 'the label a is given twice.'],
    [['--timezone', 'Mars/Olympus_Mons'], 'expected an IANA time zone such as Europe/Berlin, America/New_York or UTC, got "Mars/Olympus_Mons".'],
    [['--timezone', '+01:00'], 'expected an IANA time zone such as Europe/Berlin, America/New_York or UTC, got "+01:00".'],
    [['--timezone', 'UTC', '--utc'], "option '--timezone <ZONE>' cannot be used with option '--utc'"],
  ])('refuses %j as a usage error (exit 2)', (args, message) => {
    const r = runCli(['metrics', ...args, fixture('one-domain.log')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout.length).toBe(0);
  });

  it('refuses to write over one of its inputs', () => {
    const log = join(dir, 'in.log');
    writeFileSync(log, fragSample('2024-04-08_10:00:00', [full]));
    const r = runCli(['metrics', '--utc', log, '-o', log]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`fmfi-plot: ${log}: is also an input: refusing to overwrite it\n`);
    expect(readFileSync(log, 'utf8')).toBe(fragSample('2024-04-08_10:00:00', [full]));
  });
});
