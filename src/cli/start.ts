// The program's entry (bin/fmfi-plot.js): answers `--version` before anything else is loaded, else runs the CLI.
import { version } from './version.js';

/**
 * `fmfi-plot --version` (or `-V`) alone is answered here, from package.json, as commander
 * answers it: the CLI (commander, and the commands a run starting with an option loads)
 * would take longer to load than Node.js takes to start. Anything else goes to the CLI.
 */
export function start(argv: string[]): Promise<void> {
  if (argv.length === 3 && (argv[2] === '--version' || argv[2] === '-V')) {
    process.stdout.write(`${version()}\n`);
    return Promise.resolve();
  }
  return (require('./main.js') as typeof import('./main.js')).main(argv);
}
