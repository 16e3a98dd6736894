// A one-line progress display on a terminal: which logs, how many done, a bar for long ones.

export interface Progress {
  /** Writes a message above the progress line. */
  log(text: string): void;
  /** `count` more logs are to be read: the line counts them. */
  expect(count: number): void;
  begin(index: number, name: string, size: number): void;
  advance(index: number, bytes: number): void;
  finish(index: number): void;
  /** Clears the line for good. */
  close(): void;
}

const BAR = 20;
/** Logs smaller than this render in a blink: no bar for them. */
const BAR_FROM_BYTES = 4 << 20;
const REDRAW_MS = 100;

/** Progress that only passes messages through (not a terminal, or --quiet). */
export function silentProgress(write: (s: string) => void): Progress {
  return { log: write, expect() {}, begin() {}, advance() {}, finish() {}, close() {} };
}

/** The line counts the logs read, of those a run has found it must read (see `expect`). */
export function terminalProgress(stream: NodeJS.WriteStream): Progress {
  const running = new Map<number, { name: string; size: number; read: number }>();
  let done = 0;
  let total = 0;
  let shown = false;
  let lastDraw = 0;
  const width = (): number => Math.max(40, (stream.columns || 80) - 1);
  const clear = (): void => {
    if (shown) stream.write('\r\x1b[K');
    shown = false;
  };
  const draw = (): void => {
    lastDraw = Date.now();
    const parts: string[] = total === 0 ? [] : [`[${done}/${total}]`];
    for (const job of running.values()) {
      let text = job.name;
      if (job.size >= BAR_FROM_BYTES) {
        const f = Math.min(1, job.read / job.size);
        const filled = Math.round(f * BAR);
        text += ` ${'█'.repeat(filled)}${'░'.repeat(BAR - filled)} ${Math.floor(f * 100)}%`;
      }
      parts.push(text);
    }
    let line = parts.join('  ');
    if (line.length > width()) line = `${line.slice(0, width() - 1)}…`;
    stream.write(`\r\x1b[K${line}`);
    shown = true;
  };
  return {
    log(text) {
      clear();
      stream.write(text);
      draw();
    },
    expect(count) {
      total += count;
    },
    begin(index, name, size) {
      running.set(index, { name, size, read: 0 });
      draw();
    },
    advance(index, bytes) {
      const job = running.get(index);
      if (job === undefined) return;
      job.read += bytes;
      if (Date.now() - lastDraw >= REDRAW_MS) draw();
    },
    finish(index) {
      running.delete(index);
      done++;
      draw();
    },
    close() {
      clear();
    },
  };
}
