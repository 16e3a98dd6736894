// Atomic outputs: what an output path may turn out to be (a link, a device, a pipe) and a disk that fills.
//
// Outputs never follow links: a link at the path is replaced by the new file. A device or a
// pipe the user named is written in place; at a path the tool chose, it is replaced too.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
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
const asRoot = process.getuid?.() === 0;

/**
 * A full device to write to. As root, a device node of our own in the temporary folder
 * (made like /dev/full): should a device ever again be replaced by a rename, it is that
 * node that goes, never /dev/full itself. Anyone else cannot replace /dev/full anyway.
 */
function fullDevice(name: string): string {
  if (!asRoot) return '/dev/full';
  const path = join(dir, name);
  const rdev = statSync('/dev/full').rdev;
  expect(spawnSync('mknod', [path, 'c', String(Math.floor(rdev / 256) & 0xfff), String(rdev & 0xff)]).status).toBe(0);
  return path;
}

describe('openTextSink and writeFileAtomic', () => {
  it.skipIf(!hasDevFull)('write a device named as the output in place, and report a full one: a rename onto it would replace it', async () => {
    const full = fullDevice('full.csv');
    const sinkFailure = await writeThrough(full, 'x\n'.repeat(1000)).catch((e: unknown) => e);
    expect(sinkFailure).toBeInstanceOf(FmfiError);
    expect((sinkFailure as FmfiError).message).toBe(`${full}: cannot write: no space left on the device`);
    const fileFailure = await writeFileAtomic(full, 'x').catch((e: unknown) => e);
    expect((fileFailure as FmfiError).message).toBe(`${full}: cannot write: no space left on the device`);
    expect(statSync(full).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.fmfi-plot-tmp'))).toEqual([]);
  });

  it.skipIf(!hasDevFull)('replace a link to a device, never write through it', async () => {
    const link = join(dir, 'to-device.csv');
    symlinkSync('/dev/full', link);
    await writeThrough(link, 'new\n');
    expect(lstatSync(link).isFile()).toBe(true);
    expect(readFileSync(link, 'utf8')).toBe('new\n');
  });

  it('replace a link to a file, never write through it: the file it named keeps its content', async () => {
    const real = join(dir, 'real.csv');
    const link = join(dir, 'link.csv');
    writeFileSync(real, 'previous\n');
    symlinkSync('real.csv', link);
    await writeThrough(link, 'new\n');
    expect(lstatSync(link).isFile()).toBe(true);
    expect(readFileSync(link, 'utf8')).toBe('new\n');
    expect(readFileSync(real, 'utf8')).toBe('previous\n');
  });

  it('keep the mode of the file it replaces', async () => {
    const file = join(dir, 'mode.csv');
    writeFileSync(file, 'previous\n');
    chmodSync(file, 0o640);
    await writeFileAtomic(file, 'new\n');
    expect(statSync(file).mode & 0o7777).toBe(0o640);
    expect(readFileSync(file, 'utf8')).toBe('new\n');
  });

  it('replace a named pipe at a path the tool chose (derived), never opening it', async () => {
    const fifo = join(dir, 'derived.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // Opening the pipe would wait for a reader for ever: the test's own time limit catches that.
    await writeFileAtomic(fifo, 'chart\n', { role: 'derived' });
    expect(lstatSync(fifo).isFile()).toBe(true);
    expect(readFileSync(fifo, 'utf8')).toBe('chart\n');
  }, 10_000);

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
