// Outputs that appear whole or not at all: written to a temporary file beside the target, then renamed.
import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { unlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileError, FmfiError } from '../errors.js';

/** Temporary files end like this, so nothing mistakes one for an output and a later run can clear them. */
export const TEMP_SUFFIX = '.fmfi-plot-tmp';

/** Temporary files this process has open; removed on Ctrl-C by `removeLiveTemps`. */
const liveTemps = new Set<string>();

export function tempPathFor(target: string): string {
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  return join(dirname(target), `.${basename(target)}.${tag}${TEMP_SUFFIX}`);
}

/** Synchronous, for a signal handler: removes every temporary file still open. */
export function removeLiveTemps(): void {
  for (const path of liveTemps) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
  liveTemps.clear();
}

/** Where text goes: buffered, flushed in large writes, with backpressure. */
export interface TextSink {
  write(text: string): void;
  /** Resolves when buffered text has been handed on; call between input chunks. */
  drain(): Promise<void>;
  /** Makes the output final (rename into place for files). */
  commit(): Promise<void>;
  /** Gives up: a file target keeps its previous content. */
  abort(): Promise<void>;
}

const FLUSH_AT = 1 << 20;

class AtomicFileSink implements TextSink {
  private parts: string[] = [];
  private size = 0;
  private constructor(
    private readonly target: string,
    private readonly temp: string,
    private readonly handle: FileHandle,
  ) {}

  static async create(target: string): Promise<AtomicFileSink> {
    const temp = tempPathFor(target);
    let handle: FileHandle;
    try {
      handle = await open(temp, 'wx', 0o644);
    } catch (e) {
      throw fileError(target, e, 'write');
    }
    liveTemps.add(temp);
    return new AtomicFileSink(target, temp, handle);
  }

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
  }

  async drain(): Promise<void> {
    if (this.size >= FLUSH_AT) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.size === 0) return;
    const data = this.parts.join('');
    this.parts = [];
    this.size = 0;
    try {
      await this.handle.write(data, null, 'utf8');
    } catch (e) {
      throw fileError(this.target, e, 'write');
    }
  }

  async commit(): Promise<void> {
    try {
      await this.flush();
      await this.handle.sync();
      await this.handle.close();
      await rename(this.temp, this.target);
      liveTemps.delete(this.temp);
    } catch (e) {
      await this.abort();
      throw e instanceof FmfiError ? e : fileError(this.target, e, 'write');
    }
  }

  async abort(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await unlink(this.temp).catch(() => undefined);
    liveTemps.delete(this.temp);
  }
}

class StdoutSink implements TextSink {
  write(text: string): void {
    if (text.length > 0) process.stdout.write(text);
  }
  async drain(): Promise<void> {
    if (process.stdout.writableNeedDrain) {
      await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
    }
  }
  async commit(): Promise<void> {
    await this.drain();
  }
  async abort(): Promise<void> {}
}

/** `-` is standard output; anything else a file written atomically. */
export async function openTextSink(path: string): Promise<TextSink> {
  return path === '-' ? new StdoutSink() : AtomicFileSink.create(path);
}

/** Writes a whole file atomically. */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const temp = tempPathFor(target);
  let handle: FileHandle | null = null;
  liveTemps.add(temp);
  try {
    handle = await open(temp, 'wx', 0o644);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = null;
    await rename(temp, target);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw fileError(target, e, 'write');
  } finally {
    liveTemps.delete(temp);
  }
}

/** Refuses an output that is one of the inputs (same file, however it is named). */
export async function assertNotAnInput(output: string, inputs: readonly string[]): Promise<void> {
  if (output === '-') return;
  const out = await stat(output).catch(() => null);
  for (const input of inputs) {
    if (input === '-') continue;
    const same =
      resolve(input) === resolve(output) ||
      (out !== null && await stat(input).then((s) => s.dev === out.dev && s.ino === out.ino, () => false));
    if (same) {
      throw new FmfiError('OUTPUT_IS_INPUT', `${output}: is also an input: refusing to overwrite it`);
    }
  }
}
