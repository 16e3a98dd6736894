// Compressed logs, told by their first bytes: gzip (newsyslog's rotations) read through zlib; bzip2, xz and zstd named with the command that opens them.
//
// A layer over the chunks of a log, whatever reads them: a plain log passes through as it
// came (one look at its first bytes), so the fast path of plain files stays as it was.
import { Readable, pipeline } from 'node:stream';
import { failure } from '../errors.js';

export const Compression = { gzip: 'gzip', bzip2: 'bzip2', xz: 'xz', zstd: 'zstd' } as const;
export type Compression = keyof typeof Compression;

/** The first bytes of each kind of file: its magic number. */
const MAGIC: ReadonlyArray<{ readonly kind: Compression; readonly bytes: RegExp }> = [
  // ID1 ID2 and CM = 8 (deflate), the only method there is (RFC 1952).
  { kind: 'gzip', bytes: /^\x1f\x8b\x08/ },
  // "BZh", the block size 1-9, then the magic of a block or of the end of an empty stream.
  { kind: 'bzip2', bytes: /^BZh[1-9](?:1AY&SY|\x17rE8P\x90)/ },
  { kind: 'xz', bytes: /^\xfd7zXZ\x00/ },
  { kind: 'zstd', bytes: /^\x28\xb5\x2f\xfd/ },
];

/** The most bytes a magic number above takes. */
export const MAGIC_BYTES = 10;

/** How the bytes starting a file are compressed, or null for a plain file (a log is text). */
export function compressionOf(head: Uint8Array): Compression | null {
  const text = Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, MAGIC_BYTES)).toString('latin1');
  return MAGIC.find((m) => m.bytes.test(text))?.kind ?? null;
}

/** The command that decompresses a file of each kind fmfi-plot does not read itself, keeping the compressed file. */
export const DECOMPRESS_COMMAND = { bzip2: 'bunzip2 -k', xz: 'unxz -k', zstd: 'unzstd' } as const;

/**
 * The bytes of a log however it is stored: gzip decompressed as it streams by, a plain log
 * as it came. `onDamage` is told why, when gzip data ends early or is damaged: what came
 * before is kept. Another compression throws FmfiError (INPUT_COMPRESSED) naming the
 * command that reads it. Chunks are valid until the next is asked for.
 */
export async function* decompressed(chunks: AsyncIterable<Buffer>, file: string, onDamage: (why: string) => void): AsyncGenerator<Buffer> {
  const source = chunks[Symbol.asyncIterator]();
  try {
    const head = await firstBytes(source);
    if (head === null) return;
    const kind = compressionOf(head);
    if (kind === 'gzip') return yield* gunzip(head, source, onDamage);
    if (kind !== null) throw failure('INPUT_COMPRESSED', file, kind, DECOMPRESS_COMMAND[kind]);
    yield head;
    for (let c = await source.next(); c.done !== true; c = await source.next()) yield c.value;
  } finally {
    // Closes the file however this ends: at its end, on an error, or a caller that stopped early.
    await source.return?.();
  }
}

/** The first chunk, or the first few joined when a pipe hands over fewer bytes than a magic number; null for an empty log. */
async function firstBytes(source: AsyncIterator<Buffer>): Promise<Buffer | null> {
  const first = await source.next();
  if (first.done === true) return null;
  if (first.value.length >= MAGIC_BYTES) return first.value;
  // Copied: a chunk may be reused by whoever read it.
  const parts = [Buffer.from(first.value)];
  let length = first.value.length;
  while (length < MAGIC_BYTES) {
    const next = await source.next();
    if (next.done === true) break;
    parts.push(Buffer.from(next.value));
    length += next.value.length;
  }
  return Buffer.concat(parts);
}

/** Whether an error is zlib's about the data (not the file system's, nor a bug). */
function isZlibDataError(e: unknown): e is Error {
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof Error && typeof code === 'string' && code.startsWith('Z_');
}

/** The chunks of the source, each copied: zlib may still hold one when the reader reuses its buffer. */
async function* copies(first: Buffer, source: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  try {
    yield Buffer.from(first);
    for (let c = await source.next(); c.done !== true; c = await source.next()) yield Buffer.from(c.value);
  } finally {
    await source.return?.();
  }
}

async function* gunzip(first: Buffer, source: AsyncIterator<Buffer>, onDamage: (why: string) => void): AsyncGenerator<Buffer> {
  // Larger pieces than zlib's 16 KiB: the parser's work per piece then matters less.
  // zlib is loaded for a gzip log only: it costs a plain log's run some milliseconds of start.
  const { createGunzip } = require('node:zlib') as typeof import('node:zlib');
  const zlib = createGunzip({ chunkSize: 256 << 10 });
  // The pipeline ends both sides together: a read error reaches the loop below, and
  // damaged data, or a caller that stops early, closes the file.
  pipeline(Readable.from(copies(first, source)), zlib, () => undefined);
  try {
    for await (const piece of zlib) yield piece as Buffer;
  } catch (e) {
    if (!isZlibDataError(e)) throw e;
    onDamage(e.message);
  } finally {
    zlib.destroy();
  }
}
