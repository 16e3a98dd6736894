// `fmfi-plot completion bash|zsh`, loaded into the real shells and asked to complete.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { needProgram } from '../helpers/programs.js';
import { builtProgram } from '../helpers/program.js';

let program: Command;
let dir: string;
/** The folder completion runs in: a log and a folder under fixtures/, nothing else. */
let cwd: string;
beforeAll(async () => {
  program = await builtProgram();
  dir = mkdtempSync(join(tmpdir(), 'fmfi-completion-'));
  cwd = join(dir, 'cwd');
  mkdirSync(join(cwd, 'fixtures', 'golden'), { recursive: true });
  writeFileSync(join(cwd, 'fixtures', 'vm_frag_20240408_1005.log'), '');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function script(shell: 'bash' | 'zsh'): string {
  const r = runCli(['completion', shell]);
  expect(r.status).toBe(0);
  expect(r.stderr).toBe('');
  const path = join(dir, `fmfi-plot.${shell}`);
  writeFileSync(path, r.stdout);
  return path;
}

/** What completion offers for each line (the cursor at its end), sorted and without repeats. */
type Complete = (lines: readonly string[]) => string[][];

const offered = (text: string): string[] => [...new Set(text.split('\n').filter((w) => w !== ''))].sort();

/** Every long option of a command, and --help: what `COMMAND --` should offer. */
function longOptions(command: Command): string[] {
  return [...command.options.flatMap((o) => (o.long === undefined ? [] : [o.long])), '--help'].sort();
}

/** The checks both shells must pass, on the commands and options of the program itself. */
function completes(complete: () => Complete): void {
  it('offers the commands and the logs as the first word', () => {
    const [commands, files] = complete()(['fmfi-plot c', 'fmfi-plot fix']);
    expect(commands).toEqual(['compare', 'completion', 'csv']);
    expect(files).toEqual(['fixtures']);
  });

  it('offers the options of each command, as commander has them (so a new option is there too)', () => {
    const commands = program.commands;
    const results = complete()(commands.map((c) => `fmfi-plot ${c.name()} --`));
    for (const [i, command] of commands.entries()) expect(results[i], command.name()).toEqual(longOptions(command));
  });

  it('offers the choices of each option that has some, and the render options before a log', () => {
    const withChoices = program.commands.flatMap((c) => c.options.filter((o) => o.argChoices !== undefined).map((o) => ({ c, o })));
    expect(withChoices.length).toBeGreaterThanOrEqual(6);
    const results = complete()(withChoices.map(({ c, o }) => `fmfi-plot ${c.name()} ${o.long} `));
    for (const [i, { c, o }] of withChoices.entries()) expect(results[i], `${c.name()} ${o.long}`).toEqual([...o.argChoices!].sort());
    const [prefix, render, shells, help] = complete()(['fmfi-plot gnuplot --terminal pn', 'fmfi-plot vm.log --fo', 'fmfi-plot completion ', 'fmfi-plot help s']);
    expect(prefix).toEqual(['png', 'pngcairo']);
    expect(render).toEqual(['--force', '--format']);
    expect(shells).toEqual(['bash', 'zsh']);
    expect(help).toEqual(['stats']);
  });

  it('offers files for -o and folders for --out-dir', () => {
    const [file, folder] = complete()(['fmfi-plot csv -o fixtures/vm_frag_2024040', 'fmfi-plot csv --out-dir fixtures/gold']);
    expect(file!.map((f) => f.replace(/^fixtures\//, ''))).toEqual(['vm_frag_20240408_1005.log']);
    expect(folder!.map((f) => f.replace(/^fixtures\//, ''))).toEqual(['golden']);
  });
}

const bash = needProgram('bash', 'apt-get install bash');
describe.skipIf(bash === null)('bash completion', () => {
  let path: string;
  beforeAll(() => {
    path = script('bash');
  });

  /** Runs the completion function as bash's `complete -F` does, with COMP_WORDS and COMP_CWORD set. */
  const complete: Complete = (lines) => {
    const calls = lines.map((line) => {
      const words = line.split(' ');
      return `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; COMPREPLY=(); _fmfi_plot; printf '%s\\n' "\${COMPREPLY[@]}"; echo '=='`;
    });
    const r = spawnSync(bash!, ['--norc', '--noprofile', '-c', [`source '${path}'`, ...calls].join('\n')], { cwd, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return r.stdout.split('==\n').slice(0, lines.length).map(offered);
  };

  it('registers itself for fmfi-plot', () => {
    const r = spawnSync(bash!, ['--norc', '--noprofile', '-c', `source '${path}'; complete -p fmfi-plot`], { encoding: 'utf8' });
    expect(r.stdout).toBe('complete -F _fmfi_plot fmfi-plot\n');
  });

  completes(() => complete);

  it('offers the render options, --version among them, before any log', () => {
    const [first] = complete(['fmfi-plot --']);
    const render = program.commands.find((c) => c.name() === 'render')!;
    expect(first).toEqual([...longOptions(render), '--version'].sort());
  });
});

const zsh = needProgram('zsh', 'apt-get install zsh');
describe.skipIf(zsh === null)('zsh completion', () => {
  let path: string;
  beforeAll(() => {
    path = script('zsh');
  });

  /** Types each line and a tab into an interactive zsh on a pseudo-terminal (test/helpers/zsh-complete.zsh). */
  const complete: Complete = (lines) => {
    const out = mkdtempSync(join(dir, 'zsh-'));
    const r = spawnSync(zsh!, ['-f', join(ROOT, 'test', 'helpers', 'zsh-complete.zsh'), path, out, ...lines], { cwd, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    return lines.map((_, i) => offered(readFileSync(join(out, String(i + 1)), 'utf8')));
  };

  it('is a compsys function that parses', () => {
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith('#compdef fmfi-plot\n')).toBe(true);
    expect(spawnSync(zsh!, ['-n', path]).status).toBe(0);
    // Loaded from $fpath, as a file named _fmfi-plot, it is what compinit registers.
    const fpath = join(dir, 'fpath');
    mkdirSync(fpath);
    writeFileSync(join(fpath, '_fmfi-plot'), text);
    const r = spawnSync(zsh!, ['-f', '-c', `fpath=(${fpath} $fpath); autoload -U compinit; compinit -u -D; print -r -- $_comps[fmfi-plot]`], { encoding: 'utf8' });
    expect(r.stdout).toBe('_fmfi-plot\n');
  });

  completes(() => complete);
});
