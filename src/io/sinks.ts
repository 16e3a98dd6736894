// Where output goes: buffered sinks for files (written atomically), devices and standard output.
import { open, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { fstatSync, write as writeFd } from 'node:fs';
import { fileError, FmfiError } from '../errors.js';
import { forgetTemp, rememberTemp, tempPathFor } from './temp.js';

/** Where output goes: buffered, flushed in large writes, with backpressure. */
export interface TextSink {
  /**
   * Bytes are kept, not copied, until written: hand over bytes you will not change
   * before `written` is called (then they may be written over).
   */
  write(data: string | Uint8Array, written?: () => void): void;
  /** Resolves when buffered output has been handed on; call between input chunks. */
  drain(): Promise<void>;
  /** Makes the output final (rename into place for files). */
  commit(): Promise<void>;
  /** Gives up: a file target keeps its previous content. */
  abort(): Promise<void>;
}

const FLUSH_AT = 1 << 20;

/** Where a target's bytes go: in place, or to the file a temporary file is renamed onto. */
type Placement = { readonly inPlace: true } | { readonly inPlace: false; readonly path: string };

/**
 * A device or a pipe (`-o /dev/null`, `/dev/stdout`) is written in place: renaming a file onto
 * it would replace it (as root, /dev/null itself), and being atomic means nothing there. A
 * symbolic link is followed, so the temporary file goes beside the file it names, and a link
 * such as /dev/stdout onto a file stays a link.
 */
async function placementOf(target: string): Promise<Placement> {
  const st = await stat(target).catch(() => null);
  if (st === null) return { inPlace: false, path: target };
  if (!st.isFile() && !st.isDirectory()) return { inPlace: true };
  return { inPlace: false, path: await realpath(target).catch(() => target) };
}

/** Something written at its current position: a file handle, or standard output as a file descriptor. */
interface Writable {
  write(data: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
}

/** Writes all of `data`: a write to a nearly full disk may take only part of it, and the rest then fails. */
async function writeAll(handle: Writable, data: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset);
    if (bytesWritten === 0) throw new Error('the file system took no more bytes');
    offset += bytesWritten;
  }
}

/** A piece of output, and whom to tell once it has been written. */
interface Part {
  readonly bytes: Uint8Array;
  readonly written: (() => void) | undefined;
}

/**
 * Collects pieces of output until there are enough for large writes. Pieces are kept as
 * given: copying them together cost as much as making them (`npm run bench`).
 */
class Pending {
  private parts: Part[] = [];
  size = 0;

  add(data: string | Uint8Array, written: (() => void) | undefined): void {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    if (bytes.length === 0) {
      written?.();
      return;
    }
    this.parts.push({ bytes, written });
    this.size += bytes.length;
  }

  take(): Part[] {
    const parts = this.parts;
    this.parts = [];
    this.size = 0;
    return parts;
  }
}

/** Writes pieces to a file or device, all of each, in order. */
async function writeParts(handle: Writable, parts: readonly Part[]): Promise<void> {
  for (const part of parts) {
    await writeAll(handle, part.bytes);
    part.written?.();
  }
}

/**
 * A file written in large writes; subclasses say how the output is made final. One
 * write is under way while the caller makes the next piece: the system call then runs
 * on another core (libuv's threads) instead of in between the parsing.
 */
abstract class HandleSink implements TextSink {
  private readonly pending = new Pending();
  /** The write under way; a failure surfaces at the next drain, flush or commit. */
  private writing: Promise<void> = Promise.resolve();
  protected constructor(
    /** As the user named it, for messages. */
    protected readonly target: string,
    private readonly handle: Writable,
  ) {}

  write(data: string | Uint8Array, written?: () => void): void {
    this.pending.add(data, written);
  }

  async drain(): Promise<void> {
    if (this.pending.size < FLUSH_AT) return;
    // At most one write under way and one batch pending: memory stays bounded.
    await this.writing;
    this.startWriting();
  }

  /** Writes everything written so far, and waits for it. */
  protected async flush(): Promise<void> {
    await this.writing;
    this.startWriting();
    await this.writing;
  }

  /** Waits for the write under way, failed or not: before closing or removing the file. */
  protected async settle(): Promise<void> {
    await this.writing.catch(() => undefined);
  }

  private startWriting(): void {
    const writing = writeParts(this.handle, this.pending.take()).catch((e: unknown) => {
      throw fileError(this.target, e, 'write');
    });
    writing.catch(() => undefined); // awaited later; until then not an unhandled rejection
    this.writing = writing;
  }

  abstract commit(): Promise<void>;
  abstract abort(): Promise<void>;
}

/** A file: written to a temporary file beside it, renamed into place on commit. */
class AtomicFileSink extends HandleSink {
  private constructor(
    target: string,
    /** The file the temporary file replaces (a link given as the target, followed). */
    private readonly path: string,
    private readonly temp: string,
    private readonly fileHandle: FileHandle,
  ) {
    super(target, fileHandle);
  }

  static async create(target: string, path: string): Promise<AtomicFileSink> {
    const temp = tempPathFor(path);
    let handle: FileHandle;
    try {
      handle = await open(temp, 'wx', 0o644);
    } catch (e) {
      throw fileError(target, e, 'write');
    }
    rememberTemp(temp);
    return new AtomicFileSink(target, path, temp, handle);
  }

  async commit(): Promise<void> {
    try {
      await this.flush();
      await this.fileHandle.sync();
      await this.fileHandle.close();
      await rename(this.temp, this.path);
      forgetTemp(this.temp);
    } catch (e) {
      await this.abort();
      throw e instanceof FmfiError ? e : fileError(this.target, e, 'write');
    }
  }

  async abort(): Promise<void> {
    await this.settle();
    await this.fileHandle.close().catch(() => undefined);
    await unlink(this.temp).catch(() => undefined);
    forgetTemp(this.temp);
  }
}

/** A device or a pipe named as the output: written in place. */
class DeviceSink extends HandleSink {
  private constructor(
    target: string,
    private readonly fileHandle: FileHandle,
  ) {
    super(target, fileHandle);
  }

  static async create(target: string): Promise<DeviceSink> {
    try {
      return new DeviceSink(target, await open(target, 'w'));
    } catch (e) {
      throw fileError(target, e, 'write');
    }
  }

  async commit(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.fileHandle.close().catch(() => undefined);
    }
  }

  async abort(): Promise<void> {
    await this.settle();
    await this.fileHandle.close().catch(() => undefined);
  }
}

/** File descriptor 1, written at its own position (the end, for `>>`). */
const STDOUT_FD: Writable = {
  write: (data, offset, length) =>
    new Promise((resolve, reject) => {
      writeFd(1, data, offset, length, null, (e, bytesWritten) => (e ? reject(e) : resolve({ bytesWritten })));
    }),
};

/**
 * Standard output redirected to a file (`> all.csv`, as in a cron job). Node writes that
 * synchronously, between the parsing; written here like any file, the writes overlap it.
 */
class StdoutFileSink extends HandleSink {
  constructor() {
    super('<stdout>', STDOUT_FD);
  }

  async commit(): Promise<void> {
    await this.flush();
  }

  async abort(): Promise<void> {
    await this.settle();
  }
}

/** Standard output to a terminal or a pipe, in large writes: one write per sample would cost a system call each. */
class StdoutSink implements TextSink {
  private readonly pending = new Pending();

  write(data: string | Uint8Array, written?: () => void): void {
    this.pending.add(data, written);
  }

  private flush(): void {
    for (const { bytes, written } of this.pending.take()) {
      if (written === undefined) process.stdout.write(bytes);
      else process.stdout.write(bytes, () => written());
    }
  }

  async drain(): Promise<void> {
    if (this.pending.size >= FLUSH_AT) this.flush();
    if (process.stdout.writableNeedDrain) {
      await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
    }
  }

  async commit(): Promise<void> {
    this.flush();
    await this.drain();
  }

  async abort(): Promise<void> {
    this.flush();
  }
}

function isRegularFile(fd: number): boolean {
  try {
    return fstatSync(fd).isFile();
  } catch {
    return false;
  }
}

/** `-` is standard output; a device or pipe is written in place; anything else is a file written atomically. */
export async function openTextSink(path: string): Promise<TextSink> {
  if (path === '-') return isRegularFile(1) ? new StdoutFileSink() : new StdoutSink();
  const placement = await placementOf(path);
  return placement.inPlace ? DeviceSink.create(path) : AtomicFileSink.create(path, placement.path);
}

/** Writes a whole file atomically (a device or pipe in place). */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const sink = await openTextSink(target);
  sink.write(data);
  await sink.commit();
}
