// Help that teaches, and one shape for every error: checked on every command the program has.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closestCommand, editDistance } from '../../src/cli/help.js';
import { FIXTURES, runCli } from '../helpers/cli.js';
import { builtProgram, examplesOf } from '../helpers/program.js';

let program: Command;
let dir: string;
beforeAll(async () => {
  program = await builtProgram();
  dir = mkdtempSync(join(tmpdir(), 'fmfi-help-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const helpOf = (args: string[]): string => {
  const r = runCli([...args, '--help']);
  expect(r.status, args.join(' ')).toBe(0);
  expect(r.stderr).toBe('');
  return r.stdout.toString('utf8');
};

describe('fmfi-plot --help', () => {
  it('shows the options of the default command, render, and the three everyday calls', async () => {
    const help = helpOf([]);
    expect(help).toMatch(/^Usage: fmfi-plot \[render\] \[options\] \[LOG\.\.\.\]\n/);
    const render = program.commands.find((c) => c.name() === 'render')!;
    const section = help.slice(help.indexOf('Options of render, the default command:'), help.indexOf('\nOptions:'));
    for (const option of render.options) expect(section, option.flags).toContain(option.flags);
    const examples = examplesOf(program);
    expect(examples).toHaveLength(3);
    expect(help).toContain('\nExamples:\n');
    for (const [line, what] of examples) {
      expect(help).toContain(`  ${line}\n      ${what}\n`);
    }
    expect(examples.map(([line]) => line.split(' ')[1])).toEqual(['/var/tmp/vm_frag_*.log', 'csv', 'gnuplot']);
    // `help` says the same.
    expect(runCli(['help']).stdout.toString('utf8')).toBe(help);
  });
});

describe('every command\'s help', () => {
  it('has examples, each a run of fmfi-plot (or of the shell that loads its completion)', () => {
    for (const command of program.commands) {
      const help = helpOf([command.name()]);
      const examples = examplesOf(command);
      expect(examples.length, command.name()).toBeGreaterThanOrEqual(2);
      for (const [line, what] of examples) {
        expect(line).toMatch(/^(fmfi-plot|source <\(fmfi-plot) /);
        expect(help).toContain(`  ${line}\n      ${what}\n`);
      }
      // `help NAME` is the same page.
      expect(runCli(['help', command.name()]).stdout.toString('utf8')).toBe(help);
    }
  });

  it('names every value in one style, shows no default of a flag and no JSON quotes', () => {
    for (const command of program.commands) {
      const help = helpOf([command.name()]);
      for (const option of command.options) {
        const meta = /<([^>]+)>/.exec(option.flags)?.[1];
        if (meta !== undefined) expect(meta, `${command.name()} ${option.flags}`).toMatch(/^[A-Z][A-Z:|]*$/);
      }
      expect(help, command.name()).not.toMatch(/default: (false|true|"|')/);
      expect(help, command.name()).not.toMatch(/choices: "/);
      expect(help, command.name()).not.toMatch(/\) \(/);
    }
  });

  it('gives the limits of --width and --height, and says what auto means', () => {
    const drawing = program.commands.filter((c) => c.options.some((o) => o.long === '--width'));
    expect(drawing.map((c) => c.name()).sort()).toEqual(['compare', 'gnuplot', 'render']);
    for (const command of drawing) {
      const help = helpOf([command.name()]).replace(/\s+/g, ' ');
      expect(help, command.name()).toMatch(/--width <PX> [^(]*?, \d+ to 4000/);
      if (command.options.some((o) => o.long === '--height')) expect(help).toMatch(/--height <PX> [^(]*?, \d+ to 2000/);
      expect(help).toMatch(/--z-range <RANGE> height axis: MIN:MAX, or auto \(from the lowest to the highest value in the data\)/);
    }
  });

  it('refuses a width or height beyond the limits (a typo of 12000 for 1200), exit 2', () => {
    const log = join(FIXTURES, 'one-domain.log');
    for (const args of [
      [log, '--width', '12000'],
      [log, '--height', '2001'],
      ['gnuplot', log, '--width', '4001'],
      ['compare', log, '-o', join(dir, 'c.svg'), '--width', '12000'],
    ]) {
      const r = runCli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^fmfi-plot: --(width|height): expected a size in pixels from \d+ to (4000|2000), got "\d+"\.\n/);
    }
    const largest = runCli([log, '--width', '4000', '--height', '2000', '-o', join(dir, 'largest.svg')]);
    expect(largest.status).toBe(0);
    expect(existsSync(join(dir, 'largest.svg'))).toBe(true);
  });
});

describe('errors', () => {
  it('usage errors and run errors alike start with "fmfi-plot: "', () => {
    const cases: Array<[string[], number]> = [
      [['csv', '--dialect', 'tsv', 'x.log'], 2],
      [['--z-range', 'up', 'x.log'], 2],
      [['compare', 'x.log'], 2],
      [['completion', 'fish'], 2],
      [['gnuplot', 'a.log', 'b.log'], 2],
      [['csv', join(dir, 'missing.log')], 1],
      [[join(dir, 'missing.log'), '-o', join(dir, 'charts')], 1],
    ];
    for (const [args, status] of cases) {
      const r = runCli(args);
      expect(r.status, args.join(' ')).toBe(status);
      for (const line of r.stderr.trimEnd().split('\n')) expect(line, args.join(' ')).toMatch(/^(fmfi-plot: |\(see 'fmfi-plot [a-z]* ?--help'\)$)/);
      expect(r.stderr).not.toMatch(/\berror: /);
    }
  });

  it('a mistyped command is one, not a log: did you mean, exit 2', () => {
    const r = runCli(['cvs', 'x.log']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("fmfi-plot: unknown command 'cvs' (did you mean csv?)\n(see 'fmfi-plot --help')\n");
    expect(runCli(['stat', 'x.log']).stderr).toMatch(/^fmfi-plot: unknown command 'stat' \(did you mean stats\?\)\n/);
    expect(runCli(['comapre']).stderr).toMatch(/^fmfi-plot: unknown command 'comapre' \(did you mean compare\?\)\n/);
  });

  it('help of a command that does not exist says so, exit 2', () => {
    const bogus = runCli(['help', 'bogus']);
    expect(bogus.status).toBe(2);
    expect(bogus.stdout.length).toBe(0);
    expect(bogus.stderr).toBe("fmfi-plot: unknown command 'bogus'\n(see 'fmfi-plot --help')\n");
    expect(runCli(['help', 'cvs']).stderr).toMatch(/^fmfi-plot: unknown command 'cvs' \(did you mean csv\?\)\n/);
  });

  it('a log named like a typo of a command is still read as a log', () => {
    const at = join(dir, 'typo-named');
    mkdirSync(at);
    copyFileSync(join(FIXTURES, 'one-domain.log'), join(at, 'cvs'));
    const r = runCli(['cvs', '-o', 'charts', '-q'], { cwd: at });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(existsSync(join(at, 'charts', 'cvs.svg'))).toBe(true);
    // And a path is never taken for a command.
    expect(runCli([join(dir, 'nowhere', 'cvs')]).stderr).toMatch(/no such file/);
  });

  it('an option of another command says which command has it', () => {
    const r = runCli([join(FIXTURES, 'one-domain.log'), '--terminal', 'svg']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("fmfi-plot: unknown option '--terminal' for render: it is an option of gnuplot\n(see 'fmfi-plot gnuplot --help')\n");
    const dialect = runCli(['stats', '--dialect=csv', join(FIXTURES, 'one-domain.log')]);
    expect(dialect.stderr).toBe("fmfi-plot: unknown option '--dialect' for stats: it is an option of csv\n(see 'fmfi-plot csv --help')\n");
    // An option no command has is only unknown, with commander's guess.
    expect(runCli(['csv', '--dialekt', 'csv']).stderr).toBe("fmfi-plot: unknown option '--dialekt' (did you mean --dialect?)\n(see 'fmfi-plot csv --help')\n");
  });
});

describe('closestCommand', () => {
  const names = ['render', 'csv', 'gnuplot', 'stats', 'compare', 'completion', 'help'];

  it.each([
    ['cvs', 'csv'],
    ['cs', 'csv'],
    ['stat', 'stats'],
    ['gnuplt', 'gnuplot'],
    ['rendre', 'render'],
    ['hlep', 'help'],
    ['completon', 'completion'],
    ['compar', 'compare'],
  ])('takes %j for %j', (word, name) => {
    expect(closestCommand(word, names)).toBe(name);
  });

  it.each(['x', 'vm_frag_20240408_1005.log', 'log', 'ls', 'st', 'test', 'charts'])('takes %j for no command', (word) => {
    expect(closestCommand(word, names)).toBeNull();
  });

  it('counts a swap of two neighbours as one edit', () => {
    expect(editDistance('cvs', 'csv')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
