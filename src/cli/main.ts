// The command line: the only place that reads argv, writes to the terminal and sets the exit status.
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { isFmfiError } from '../errors.js';
import { removeLiveTemps } from '../io/atomic.js';
import { isDialect, runCsv, type Dialect } from './csv-command.js';
import { parseNonNegativeInt } from './options.js';
import { stderrReporter } from './reporter.js';

export const ExitStatus = { ok: 0, failed: 1, usage: 2 } as const;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Inputs as given, or standard input when none are given and it is not a terminal. */
function inputsOrStdin(logs: string[], command: Command): string[] {
  if (logs.length > 0) return logs;
  if (process.stdin.isTTY) command.error('error: no LOG given (use - to read standard input)', { exitCode: ExitStatus.usage });
  return ['-'];
}

const warningsOption = () =>
  new Option('--warnings <N>', 'show at most N warnings per log (0: all)').argParser(parseNonNegativeInt).default(20);

export function buildProgram(setStatus: (status: number) => void): Command {
  const program = new Command('fmfi-plot')
    .description('Charts and CSV from FreeBSD vm.phys_frag_idx logs (one log per boot window).')
    .version(version(), '-V, --version')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });

  program
    .command('csv')
    .description('write the samples as CSV, the inputs concatenated in argument order')
    .argument('[LOG...]', 'vm.phys_frag_idx logs; - is standard input (the default when it is not a terminal)')
    .addOption(
      new Option('--dialect <dialect>', 'awk: "ORDER DATE FMFI" as parse_vm_frag.awk prints; csv: RFC 4180 with a header')
        .choices(['awk', 'csv'])
        .default('awk'),
    )
    .addOption(new Option('--domain <N>', 'keep only NUMA domain N (default: all)').argParser(parseNonNegativeInt))
    .option('-o, --output <FILE>', 'write to FILE atomically instead of standard output', '-')
    .option('--strict', 'treat any warning as a failure (exit 1)', false)
    .addOption(warningsOption())
    .exitOverride()
    .action(async (logs: string[], opts: { dialect: string; domain?: number; output: string; strict: boolean; warnings: number }, command: Command) => {
      const inputs = inputsOrStdin(logs, command);
      const reporter = stderrReporter(opts.warnings);
      const dialect: Dialect = isDialect(opts.dialect) ? opts.dialect : 'awk';
      const ok = await runCsv(inputs, { dialect, domain: opts.domain ?? null, output: opts.output }, reporter);
      setStatus(ok && !(opts.strict && reporter.warnings > 0) ? ExitStatus.ok : ExitStatus.failed);
    });

  return program;
}

/** Runs the CLI and exits; user errors become a message and a status, never a stack trace. */
export async function main(argv: string[]): Promise<void> {
  let status: number = ExitStatus.ok;
  process.on('SIGINT', () => {
    removeLiveTemps();
    process.exit(130);
  });
  process.on('SIGTERM', () => {
    removeLiveTemps();
    process.exit(143);
  });
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    // A reader that went away (`| head`) is not a failure of ours.
    if (e.code === 'EPIPE') process.exit(status);
    throw e;
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
