// Compressed logs: gzip read as it is, the other compressions named with the command that opens them.
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { generateLog } from '../../fixtures/generate.js';
import { compressionOf, decompressed } from '../../src/io/decompress.js';
import { bootTimeFromName } from '../../src/formats/boot-time.js';
import { FmfiError } from '../../src/errors.js';

const LOG = generateLog({ samples: 40, seed: 5, intervalSeconds: 300 });

/** The chunks of `bytes`, `size` bytes each. */
async function* chunks(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function all(bytes: Buffer, size = 1 << 20): Promise<{ text: string; damage: string[] }> {
  const damage: string[] = [];
  const parts: Buffer[] = [];
  for await (const c of decompressed(chunks(bytes, size), 'x.log', (why) => damage.push(why))) parts.push(Buffer.from(c));
  return { text: Buffer.concat(parts).toString('latin1'), damage };
}

describe('compressed logs', () => {
  it('tells each compression by its magic bytes, and a plain log from all of them', () => {
    expect(compressionOf(gzipSync(LOG))).toBe('gzip');
    // The first bytes of what bzip2, xz and zstd write.
    expect(compressionOf(Buffer.from('BZh91AY&SY\x00\x00', 'latin1'))).toBe('bzip2');
    expect(compressionOf(Buffer.from('BZh9\x17rE8P\x90\x00', 'latin1'))).toBe('bzip2');
    expect(compressionOf(Buffer.from('\xfd7zXZ\x00\x00\x04\xe6\xd6', 'latin1'))).toBe('xz');
    expect(compressionOf(Buffer.from('\x28\xb5\x2f\xfd\x24\x00', 'latin1'))).toBe('zstd');
    expect(compressionOf(Buffer.from(LOG, 'latin1'))).toBeNull();
    expect(compressionOf(Buffer.from('BZh9 is no bzip2', 'latin1'))).toBeNull();
    expect(compressionOf(Buffer.alloc(0))).toBeNull();
  });

  it('passes a plain log through as it came, the same chunks', async () => {
    const bytes = Buffer.from(LOG, 'latin1');
    const seen: Buffer[] = [];
    for await (const c of decompressed(chunks(bytes, 4096), 'x.log', () => undefined)) seen.push(c);
    expect(seen.length).toBe(Math.ceil(bytes.length / 4096));
    expect(Buffer.concat(seen).equals(bytes)).toBe(true);
  });

  it('decompresses gzip however it is cut into chunks, a pipe of single bytes too', async () => {
    const gz = gzipSync(LOG);
    for (const size of [1, 3, 64, 1 << 20]) expect(await all(gz, size)).toEqual({ text: LOG, damage: [] });
    // Two members one after the other (cat a.gz b.gz) are one log.
    expect((await all(Buffer.concat([gz, gz]))).text).toBe(LOG + LOG);
  });

  it('reads gzip data cut short up to the cut, and says why it stopped', async () => {
    const gz = gzipSync(LOG);
    const { text, damage } = await all(gz.subarray(0, Math.floor(gz.length / 2)));
    expect(damage).toEqual(['unexpected end of file']);
    expect(text.length).toBeGreaterThan(0);
    expect(LOG.startsWith(text)).toBe(true);
  });

  it('refuses bzip2, xz and zstd with the command that decompresses them', async () => {
    for (const [head, kind, command] of [
      ['BZh91AY&SY', 'bzip2', 'bunzip2 -k'],
      ['\xfd7zXZ\x00\x00\x04\xe6\xd6', 'xz', 'unxz -k'],
      ['\x28\xb5\x2f\xfd\x24\x00\x00\x00\x00\x00', 'zstd', 'unzstd'],
    ] as const) {
      const error = await all(Buffer.from(head, 'latin1')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FmfiError);
      expect((error as FmfiError).code).toBe('INPUT_COMPRESSED');
      expect((error as FmfiError).message).toBe(`x.log: compressed with ${kind}, which fmfi-plot does not read (it reads gzip): decompress it first: ${command} x.log`);
    }
  });

  it('closes the source when the reader stops early or the data is refused', async () => {
    let closed = 0;
    const source = (bytes: Buffer): AsyncIterable<Buffer> => ({
      [Symbol.asyncIterator]: () => {
        const inner = chunks(bytes, 16);
        return { next: () => inner.next(), return: async () => (closed++, inner.return(undefined)) };
      },
    });
    for await (const c of decompressed(source(Buffer.from(LOG, 'latin1')), 'x.log', () => undefined)) if (c.length > 0) break;
    for await (const c of decompressed(source(gzipSync(LOG)), 'x.log', () => undefined)) if (c.length > 0) break;
    await expect(Readable.from(decompressed(source(Buffer.from('\xfd7zXZ\x00\x00\x04\xe6\xd6', 'latin1')), 'x.log', () => undefined)).toArray()).rejects.toThrow(/xz/);
    expect(closed).toBeGreaterThanOrEqual(3);
  });

  it('reads the boot time from the names newsyslog gives a log it rotates and compresses', () => {
    const boot = Date.UTC(2024, 3, 8, 10, 5);
    for (const name of ['vm_frag_20240408_1005.log.gz', 'vm_frag_20240408_1005.log.0.gz', 'vm_frag_20240408_1005.log.3', 'vm_frag_20240408_1005.log.1.bz2']) {
      expect(bootTimeFromName(`/var/tmp/${name}`)).toEqual({ kind: 'known', time: boot });
    }
    expect(bootTimeFromName('vm_frag_20240408_1005.log.gz.old')).toEqual({ kind: 'unnamed' });
  });
});
