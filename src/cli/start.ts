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
  return loadCli().main(argv);
}

type Load = (request: string, parent: { filename?: string } | undefined, isMain: boolean) => unknown;

/**
 * The CLI, loaded with commander given a stand-in for node:child_process. commander
 * requires that module as it loads, for subcommands that are programs of their own, which
 * fmfi-plot has none of; it brings net and streams with it, 8 ms of every run (a thirtieth
 * of a rerun of 1,000 windows with nothing to do). The stand-in loads it on first use.
 */
function loadCli(): typeof import('./main.js') {
  const Module = require('node:module') as { _load: Load };
  const load = Module._load;
  let real: Record<PropertyKey, unknown> | undefined;
  const childProcess = new Proxy(
    {},
    { get: (_, key) => (real ??= require('node:child_process') as Record<PropertyKey, unknown>)[key] },
  );
  Module._load = function (this: unknown, request, parent, isMain) {
    if ((request === 'node:child_process' || request === 'child_process') && /[\\/]commander[\\/]/.test(parent?.filename ?? '')) return childProcess;
    return load.call(this, request, parent, isMain);
  };
  try {
    return require('./main.js') as typeof import('./main.js');
  } finally {
    Module._load = load;
  }
}
