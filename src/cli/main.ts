// The command line: the only place that reads argv, writes to the terminal and sets the exit status.
import { Command, CommanderError } from 'commander';
import { bugMessage, fileError, isFmfiError } from '../errors.js';
import { recoverArgv } from '../io/names.js';
import { removeLiveTemps, watchLiveTemps } from '../io/temp.js';
import { ExitStatus, withExamples } from './options.js';
import { version } from './version.js';

/** The commands, by the name that selects them as the first argument. */
const COMMANDS = ['render', 'csv', 'gnuplot', 'stats', 'compare', 'metrics', 'index', 'completion'] as const;
type CommandName = (typeof COMMANDS)[number];

/**
 * The command a run needs, read from its first argument: a command's name, or a log (the
 * default command, render); none for --version; null when another option comes first
 * (--help, or the render options before the logs), or for `help` and `completion`, which
 * load them all.
 */
function commandOf(first: string | undefined): CommandName | 'none' | null {
  if (first === '-V' || first === '--version') return 'none';
  if (first === undefined || first.startsWith('-') || first === 'help' || first === 'completion') return null;
  return (COMMANDS as readonly string[]).includes(first) ? (first as CommandName) : 'render';
}

/** Help and usage errors are worded by help.ts, loaded only when one is printed. */
function helpModule(): typeof import('./help.js') {
  return require('./help.js') as typeof import('./help.js');
}

/** A usage error commander reported, and the command it was reported for (null: the program). */
interface UsageReport {
  readonly text: string;
  readonly command: string | null;
}

/**
 * The program with its commands. A run loads only the command module it needs (start-up is
 * part of every run, `csv` is benchmarked against mawk, and a chart of a small log is
 * mostly start-up); one that starts with an option loads them all. They are require()d
 * where needed, not imported with import(): that would start Node's ES module loader and
 * have it parse each CommonJS module for its exports, some 5 ms of every run.
 */
export async function buildProgram(
  setStatus: (status: number) => void,
  argv: readonly string[],
  onUsageError: (report: UsageReport) => void = (r) => process.stderr.write(r.text),
): Promise<Command> {
  const program = new Command('fmfi-plot')
    .description(
      'Charts, CSV and gnuplot scripts from memory fragmentation logs: FreeBSD vm.phys_frag_idx or vm.phys_free, Linux /proc/buddyinfo; one log per boot window.',
    )
    .version(version(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .helpCommand('help [COMMAND]', 'show the help of a command')
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) })
    .configureHelp({
      optionDescription: (option) => helpModule().optionDescription(option),
      argumentDescription: (argument) => helpModule().argumentDescription(argument),
      formatHelp: (cmd, helper) => helpModule().formatHelp(cmd, helper),
    });

  const only = commandOf(argv[2]);
  if (only === null || only === 'render') program.addCommand((require('./render-command.js') as typeof import('./render-command.js')).renderCommand(setStatus), { isDefault: true });
  if (only === null || only === 'csv') program.addCommand((require('./csv-command.js') as typeof import('./csv-command.js')).csvCommand(setStatus));
  if (only === null || only === 'gnuplot') program.addCommand((require('./gnuplot-command.js') as typeof import('./gnuplot-command.js')).gnuplotCommand(setStatus));
  if (only === null || only === 'stats') program.addCommand((require('./stats-command.js') as typeof import('./stats-command.js')).statsCommand(setStatus));
  if (only === null || only === 'compare') program.addCommand((require('./compare-command.js') as typeof import('./compare-command.js')).compareCommand(setStatus));
  if (only === null || only === 'metrics') program.addCommand((require('./metrics-command.js') as typeof import('./metrics-command.js')).metricsCommand(setStatus));
  if (only === null || only === 'index') program.addCommand((require('./index-command.js') as typeof import('./index-command.js')).indexCommand(setStatus));
  if (only === null) program.addCommand((require('./completion-command.js') as typeof import('./completion-command.js')).completionCommand(setStatus));
  withExamples(program, [
    ['fmfi-plot /var/tmp/vm_frag_*.log -o ~/fmfi', 'one chart per boot window in ~/fmfi; run again, it draws only what changed'],
    ['fmfi-plot csv vm_frag_20240408_1005.log > vm_frag_20240408_1005.csv', 'the samples as CSV, as parse_vm_frag.awk prints them'],
    ['fmfi-plot gnuplot vm_frag_20240408_1005.log | gnuplot > vm_frag_20240408_1005.svg', 'the chart drawn by gnuplot'],
  ]);
  // A command made on its own inherits nothing: the help's layout and the output included.
  for (const command of program.commands) command.copyInheritedSettings(program);
  // Usage errors are kept, with the command they are about, for main to word and print.
  for (const command of [program, ...program.commands]) {
    const name = command === program ? null : command.name();
    command.configureOutput({ outputError: (text) => onUsageError({ text, command: name }) });
  }

  return program;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Ctrl-C and kill while a temporary file exists: remove it, then die of the same signal. */
function onSignal(signal: NodeJS.Signals): void {
  removeLiveTemps();
  process.kill(process.pid, signal);
}

/**
 * Ctrl-C and kill: the process dies of the signal at once, as Unix tools do (a shell then
 * sees 130 or 143), even in the middle of a long render, which holds the event loop for
 * seconds. Only while a temporary file exists is the signal caught, to remove the file
 * first: then the run is writing, which gives the event loop back between writes.
 * Removing the last listener gives a signal its default action again.
 */
function catchSignalsWhileTempsLive(): void {
  watchLiveTemps((live) => {
    for (const signal of SIGNALS) {
      if (live) process.on(signal, onSignal);
      else process.removeListener(signal, onSignal);
    }
  });
}

/** Runs the CLI and exits; user errors become a message and a status, never a stack trace. */
export async function main(rawArgv: string[]): Promise<void> {
  // File names that are not UTF-8, read again as the bytes they are.
  const argv = recoverArgv(rawArgv);
  let status: number = ExitStatus.ok;
  catchSignalsWhileTempsLive();
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    // A reader that went away (`| head`) is not a failure of ours.
    if (e.code === 'EPIPE') process.exit(status);
    // Any other (`> file` on a full disk): nothing more can be written, so say why and stop.
    removeLiveTemps();
    process.stderr.write(`fmfi-plot: ${fileError('<stdout>', e, 'write').message}\n`);
    process.exit(ExitStatus.failed);
  });
  // `fmfi-plot cvs x.log`: a typo of a command, not a log, when no such file exists.
  const first = argv[2];
  if (first !== undefined && !first.startsWith('-') && !first.includes('/') && !(COMMANDS as readonly string[]).includes(first)) {
    const typo = helpModule().mistypedCommand(argv.slice(2), [...COMMANDS, 'help']);
    if (typo !== null) {
      process.stderr.write(helpModule().usageError(typo, null));
      process.exitCode = ExitStatus.usage;
      return;
    }
  }
  let usage: UsageReport | null = null;
  const setStatus = (s: number): void => {
    status = s;
  };
  const program = await buildProgram(setStatus, argv, (report) => {
    usage = report;
  });
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      status = e.exitCode === 0 ? ExitStatus.ok : ExitStatus.usage;
      const report = usage as UsageReport | null;
      if (report !== null) {
        // An option of another command says which has it: that needs them all.
        const all = report.text.includes('unknown option') ? (await buildProgram(setStatus, [])).commands : program.commands;
        process.stderr.write(helpModule().commanderUsageError(report.text, report.command, all));
      }
    } else if (isFmfiError(e)) {
      process.stderr.write(`fmfi-plot: ${e.message}\n`);
      status = ExitStatus.failed;
    } else {
      // Not the user's input nor their machine: a bug of ours, said as one, with its stack.
      removeLiveTemps();
      process.stderr.write(`fmfi-plot: ${bugMessage(e)}\n`);
      status = ExitStatus.failed;
    }
  }
  process.exitCode = status;
}
