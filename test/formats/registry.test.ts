// The input-format seam: a log's format is recognised from its first bytes, however the bytes arrive.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LogFormat } from '../../src/formats/format.js';
import { parseLog } from '../../src/formats/read.js';
import { DEFAULT_FORMAT, FORMATS, openReader, RECOGNISE_BYTES, recogniseFormat } from '../../src/formats/registry.js';
import type { Diagnostic, Sample } from '../../src/model.js';
import { FIXTURES } from '../helpers/cli.js';

function readInPieces(bytes: Buffer, size: number): { samples: Sample[]; diagnostics: Diagnostic[]; format: string } {
  const samples: Sample[] = [];
  const diagnostics: Diagnostic[] = [];
  let format = '';
  const reader = openReader('x.log', { sample: (s) => samples.push(s), diagnostic: (d) => diagnostics.push(d) }, {}, (f: LogFormat) => (format = f.name));
  for (let i = 0; i < bytes.length; i += size) reader.write(bytes.subarray(i, i + size));
  reader.end();
  return { samples, diagnostics, format };
}

describe('recogniseFormat', () => {
  it('knows a vm.phys_frag_idx log by its sysctl lines', () => {
    expect(recogniseFormat(readFileSync(join(FIXTURES, 'one-domain.log'))).name).toBe('frag-idx');
    expect(recogniseFormat('2024-04-08_10:05:00\n  ORDER (SIZE) |  FMFI\n').name).toBe('frag-idx');
  });

  it('gives a log nothing recognises to the default format', () => {
    expect(DEFAULT_FORMAT).toBe('frag-idx');
    expect(recogniseFormat('').name).toBe('frag-idx');
    expect(recogniseFormat('2024-04-08_10:05:00\n\n2024-04-08_10:10:00\n').name).toBe('frag-idx');
    expect(recogniseFormat(Buffer.from([0, 255, 10, 13])).name).toBe('frag-idx');
  });

  it('goes by the format most of the head is in: a stray sample of another format near the top does not decide', () => {
    const physFree = readFileSync(join(FIXTURES, 'phys_free_20240408_1005.log'), 'latin1');
    const fragIdx = readFileSync(join(FIXTURES, 'one-domain.log'), 'latin1');
    const buddy = readFileSync(join(FIXTURES, 'buddyinfo_20240408_1005.log'), 'latin1');
    const firstSample = (log: string): string => log.slice(0, log.indexOf('\n20', 1) + 1);
    const rest = (log: string): string => log.slice(firstSample(log).length);
    // One sample of another format after the first sample, or before it.
    expect(recogniseFormat(firstSample(physFree) + firstSample(fragIdx) + rest(physFree)).name).toBe('phys-free');
    expect(recogniseFormat(firstSample(fragIdx) + physFree).name).toBe('phys-free');
    expect(recogniseFormat(firstSample(buddy) + firstSample(fragIdx) + rest(buddy)).name).toBe('buddyinfo');
    expect(recogniseFormat(firstSample(physFree) + fragIdx).name).toBe('frag-idx');
    // As many samples of each: the one the log starts with.
    expect(recogniseFormat(firstSample(physFree) + firstSample(fragIdx)).name).toBe('phys-free');
    expect(recogniseFormat(firstSample(fragIdx) + firstSample(physFree)).name).toBe('frag-idx');
    expect(recogniseFormat(firstSample(buddy) + firstSample(fragIdx)).name).toBe('buddyinfo');
  });

  it('lists every format under the name it is known by', () => {
    for (const [name, format] of Object.entries(FORMATS)) expect(format.name).toBe(name);
  });
});

describe('openReader', () => {
  const bytes = readFileSync(join(FIXTURES, 'stray-lines.log'));
  const whole = parseLog(bytes, 'x.log');

  it.each([1, 7, 4096, RECOGNISE_BYTES - 1, RECOGNISE_BYTES, 1 << 20])('reads a log fed %i bytes at a time as it reads it whole', (size) => {
    const read = readInPieces(bytes, size);
    expect(read.format).toBe('frag-idx');
    expect(read.samples).toEqual(whole.samples);
    expect(read.diagnostics).toEqual(whole.diagnostics);
  });

  it('reads an empty log, and says it has no samples', () => {
    const read = readInPieces(Buffer.alloc(0), 10);
    expect(read.samples).toEqual([]);
    expect(read.diagnostics.map((d) => d.code)).toEqual(['NO_SAMPLES']);
  });

  it('uses the format it is told, without looking', () => {
    let told = '';
    const reader = openReader('x.log', { sample: () => undefined, diagnostic: () => undefined }, { format: 'frag-idx' }, (f) => (told = f.name));
    expect(told).toBe('frag-idx');
    reader.end();
  });
});
