// Runs the built command line with a time limit, for inputs that might make it hang, and can measure its peak memory.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT } from './cli.js';

export interface BoundedRun {
  readonly input?: string | Buffer;
  /** Standard input from this open file descriptor instead (a file too large to pass as `input`). */
  readonly stdinFd?: number;
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Killed (SIGKILL) after this long: the run then counts as hung. */
  readonly timeoutMs?: number;
  /** Standard output to this open file descriptor instead of a pipe (a full device, say). */
  readonly stdoutFd?: number;
  /** Run as this user and group (only root may ask): how root tests a file it cannot read. */
  readonly user?: { readonly uid: number; readonly gid: number };
  /** Report the peak resident memory of the whole process, worker threads included. */
  readonly measureRss?: boolean;
}

export interface BoundedResult {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: Buffer;
  readonly stderr: string;
  readonly timedOut: boolean;
  /** Peak resident memory in KiB (`process.resourceUsage().maxRSS` at exit), when asked for. */
  readonly maxRssKiB: number | null;
}

/** Loaded before the CLI: writes the process's peak memory to a file when it exits, however it exits. */
const RSS_PRELOAD =
  'data:text/javascript,' +
  encodeURIComponent(
    "import { writeFileSync } from 'node:fs';" +
      "process.on('exit', () => writeFileSync(process.env.FMFI_TEST_RSS_FILE, String(process.resourceUsage().maxRSS)));",
  );

export function runBounded(args: readonly string[], run: BoundedRun = {}): Promise<BoundedResult> {
  const rssDir = run.measureRss === true ? mkdtempSync(join(tmpdir(), 'fmfi-rss-')) : null;
  const rssFile = rssDir === null ? null : join(rssDir, 'maxrss');
  const nodeArgs = rssFile === null ? [BIN, ...args] : ['--import', RSS_PRELOAD, BIN, ...args];
  const env = { ...(run.env ?? process.env), ...(rssFile === null ? {} : { FMFI_TEST_RSS_FILE: rssFile }) };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs, {
      cwd: run.cwd ?? ROOT,
      env,
      stdio: [run.stdinFd ?? 'pipe', run.stdoutFd ?? 'pipe', 'pipe'],
      ...(run.user === undefined ? {} : { uid: run.user.uid, gid: run.user.gid }),
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, run.timeoutMs ?? 60_000);
    child.stdout?.on('data', (b: Buffer) => out.push(b));
    child.stderr!.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      let maxRssKiB: number | null = null;
      if (rssDir !== null) {
        try {
          maxRssKiB = Number(readFileSync(rssFile!, 'utf8'));
        } catch {
          maxRssKiB = null;
        }
        rmSync(rssDir, { recursive: true, force: true });
      }
      resolve({ status, signal, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8'), timedOut, maxRssKiB });
    });
    // A child that exits before reading all its input closes the pipe: not an error here.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(run.input ?? '');
  });
}
