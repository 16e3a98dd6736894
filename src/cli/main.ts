// The command line: the only place that reads argv, writes to the terminal and sets the exit status.
import { Command, CommanderError } from 'commander';
import { bugMessage, fileError, isFmfiError } from '../errors.js';
import { removeLiveTemps } from '../io/temp.js';
import { ExitStatus } from './options.js';
import { version } from './version.js';

/** The commands, by the name that selects them as the first argument. */
const COMMANDS = ['render', 'csv', 'gnuplot', 'stats', 'compare', 'metrics', 'index'] as const;
type CommandName = (typeof COMMANDS)[number];

/**
 * The command a run needs, read from its first argument: a command's name, or a log (the
 * default command, render); null when an option comes first (--help, --version, or the
 * render options before the logs), which loads them all.
 */
function commandOf(first: string | undefined): CommandName | null {
  if (first === undefined || first.startsWith('-')) return null;
  return (COMMANDS as readonly string[]).includes(first) ? (first as CommandName) : 'render';
}

/**
 * The program with its commands. A run loads only the command module it needs (start-up is
 * part of every run, `csv` is benchmarked against mawk, and a chart of a small log is
 * mostly start-up); one that starts with an option loads them all. They are require()d
 * where needed, not imported with import(): that would start Node's ES module loader and
 * have it parse each CommonJS module for its exports, some 5 ms of every run.
 */
export async function buildProgram(setStatus: (status: number) => void, argv: readonly string[]): Promise<Command> {
  const program = new Command('fmfi-plot')
    .description('Charts and CSV from FreeBSD vm.phys_frag_idx logs (one log per boot window).')
    .version(version(), '-V, --version')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });

  const only = commandOf(argv[2]);
  if (only === null || only === 'render') program.addCommand((require('./render-command.js') as typeof import('./render-command.js')).renderCommand(setStatus), { isDefault: true });
  if (only === null || only === 'csv') program.addCommand((require('./csv-command.js') as typeof import('./csv-command.js')).csvCommand(setStatus));
  if (only === null || only === 'gnuplot') program.addCommand((require('./gnuplot-command.js') as typeof import('./gnuplot-command.js')).gnuplotCommand(setStatus));
  if (only === null || only === 'stats') program.addCommand((require('./stats-command.js') as typeof import('./stats-command.js')).statsCommand(setStatus));
  if (only === null || only === 'compare') program.addCommand((require('./compare-command.js') as typeof import('./compare-command.js')).compareCommand(setStatus));
  if (only === null || only === 'metrics') program.addCommand((require('./metrics-command.js') as typeof import('./metrics-command.js')).metricsCommand(setStatus));
  if (only === null || only === 'index') program.addCommand((require('./index-command.js') as typeof import('./index-command.js')).indexCommand(setStatus));
  // A command made on its own inherits nothing: the hint after a usage error included.
  for (const command of program.commands) command.copyInheritedSettings(program);

  return program;
}

/** Runs the CLI and exits; user errors become a message and a status, never a stack trace. */
export async function main(argv: string[]): Promise<void> {
  let status: number = ExitStatus.ok;
  // Ctrl-C and kill: remove temporary files, then die of the same signal, as Unix tools do
  // (a shell then sees 130 or 143). Exiting normally could wait for a read blocked on a pipe.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      removeLiveTemps();
      process.kill(process.pid, signal);
    });
  }
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    // A reader that went away (`| head`) is not a failure of ours.
    if (e.code === 'EPIPE') process.exit(status);
    // Any other (`> file` on a full disk): nothing more can be written, so say why and stop.
    removeLiveTemps();
    process.stderr.write(`fmfi-plot: ${fileError('<stdout>', e, 'write').message}\n`);
    process.exit(ExitStatus.failed);
  });
  const program = await buildProgram((s) => {
    status = s;
  }, argv);
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      status = e.exitCode === 0 ? ExitStatus.ok : ExitStatus.usage;
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
