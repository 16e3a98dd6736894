// Where output goes: buffered sinks for files (written atomically), devices and standard output.
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { fstatSync, readSync, statSync, write as writeFd } from 'node:fs';
import { dirname } from 'node:path';
import { failure, fileError, FmfiError } from '../errors.js';
import { fsPath } from './names.js';
import { outputPlace, type OutputRole } from './places.js';
import { clearLeftovers, forgetTemp, rememberTemp, tempPathFor } from './temp.js';

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

/**
 * A file: written to a temporary file beside it, renamed onto the path on commit. Whatever
 * was at the path (a file, a link, a pipe) is replaced, never written through; a file
 * replaced leaves its mode to the new one.
 */
class AtomicFileSink extends HandleSink {
  private constructor(
    target: string,
    private readonly temp: string,
    private readonly fileHandle: FileHandle,
  ) {
    super(target, fileHandle);
  }

  static async create(target: string, mode: number | null): Promise<AtomicFileSink> {
    const temp = tempPathFor(target);
    let handle: FileHandle;
    try {
      handle = await open(fsPath(temp), 'wx', 0o644);
    } catch (e) {
      throw fileError(target, e, 'write');
    }
    rememberTemp(temp);
    if (mode !== null) {
      try {
        await handle.chmod(mode);
      } catch (e) {
        await handle.close().catch(() => undefined);
        await unlink(fsPath(temp)).catch(() => undefined);
        forgetTemp(temp);
        throw fileError(target, e, 'write');
      }
    }
    return new AtomicFileSink(target, temp, handle);
  }

  async commit(): Promise<void> {
    try {
      await this.flush();
      await this.fileHandle.sync();
      await this.fileHandle.close();
      await rename(fsPath(this.temp), fsPath(this.target));
      forgetTemp(this.temp);
    } catch (e) {
      await this.abort();
      throw e instanceof FmfiError ? e : fileError(this.target, e, 'write');
    }
  }

  async abort(): Promise<void> {
    await this.settle();
    await this.fileHandle.close().catch(() => undefined);
    await unlink(fsPath(this.temp)).catch(() => undefined);
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
      return new DeviceSink(target, await open(fsPath(target), 'w'));
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

/** A file descriptor, written at its own position (the end, for `>>`). */
function fdWritable(fd: number): Writable {
  return {
    write: (data, offset, length) =>
      new Promise((resolve, reject) => {
        writeFd(fd, data, offset, length, null, (e, bytesWritten) => (e ? reject(e) : resolve({ bytesWritten })));
      }),
  };
}

/**
 * Standard output redirected to a file (`> all.csv`, as in a cron job), or another
 * descriptor the shell handed over (`/dev/fd/3`). Node writes standard output
 * synchronously, between the parsing; written here like any file, the writes overlap it.
 */
class FdSink extends HandleSink {
  constructor(name: string, fd: number) {
    super(name, fdWritable(fd));
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

/**
 * Whether standard output was closed when the process started (`fmfi-plot csv x.log >&-`).
 * Node.js then opens /dev/null there, for reading and writing, so output would vanish
 * without an error; a `> /dev/null` of the shell is opened for writing only, and a read
 * from it fails. Reading /dev/null never waits.
 */
function stdoutWasClosed(): boolean {
  try {
    const out = fstatSync(1);
    const devNull = statSync('/dev/null');
    if (!out.isCharacterDevice() || out.rdev !== devNull.rdev) return false;
    readSync(1, Buffer.alloc(1), 0, 1, null);
    return true;
  } catch {
    return false;
  }
}

function fdStats(fd: number, name: string): ReturnType<typeof fstatSync> {
  try {
    return fstatSync(fd);
  } catch (e) {
    throw fileError(name, e, 'write');
  }
}

/** A file descriptor as a sink: standard output, or a descriptor the shell opened (`/dev/fd/3`). */
function streamSink(fd: number): TextSink {
  const name = fd === 1 ? '<stdout>' : `/dev/fd/${fd}`;
  const st = fdStats(fd, name);
  if (fd === 1) {
    if (stdoutWasClosed()) throw failure('OUTPUT_CLOSED', name);
    return st.isFile() ? new FdSink(name, 1) : new StdoutSink();
  }
  return new FdSink(name, fd);
}

export interface SinkOptions {
  /**
   * Who chose the path: `named` (the default, `-o FILE`) writes a device or pipe in place;
   * `derived` (a chart or CSV per log in a folder) replaces whatever is at the path.
   */
  readonly role?: OutputRole;
}

/**
 * `-`, `/dev/stdout` and `/dev/fd/N` are written as streams, at their own position; a device or
 * pipe named as the output is written in place; anything else is a file written atomically,
 * replacing what is at the path (a link is never followed).
 */
export async function openTextSink(path: string, options: SinkOptions = {}): Promise<TextSink> {
  const place = await outputPlace(path, options.role ?? 'named');
  switch (place.kind) {
    case 'stream':
      return streamSink(place.fd);
    case 'in-place':
      return DeviceSink.create(path);
    case 'file':
      return AtomicFileSink.create(path, place.mode);
  }
}

/** Writes a whole file atomically (a device or pipe the user named, in place). */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: SinkOptions = {}): Promise<void> {
  const sink = await openTextSink(target, options);
  sink.write(data);
  await sink.commit();
}

/**
 * Clears what a killed run left beside a file the user named (`-o FILE`), once per run: a
 * later run into the same folder removes it. Streams and devices have no folder to clear.
 */
export async function clearLeftoversBeside(path: string): Promise<void> {
  const place = await outputPlace(path, 'named').catch(() => null);
  if (place?.kind === 'file') await clearLeftovers(dirname(path));
}
