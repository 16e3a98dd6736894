// Servers for end-to-end tests (Prometheus, node_exporter): a free port, a start that waits until ready, a stop; every wait bounded.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A port on 127.0.0.1 that nothing listens on now (the system's pick). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no port'))));
    });
  });
}

/** GET `url` as text, given up after `timeoutMs`. */
export async function httpGet(url: string, timeoutMs = 5000): Promise<{ status: number; body: string }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  return { status: response.status, body: await response.text() };
}

export interface Server {
  readonly port: number;
  /** What it wrote to standard error so far, for failure messages. */
  log(): string;
  /** SIGTERM, then SIGKILL if it has not exited within 5 seconds. */
  stop(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

/**
 * Starts `program` with `args(port)` on a free port and waits (at most `timeoutMs`) until
 * GET `readyPath` answers 200. Throws, after stopping it, if it exits or is not ready in time.
 */
export async function startServer(program: string, args: (port: number) => string[], readyPath: string, timeoutMs = 30_000): Promise<Server> {
  const port = await freePort();
  const child = spawn(program, args(port), { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => {
    stderr = (stderr + b.toString()).slice(-20_000);
  });
  const server: Server = {
    port,
    log: () => stderr,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const gone = await Promise.race([exited(child).then(() => true), sleep(5000).then(() => false)]);
      if (!gone) {
        child.kill('SIGKILL');
        await Promise.race([exited(child), sleep(5000)]);
      }
    },
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${program} exited (${child.exitCode ?? child.signalCode}): ${stderr}`);
    const ready = await httpGet(`http://127.0.0.1:${port}${readyPath}`, 1000).then((r) => r.status === 200, () => false);
    if (ready) return server;
    await sleep(100);
  }
  await server.stop();
  throw new Error(`${program} not ready on port ${port} after ${timeoutMs} ms: ${stderr}`);
}
