// The command line: the only place that reads argv, writes to the terminal and sets the exit status.
import { Command, CommanderError } from 'commander';
import { fileError, isFmfiError } from '../errors.js';
import { removeLiveTemps } from '../io/atomic.js';
import { csvCommand } from './csv-command.js';
import { gnuplotCommand } from './gnuplot-command.js';
import { renderCommand } from './render-command.js';
import { ExitStatus } from './options.js';
import { version } from './version.js';

export function buildProgram(setStatus: (status: number) => void): Command {
  const program = new Command('fmfi-plot')
    .description('Charts and CSV from FreeBSD vm.phys_frag_idx logs (one log per boot window).')
    .version(version(), '-V, --version')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });

  program.addCommand(renderCommand(setStatus), { isDefault: true });
  program.addCommand(csvCommand(setStatus));
  // (other commands are added here, one line each)
  program.addCommand(gnuplotCommand(setStatus));

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
  const program = buildProgram((s) => {
    status = s;
  });
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      status = e.exitCode === 0 ? ExitStatus.ok : ExitStatus.usage;
    } else if (isFmfiError(e)) {
      process.stderr.write(`fmfi-plot: ${e.message}\n`);
      status = ExitStatus.failed;
    } else {
      throw e;
    }
  }
  process.exitCode = status;
}
