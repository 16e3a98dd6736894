// Atomic outputs: what an output path may turn out to be (a link, a device, a pipe) and a disk that fills.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FmfiError } from '../../src/errors.js';
import { openTextSink, writeFileAtomic } from '../../src/io/sinks.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fmfi-atomic-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function writeThrough(target: string, text: string): Promise<void> {
  const sink = await openTextSink(target);
  sink.write(text);
  await sink.commit();
}

const hasDevFull = existsSync('/dev/full');
if (!hasDevFull) process.stderr.write('SKIP: no /dev/full on this system (Linux has it): the full-device test is skipped\n');

// Every device below is reached through a link in the temporary folder: should a device ever
// again be replaced by a rename, it is the link that goes, never /dev/full itself.
describe('openTextSink and writeFileAtomic', () => {
  it.skipIf(!hasDevFull)('write a device in place and report a full one: a rename onto it would replace it', async () => {
    const full = join(dir, 'full.csv');
    symlinkSync('/dev/full', full);
    const sinkFailure = await writeThrough(full, 'x\n'.repeat(1000)).catch((e: unknown) => e);
    expect(sinkFailure).toBeInstanceOf(FmfiError);
    expect((sinkFailure as FmfiError).message).toBe(`${full}: cannot write: no space left on the device`);
    const fileFailure = await writeFileAtomic(full, 'x').catch((e: unknown) => e);
    expect((fileFailure as FmfiError).message).toBe(`${full}: cannot write: no space left on the device`);
    expect(lstatSync(full).isSymbolicLink()).toBe(true);
    expect(statSync(full).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.fmfi-plot-tmp'))).toEqual([]);
  });

  it('write through a link to a file, which stays a link', async () => {
    const real = join(dir, 'real.csv');
    const link = join(dir, 'link.csv');
    writeFileSync(real, 'previous\n');
    symlinkSync('real.csv', link);
    await writeThrough(link, 'new\n');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new\n');
    await writeFileAtomic(link, 'newer\n');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('newer\n');
  });

  it('write a named pipe in place: its reader gets the bytes and the pipe stays a pipe', async () => {
    const fifo = join(dir, 'out.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    const out: Buffer[] = [];
    reader.stdout.on('data', (b: Buffer) => out.push(b));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    // Were the pipe replaced, its reader would wait for ever: stop it, and the check below fails.
    const stop = setTimeout(() => reader.kill(), 5000);
    await writeThrough(fifo, 'through the pipe\n');
    await closed;
    clearTimeout(stop);
    expect(Buffer.concat(out).toString()).toBe('through the pipe\n');
    expect(statSync(fifo).isFIFO()).toBe(true);
  });
});
