// The built command line's commands and options, loaded as a run loads them: for tests that go over every command.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Command } from 'commander';
import { ROOT } from './cli.js';

const load = createRequire(__filename);

type Main = typeof import('../../src/cli/main.js');
type Options = typeof import('../../src/cli/options.js');

/** The program with every command (commander's own help command aside), from dist/ as `npm test` builds it. */
export async function builtProgram(): Promise<Command> {
  const main = load(join(ROOT, 'dist', 'src', 'cli', 'main.js')) as Main;
  return main.buildProgram(() => undefined, ['node', 'fmfi-plot']);
}

/** The examples a command's help ends with. */
export function examplesOf(command: Command): ReadonlyArray<readonly [string, string]> {
  return (load(join(ROOT, 'dist', 'src', 'cli', 'options.js')) as Options).examplesOf(command);
}

/** What the help shows as an option's default (null: none shown). */
export function defaultText(option: Command['options'][number]): string | null {
  return (load(join(ROOT, 'dist', 'src', 'cli', 'help.js')) as typeof import('../../src/cli/help.js')).defaultText(option);
}

/** The option as the help names it: `-o, --output <PATH>`. */
export const optionTerm = (option: Command['options'][number]): string => option.flags;
