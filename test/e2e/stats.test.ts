// End to end: `fmfi-plot stats` on every fixture, its three formats, its messages and exit status.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES as CATALOGUE } from '../../fixtures/catalogue.js';
import { FIXTURES, runCli } from '../helpers/cli.js';
import { parseLog } from '../../src/formats/read.js';
import { windowStats } from '../../src/summary/stats.js';
import { statsCsv } from '../../src/views/stats/csv.js';

const fixture = (name: string): string => join(FIXTURES, name);
const HEADER = 'log,domain,order,size_kib,samples,min,median,p90,max,share_above_0';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fmfi-stats-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fmfi-plot stats', () => {
  it.each(CATALOGUE.map((f) => f.name))('reads %s as the library does, with the messages of the other commands', (name) => {
    const path = fixture(name);
    const r = runCli(['stats', '--format', 'csv', path]);
    const csv = runCli(['csv', '--dialect', 'csv', path]);
    // The same diagnostics as csv prints for the log, and the same status.
    expect(r.stderr).toBe(csv.stderr);
    expect(r.status).toBe(0);
    const window = parseLog(readFileSync(path), path);
    // A window without data is still a window: the CSV has its header and no record.
    expect(r.stdout.toString('utf8')).toBe(statsCsv([windowStats(window)]));
    expect(r.stdout.toString('utf8').startsWith(`${HEADER},`)).toBe(true);
  });

  it('has one CSV record per window, domain and order, with the documented first columns', () => {
    const logs = ['one-domain.log', 'numa-2-domains.log', 'numa-4-domains.log', 'orders-11.log', 'orders-17.log'].map(fixture);
    const r = runCli(['stats', '--format', 'csv', ...logs]);
    expect(r.status).toBe(0);
    const lines = r.stdout.toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]!.startsWith(`${HEADER},`)).toBe(true);
    const perLog = new Map<string, Set<string>>();
    for (const line of lines.slice(1)) {
      const [log, domain, order] = line.split(',');
      const keys = perLog.get(log!) ?? new Set();
      keys.add(`${domain}/${order}`);
      perLog.set(log!, keys);
    }
    expect([...perLog.keys()]).toEqual(logs);
    expect([...perLog.values()].map((k) => k.size)).toEqual([13, 26, 52, 11, 17]);
    expect(lines).toHaveLength(1 + 13 + 26 + 52 + 11 + 17);
  });

  it('prints a table that fits 100 columns, for one window and for several', () => {
    for (const logs of [['numa-4-domains.log'], ['one-domain.log', 'orders-17.log', 'gap.log', 'numa-2-domains.log']]) {
      const r = runCli(['stats', ...logs.map(fixture)]);
      expect(r.status).toBe(0);
      const lines = r.stdout.toString('utf8').split('\n');
      expect(lines.length).toBeGreaterThan(20);
      for (const line of lines) expect([...line].length).toBeLessThanOrEqual(100);
    }
  });

  it('writes JSON of the documented schema', () => {
    const r = runCli(['stats', '--format', 'json', fixture('numa-2-domains.log')]);
    const doc = JSON.parse(r.stdout.toString('utf8')) as { schema: string; version: number; windows: Array<{ log: string; domains: unknown[] }> };
    expect(doc.schema).toBe('fmfi-plot/stats');
    expect(doc.version).toBe(1);
    expect(doc.windows.map((w) => [w.log, w.domains.length])).toEqual([[fixture('numa-2-domains.log'), 2]]);
  });

  it('keeps one domain with --domain, and says so when no sample has it', () => {
    const two = runCli(['stats', '--format', 'csv', '--domain', '1', fixture('numa-2-domains.log')]);
    const records = two.stdout.toString('utf8').trimEnd().split('\r\n').slice(1);
    expect(records).toHaveLength(13);
    expect(records.every((l) => l.split(',')[1] === '1')).toBe(true);
    const absent = runCli(['stats', '--domain', '5', fixture('numa-2-domains.log')]);
    expect(absent.stderr).toBe(`${fixture('numa-2-domains.log')}: warning: no sample has rows of domain 5: nothing to show for --domain 5; the log has domains 0 and 1\n`);
    expect(absent.status).toBe(0);
    expect(runCli(['stats', '--strict', '--domain', '5', fixture('numa-2-domains.log')]).status).toBe(1);
  });

  it('reports an unreadable log, still does the others, and exits 1', () => {
    const r = runCli(['stats', '--format', 'csv', join(dir, 'missing.log'), fixture('one-domain.log')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`fmfi-plot: ${join(dir, 'missing.log')}: no such file\n`);
    expect(r.stdout.toString('utf8').split('\r\n').filter((l) => l.startsWith(fixture('one-domain.log')))).toHaveLength(13);
  });

  it('reads standard input, names it - in the CSV, and writes -o FILE atomically', () => {
    const out = join(dir, 'stats.csv');
    const r = runCli(['stats', '--format', 'csv', '-o', out], { input: readFileSync(fixture('one-domain.log')) });
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBe(0);
    expect(readFileSync(out, 'utf8').split('\r\n')[1]!.startsWith('-,0,0,4,48,')).toBe(true);
  });

  it('prints the table the README shows for the two windows of its comparison', () => {
    const readme = readFileSync(join(FIXTURES, '..', 'README.md'), 'utf8');
    const at = readme.indexOf('The numbers of the same two windows');
    const block = /```\n([\s\S]*?)```/.exec(readme.slice(at))![1]!;
    const r = runCli(['stats', 'fixtures/vm_frag_20240610_0912.log', 'fixtures/vm_frag_20240617_1430.log'], { cwd: join(FIXTURES, '..') });
    expect(r.stdout.toString('utf8')).toBe(block);
  });

  it('refuses a bad format or domain as a usage error (exit 2)', () => {
    expect(runCli(['stats', '--format', 'xml', fixture('one-domain.log')]).status).toBe(2);
    expect(runCli(['stats', '--domain', 'x', fixture('one-domain.log')]).status).toBe(2);
  });
});
