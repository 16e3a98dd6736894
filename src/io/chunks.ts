// The bytes of a log in chunks, from a file or standard input; a failure to read becomes a message about the file.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { failure, fileError, isSystemError } from '../errors.js';
import { decompressed } from './decompress.js';
import { fsPath } from './names.js';
import { checkInput, checkInputSync, isInputStream, kindOf, READ_FLAGS } from './places.js';

/** Bytes read at a time. */
export const LOG_CHUNK = 1 << 20;

/** The name an input goes by in messages: `-` is standard input. */
export function displayName(path: string): string {
  return path === '-' ? '<stdin>' : path;
}

/**
 * The bytes of a log in chunks: a file, or standard input for `-`. A file of up to 16 MiB
 * is read on this thread, a chunk at a time into one buffer (fileChunks); a longer one,
 * or a stream the shell hands over, into two buffers in turn, the next chunk while the last one is parsed: a new buffer per
 * chunk cost more than the parsing (`npm run bench`). One read at a time, from where
 * the last one ended: pipes and process substitutions cannot seek. A chunk is valid
 * until the next one is asked for. Errors of the operating system are thrown as
 * FmfiError naming the file; nothing else is caught here. Only regular files and the
 * streams the shell hands over are read: a FIFO, a socket or a device is refused before
 * it is opened (it could block the run for ever, or never end).
 */
export async function* readChunks(path: string): AsyncGenerator<Buffer> {
  try {
    yield* chunksOf(path);
  } catch (e) {
    if (isSystemError(e)) throw fileError(displayName(path), e, 'read');
    throw e;
  }
}

/**
 * The text of a log in chunks, as readChunks gives them, a gzip-compressed log
 * decompressed on the way (see decompress.ts); `onDamage` is told why gzip data ended
 * early. Valid until the next chunk is asked for.
 */
export function readLogText(path: string, onDamage: (why: string) => void): AsyncGenerator<Buffer> {
  return decompressed(readChunks(path), displayName(path), onDamage);
}

async function* chunksOf(path: string): AsyncGenerator<Buffer> {
  if (path === '-') {
    for await (const chunk of process.stdin) yield chunk as Buffer;
    return;
  }
  if (!isInputStream(path) && checkInputSync(path)!.size <= SYNC_READ_BYTES) {
    yield* fileChunks(path);
    return;
  }
  const handle = await openLog(path);
  const buffers = [Buffer.allocUnsafe(LOG_CHUNK), Buffer.allocUnsafe(LOG_CHUNK)];
  const readInto = (buf: Buffer): Promise<{ bytesRead: number }> => {
    const read = handle.read(buf, 0, LOG_CHUNK, null);
    // A read that fails while the last chunk is still being parsed is reported where it
    // is awaited, not as an unhandled rejection in between.
    read.catch(() => undefined);
    return read;
  };
  let next = readInto(buffers[0]!);
  try {
    for (let i = 0; ; i ^= 1) {
      const { bytesRead } = await next;
      if (bytesRead === 0) break;
      next = readInto(buffers[i ^ 1]!);
      yield buffers[i]!.subarray(0, bytesRead);
    }
  } finally {
    await next.catch(() => undefined);
    await handle.close();
  }
}

/**
 * Logs up to this size are read on the parsing thread (fileChunks); longer ones as a
 * stream is, the next chunk read while the last one is parsed. A month at one sample every
 * five minutes is 4 MB. Beyond this the overlap pays (`csv` of 1,000,000 samples, 385 MB:
 * 1.07× the CPU time and 1.21× the time read synchronously), and a log read without a turn
 * of the event loop would hold up a batch's other threads, which wait on this one for
 * their next log, for as long as it takes.
 */
const SYNC_READ_BYTES = 16 * LOG_CHUNK;

/**
 * A log file's chunks, read on this thread. Asynchronous reads each went through Node's
 * file system threads and back: on a busy machine this thread sat idle waiting for them
 * to be scheduled (a seventh of a batch of 50 logs on one thread), for reads that the page
 * cache answers in a fraction of a millisecond. Checked before as openLog checks a file.
 */
function* fileChunks(path: string): Generator<Buffer> {
  const fd = openSync(fsPath(path), READ_FLAGS);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw failure('INPUT_NOT_A_FILE', path, kindOf(st));
    // One buffer: a chunk is valid until the next one is asked for.
    const buffer = Buffer.allocUnsafe(LOG_CHUNK);
    for (let bytes = readSync(fd, buffer, 0, LOG_CHUNK, null); bytes > 0; bytes = readSync(fd, buffer, 0, LOG_CHUNK, null)) {
      yield buffer.subarray(0, bytes);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens a log: a stream as it is; a file only if it is one, checked before opening and
 * again on what was opened (the path may have been swapped in between).
 */
async function openLog(path: string): Promise<FileHandle> {
  if (isInputStream(path)) return open(fsPath(path), 'r');
  await checkInput(path);
  const handle = await open(fsPath(path), READ_FLAGS);
  const st = await handle.stat().catch(async (e: unknown) => {
    await handle.close();
    throw e;
  });
  if (!st.isFile()) {
    await handle.close();
    throw failure('INPUT_NOT_A_FILE', path, kindOf(st));
  }
  return handle;
}
