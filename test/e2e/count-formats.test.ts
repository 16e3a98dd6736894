// Every command on logs of free block counts (vm.phys_free, /proc/buddyinfo), through bin/fmfi-plot.js.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers/cli.js';

const fixture = (name: string): string => join(FIXTURES, name);
const out = mkdtempSync(join(tmpdir(), 'fmfi-counts-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe.each([
  ['phys-free-2-domains.log', ['domain 0', 'domain 1']],
  ['buddyinfo-2-nodes.log', ['node 0 Normal', 'node 1 DMA32']],
])('%s', (name, panels) => {
  it('csv: the awk dialect prints ORDER DATE FMFI, the same FMFI as the library computes', () => {
    const r = runCli(['csv', fixture(name)]);
    expect(r.status).toBe(0);
    expect(r.stdout.toString().split('\n')[0]).toMatch(/^\d+ 2024-04-08_10:05:00 -?\d+$/);
  });

  it('csv: the csv dialect adds free_blocks, unusable and extfrag', () => {
    const r = runCli(['csv', '--dialect', 'csv', fixture(name)]);
    expect(r.status).toBe(0);
    expect(r.stdout.toString().split('\r\n')[0]).toBe('time,domain,order,size_kib,fmfi,free_blocks,unusable,extfrag');
  });

  it('render: one panel per domain or zone, named by its label', () => {
    const r = runCli([fixture(name), '-o', out, '--force', '-q']);
    expect(r.status).toBe(0);
    const svg = readFileSync(join(out, name.replace(/\.log$/, '.svg')), 'utf8');
    for (const p of panels) expect(svg).toContain(`>${p}<`);
  });

  it('gnuplot: a script naming each panel', () => {
    const r = runCli(['gnuplot', fixture(name)]);
    expect(r.status).toBe(0);
    for (const p of panels) expect(r.stdout.toString()).toContain(`"${p}"`);
  });
});

describe('options of the count formats', () => {
  it('--index unusable draws the unusable index on 0…1000, --zone keeps one zone, empty zones get a note', () => {
    const r = runCli([fixture('buddyinfo-2-nodes.log'), '-o', out, '--force', '-q', '--index', 'unusable', '--zone', 'Normal']);
    expect(r.status).toBe(0);
    const svg = readFileSync(join(out, 'buddyinfo-2-nodes.svg'), 'utf8');
    expect(svg).toContain('unusable free space index');
    expect(svg).toContain('>node 1 Normal<');
    expect(svg).not.toContain('>node 0 DMA<');
    // The text alternative names the zones as the picture does, not as numbered domains.
    const desc = /<desc>([^<]*)<\/desc>/.exec(svg)?.[1] ?? '';
    expect(desc).toContain('Node 1 Normal, lowest to highest per block size:');
    expect(desc).not.toMatch(/Domain \d/);
    const all = runCli([fixture('buddyinfo-2-nodes.log'), '-o', out, '--force', '-q']);
    expect(all.stderr).toContain('note: node 0 Movable, node 1 Movable: no free block in any sample (empty zone): not drawn');
  });

  it('--zone of a zone the log does not have names the zones it has', () => {
    const r = runCli(['gnuplot', fixture('buddyinfo-2-nodes.log'), '--zone', 'HighMem']);
    expect(r.stderr.toString()).toContain('warning: --zone HighMem: no such zone in this log (it has DMA, DMA32, Normal, Movable)');
  });

  it('--index needs counts: a vm.phys_frag_idx log says so', () => {
    const r = runCli(['gnuplot', fixture('one-domain.log'), '--index', 'extfrag']);
    expect(r.stderr).toContain('--index extfrag needs free block counts');
  });

  it('--input-format forces a format: a vm.phys_free log read as buddyinfo has no samples with output', () => {
    const r = runCli(['csv', '--warnings', '0', '--input-format', 'buddyinfo', fixture('phys-free-old.log')]);
    expect(r.stdout.toString()).toBe('');
    expect(r.stderr).toContain('none of its 12 samples has /proc/buddyinfo output');
  });

  it('keeps the CSV of a vm.phys_frag_idx log as it was', () => {
    const r = runCli(['csv', '--dialect', 'csv', fixture('one-domain.log')]);
    expect(r.stdout.toString().split('\r\n')[0]).toBe('time,domain,order,size_kib,fmfi');
  });
});
