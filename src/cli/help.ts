// How the command line explains itself: help that lists every option with its default and ends
// with examples, and one shape (`fmfi-plot: …`) for every usage error. Loaded only when help or
// an error is printed, or when a first argument may be a mistyped command.
import { existsSync } from 'node:fs';
import { Help, type Argument, type Command, type Option } from 'commander';
import { Say, Usage } from '../errors.js';

/** The command a run takes when its first argument is a log: `fmfi-plot --help` lists its options. */
export const DEFAULT_COMMAND = 'render';

/** What the help shows as an option's default: null for a flag (off unless given) or an option without one. */
export function defaultText(option: Option): string | null {
  if (option.isBoolean()) return null;
  if (option.defaultValueDescription !== undefined) return option.defaultValueDescription;
  return option.defaultValue === undefined ? null : String(option.defaultValue);
}

/** An option's description, its choices and its default, without commander's JSON quotes. */
export function optionDescription(option: Option): string {
  const extra: string[] = [];
  if (option.argChoices !== undefined) extra.push(`choices: ${option.argChoices.join(', ')}`);
  const shown = defaultText(option);
  if (shown !== null) extra.push(`default: ${shown}`);
  return extra.length === 0 ? option.description : `${option.description} (${extra.join('; ')})`;
}

/** An argument's description and its choices, in the same style. */
export function argumentDescription(argument: Argument): string {
  return argument.argChoices === undefined ? argument.description : `${argument.description} (choices: ${argument.argChoices.join(', ')})`;
}

/**
 * A command's help as commander lays it out; the program's own also lists the options of the
 * default command, since `fmfi-plot LOG...` is the run most people start with.
 */
export function formatHelp(cmd: Command, helper: Help): string {
  if (cmd.parent !== null) return Help.prototype.formatHelp.call(helper, cmd, helper);
  const render = cmd.commands.find((c) => c.name() === DEFAULT_COMMAND);
  const renderOptions = render === undefined ? [] : helper.visibleOptions(render).filter((o) => o.long !== '--help');
  const ownOptions = helper.visibleOptions(cmd);
  const commands = helper.visibleCommands(cmd);
  const terms = [...[...renderOptions, ...ownOptions].map((o) => helper.optionTerm(o)), ...commands.map((c) => helper.subcommandTerm(c))];
  const width = Math.max(...terms.map((t) => helper.displayWidth(t)));
  const item = (term: string, description: string): string => helper.formatItem(term, width, description, helper);
  const lines = [
    `Usage: ${cmd.name()} [${DEFAULT_COMMAND}] [options] [LOG...]`,
    `       ${cmd.name()} <COMMAND> [options] [LOG...]`,
    '',
    helper.boxWrap(helper.commandDescription(cmd), helper.helpWidth ?? 80),
    '',
  ];
  if (render !== undefined) {
    lines.push(`Options of ${DEFAULT_COMMAND}, the default command:`, ...renderOptions.map((o) => item(helper.optionTerm(o), optionDescription(o))), '');
  }
  lines.push('Options:', ...ownOptions.map((o) => item(helper.optionTerm(o), optionDescription(o))), '');
  lines.push('Commands:', ...commands.map((c) => item(helper.subcommandTerm(c), helper.subcommandDescription(c))), '');
  return lines.join('\n');
}

/** Edit distance with transpositions (`cvs` is one step from `csv`). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The command `word` is most likely a typo of (at most two edits, and fewer than it has letters right), or null. */
export function closestCommand(word: string, names: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const name of names) {
    if (Math.abs(name.length - word.length) > 2) continue;
    const distance = editDistance(word, name);
    const length = Math.max(word.length, name.length);
    if (distance <= 2 && (length - distance) / length > 0.5 && distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The usage error of a run whose command cannot be what was meant, or null. The default
 * command takes logs as its first argument, so a first argument that is not a command is a
 * log, unless it is no file and close to a command's name (`fmfi-plot cvs x.log`): then it is
 * a typo. A log that is really named like that (`cvs`) is still read. `help NAME` takes
 * command names only.
 */
export function mistypedCommand(args: readonly string[], names: readonly string[]): string | null {
  const [first, second] = args;
  if (first === 'help') {
    if (second === undefined || second.startsWith('-') || names.includes(second)) return null;
    return Usage.UNKNOWN_COMMAND(second, closestCommand(second, names));
  }
  if (first === undefined || first.startsWith('-') || first.includes('/') || names.includes(first)) return null;
  const suggestion = closestCommand(first, names);
  return suggestion === null || existsSync(first) ? null : Usage.UNKNOWN_COMMAND(first, suggestion);
}

/** A bad value as `--width: expected …`: commander's long wording, shortened to the option and what it takes. */
function reword(message: string): string {
  const choices = (text: string, value: string): string => text.replace(/^Allowed choices are (.*)\.$/s, `expected one of $1, got "${value}".`);
  const option = /^option '([^']+)' argument '(.*)' is invalid\. (.*)$/s.exec(message);
  if (option !== null) return `${/--[\w-]+/.exec(option[1]!)?.[0] ?? option[1]}: ${choices(option[3]!, option[2]!)}`;
  const argument = /^command-argument value '(.*)' is invalid for argument '([^']+)'\. (.*)$/s.exec(message);
  if (argument !== null) return `${argument[2]}: ${choices(argument[3]!, argument[1]!)}`;
  return message;
}

/** A usage error as fmfi-plot prints it: the message, then where to read more. */
export function usageError(message: string, command: string | null): string {
  return `fmfi-plot: ${message}\n${Say.SEE_HELP(command)}\n`;
}

/**
 * A usage error commander reported for `command` (null: the program itself), in fmfi-plot's
 * shape. An option that only other commands have says which: `commands` are all of them.
 */
export function commanderUsageError(raw: string, command: string | null, commands: readonly Command[]): string {
  const message = reword(raw.trim().replace(/^error: /, '').replace(/\s*\(Did you mean (.*)\?\)$/, ' (did you mean $1?)'));
  const flag = /^unknown option '([^'=]+)/.exec(message)?.[1];
  if (flag !== undefined) {
    const owners = commands.filter((c) => c.name() !== command && c.options.some((o) => o.long === flag || o.short === flag)).map((c) => c.name());
    if (owners.length > 0) return usageError(Usage.OPTION_OF_OTHER_COMMAND(flag, command ?? DEFAULT_COMMAND, owners), owners[0]!);
  }
  return usageError(message, command);
}
