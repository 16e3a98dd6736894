// The command line: the only place that reads argv, writes to the terminal and sets the exit status.
import { Command, CommanderError } from 'commander';
import { bugMessage, fileError, isFmfiError } from '../errors.js';
import { removeLiveTemps } from '../io/temp.js';
import { csvCommand } from './csv-command.js';
import { ExitStatus } from './options.js';
import { version } from './version.js';

/**
 * The program with its commands. `csv …`, `gnuplot …`, `stats …` and `compare …` load only their own command
 * module (start-up is part of every run, and `csv` is benchmarked against mawk);
 * anything else (render, --help, a mistyped command) loads all of them. The csv command
 * comes with the program (require()d: it is small, and the others read logs with the
 * same modules); importing it with import() would start Node's ES module loader, 5 ms
 * of every `csv` run (fmfi-plot is CommonJS; import() is for what only some runs need).
 */
export async function buildProgram(setStatus: (status: number) => void, argv: readonly string[]): Promise<Command> {
  const program = new Command('fmfi-plot')
    .description('Charts and CSV from FreeBSD vm.phys_frag_idx logs (one log per boot window).')
    .version(version(), '-V, --version')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });

  const only = argv[2] === 'csv' || argv[2] === 'gnuplot' || argv[2] === 'stats' || argv[2] === 'compare' ? argv[2] : null;
  if (only === null) program.addCommand((await import('./render-command.js')).renderCommand(setStatus), { isDefault: true });
  if (only === null || only === 'csv') program.addCommand(csvCommand(setStatus));
  if (only === null || only === 'gnuplot') program.addCommand((await import('./gnuplot-command.js')).gnuplotCommand(setStatus));
  if (only === null || only === 'stats') program.addCommand((await import('./stats-command.js')).statsCommand(setStatus));
  if (only === null || only === 'compare') program.addCommand((await import('./compare-command.js')).compareCommand(setStatus));
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
