// Runs the built command line as a user would: `node bin/fmfi-plot.js ...` in a subprocess.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'fmfi-plot.js');
export const FIXTURES = join(ROOT, 'fixtures');

export interface CliResult {
  readonly status: number | null;
  readonly stdout: Buffer;
  readonly stderr: string;
}

export interface CliRun {
  readonly input?: string | Buffer;
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** Synchronous: for short runs. */
export function runCli(args: readonly string[], run: CliRun = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: run.input ?? '',
    cwd: run.cwd ?? ROOT,
    env: run.env ?? process.env,
    maxBuffer: 1 << 30,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

/** Asynchronous: for long runs, so the test runner stays responsive. */
export function runCliAsync(args: readonly string[], run: CliRun = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: run.cwd ?? ROOT, env: run.env ?? process.env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({ status, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }),
    );
    child.stdin.end(run.input ?? '');
  });
}
