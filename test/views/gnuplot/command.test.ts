// End to end: the `gnuplot` command's contract (inputs, output file, messages, exit status).
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../../helpers/cli.js';

const fixture = (name: string): string => join(FIXTURES, name);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fmfi-gnuplot-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fmfi-plot gnuplot', () => {
  it('writes the script, and only the script, to standard output', () => {
    const r = runCli(['gnuplot', fixture('one-domain.log')]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const script = r.stdout.toString('utf8');
    expect(script.startsWith('# A gnuplot script written by fmfi-plot')).toBe(true);
    expect(script.endsWith('unset multiplot\n')).toBe(true);
  });

  it('reads standard input for - and when no LOG is given', () => {
    const log = readFileSync(fixture('numa-2-domains.log'));
    const dash = runCli(['gnuplot', '-'], { input: log });
    const none = runCli(['gnuplot'], { input: log });
    expect(dash.status).toBe(0);
    expect(dash.stdout.toString('utf8')).toContain('chart_title = "standard input"');
    expect(none.stdout.equals(dash.stdout)).toBe(true);
  });

  it('writes -o FILE and nothing to standard output', () => {
    const out = join(dir, 'one.gp');
    const r = runCli(['gnuplot', fixture('one-domain.log'), '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBe(0);
    expect(readFileSync(out).equals(runCli(['gnuplot', fixture('one-domain.log')]).stdout)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('fmfi-plot-tmp'))).toEqual([]);
  });

  it('refuses an output that is its input, and leaves the input alone', () => {
    const log = join(dir, 'in.log');
    writeFileSync(log, readFileSync(fixture('one-domain.log')));
    const r = runCli(['gnuplot', log, '-o', log]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`fmfi-plot: ${log}: is also an input: refusing to overwrite it\n`);
    expect(readFileSync(log).equals(readFileSync(fixture('one-domain.log')))).toBe(true);
  });

  it('fails with a message and no output for a log it cannot read', () => {
    const missing = join(dir, 'missing.log');
    const r = runCli(['gnuplot', missing]);
    expect(r.status).toBe(1);
    expect(r.stdout.length).toBe(0);
    expect(r.stderr).toBe(`fmfi-plot: ${missing}: no such file\n`);
    const out = join(dir, 'kept.gp');
    writeFileSync(out, 'previous');
    expect(runCli(['gnuplot', missing, '-o', out]).status).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('previous');
  });

  it('warns on stderr about a damaged log and still writes its script; --strict makes that a failure', () => {
    const r = runCli(['gnuplot', fixture('cut-off.log')]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/cut-off\.log:\d+: warning: /);
    expect(r.stdout.toString('utf8')).toContain('splot ');
    const strict = runCli(['gnuplot', '--strict', fixture('cut-off.log')]);
    expect(strict.status).toBe(1);
    expect(strict.stdout.equals(r.stdout)).toBe(true);
  });

  it.each([
    [['--terminal', 'x11; system("true")'], 'expected a gnuplot terminal, one of svg, pngcairo, png, jpeg, gif, canvas, pdfcairo, epscairo; got "x11; system("true")".'],
    [['--width', '50'], '--width: expected a size in pixels from 200 to 4000, got "50".'],
    [['--width', '12000'], '--width: expected a size in pixels from 200 to 4000, got "12000".'],
    [['--height', 'tall'], '--height: expected a size in pixels from 200 to 2000, got "tall".'],
    [['--z-range', '1000:-1000'], 'MIN must be less than MAX, got "1000:-1000".'],
  ])('is a usage error (exit 2) for %j', (args, message) => {
    const r = runCli(['gnuplot', ...args, fixture('one-domain.log')]);
    expect(r.status).toBe(2);
    expect(r.stdout.length).toBe(0);
    expect(r.stderr).toContain(message);
  });

  it('takes one LOG only', () => {
    const r = runCli(['gnuplot', fixture('one-domain.log'), fixture('orders-11.log')]);
    expect(r.status).toBe(2);
    expect(r.stdout.length).toBe(0);
  });

  it('lists its options with their defaults', () => {
    const r = runCli(['gnuplot', '--help']);
    expect(r.status).toBe(0);
    const help = r.stdout.toString('utf8').replace(/\s+/g, ' ');
    expect(help).toContain('--terminal <NAME>');
    expect(help).toContain('default: svg)');
    expect(help).toMatch(/--width <PX> picture width in pixels, 200 to 4000;[^(]*\(default: 1200\)/);
    expect(help).toContain('--z-range <RANGE>');
    expect(help).toContain('(default: -1000:1000)');
  });
});
