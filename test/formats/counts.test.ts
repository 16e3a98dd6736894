// The vm.phys_free and /proc/buddyinfo readers: every fixture, recognition, damage, and the FMFI the patched kernel prints for the same state.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../fixtures/catalogue.js';
import { generateAllFormats, generateCountLog, type CountLogOptions } from '../../fixtures/counts.js';
import { parseLog } from '../../src/formats/read.js';
import { recogniseFormat } from '../../src/formats/registry.js';
import { domainLabel, type BootWindow } from '../../src/model.js';

const fixture = (name: string): Buffer => readFileSync(join(__dirname, '../../fixtures', name));
const countFixtures = FIXTURES.filter((f) => /^(phys|buddyinfo)/.test(f.name));

/** Every row of a window as `time domain order fmfi`, for comparing windows. */
const fmfiRows = (w: BootWindow): string[] =>
  w.samples.flatMap((s) => s.domains.flatMap((d) => d.orders.map((r) => `${s.time} ${d.domain} ${r.order} ${r.fmfi}`)));

describe('count readers on the fixtures', () => {
  it.each(countFixtures.map((f) => [f.name, f] as const))('%s: the committed file is what the generator writes, read without a warning', (name, f) => {
    expect(fixture(name).toString('latin1')).toBe(f.text());
    const w = parseLog(fixture(name), name);
    expect(w.diagnostics).toEqual([]);
    expect(w.samples.length).toBeGreaterThan(0);
    for (const s of w.samples) {
      for (const d of s.domains) {
        expect(d.orders.map((r) => r.order)).toEqual([...d.orders.map((r) => r.order)].sort((a, b) => b - a));
        for (const r of d.orders) {
          expect(r.freeBlocks).toBeGreaterThanOrEqual(0);
          expect(r.unusable).toBeGreaterThanOrEqual(0);
          expect(r.sizeKiB).toBe(4 * 2 ** r.order);
        }
      }
    }
  });

  it('recognises each format from its content', () => {
    expect(recogniseFormat(fixture('phys-free-old.log')).name).toBe('phys-free');
    expect(recogniseFormat(fixture('phys-free-2-domains.log')).name).toBe('phys-free');
    expect(recogniseFormat(fixture('buddyinfo-wide.log')).name).toBe('buddyinfo');
    expect(recogniseFormat(fixture('one-domain.log')).name).toBe('frag-idx');
  });

  it('labels Linux zones and keeps their numbers from sample to sample', () => {
    const w = parseLog(fixture('buddyinfo-2-nodes.log'), 'buddyinfo-2-nodes.log');
    const labels = w.samples[0]!.domains.map(domainLabel);
    expect(labels).toEqual([
      'node 0 DMA', 'node 0 DMA32', 'node 0 Normal', 'node 0 Movable',
      'node 1 DMA', 'node 1 DMA32', 'node 1 Normal', 'node 1 Movable',
    ]);
    for (const s of w.samples) expect(s.domains.map((d) => d.domain)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // The empty zone: no free block, FMFI 0, all of nothing unusable.
    expect(w.samples[0]!.domains[3]!.orders.every((r) => r.freeBlocks === 0 && r.fmfi === 0 && r.unusable === 1000)).toBe(true);
    expect(w.samples[0]!.domains[0]!.orders).toHaveLength(11);
  });

  it('sums free lists and pools per domain, in the old layout and with wide counts too', () => {
    const plain = parseLog(generateCountLog('phys-free', { seed: 3, samples: 3, domains: 2 }));
    const split = parseLog(generateCountLog('phys-free', { seed: 3, samples: 3, domains: 2, physFree: { freeLists: 3, pools: 3, oldLayout: false } }));
    expect(fmfiRows(split)).toEqual(fmfiRows(plain));
    const wide = parseLog(fixture('phys-free-wide.log'));
    expect(wide.samples[0]!.domains[0]!.orders.some((r) => r.freeBlocks! > 999_999)).toBe(true);
  });

  it('reads the boot time from phys_free_ and buddyinfo_ names', () => {
    expect(parseLog('', 'phys_free_20240408_1005.log').bootTime).toBe(Date.UTC(2024, 3, 8, 10, 5));
    expect(parseLog('', 'buddyinfo_20240408_1005.log').bootTime).toBe(Date.UTC(2024, 3, 8, 10, 5));
  });
});

const simulation = fc.record({
  seed: fc.nat(1000),
  samples: fc.integer({ min: 1, max: 6 }),
  domains: fc.integer({ min: 1, max: 4 }),
  orders: fc.integer({ min: 1, max: 14 }),
  withoutOutputEvery: fc.constantFrom(0, 0, 3),
  physFree: fc.record({ freeLists: fc.integer({ min: 1, max: 3 }), pools: fc.integer({ min: 1, max: 3 }), oldLayout: fc.boolean() }),
}).map((o) => (o.physFree.oldLayout ? { ...o, domains: 1 } : o)); // kernels of the old layout had one domain

describe('FMFI from counts', () => {
  it('equals what vm.phys_frag_idx prints for the same state, from vm.phys_free and from /proc/buddyinfo', () => {
    fc.assert(
      fc.property(simulation, (options: CountLogOptions) => {
        const logs = generateAllFormats({ ...options, buddyinfo: { zones: ['DMA32', 'Normal'] } });
        const patched = fmfiRows(parseLog(logs['frag-idx']));
        expect(fmfiRows(parseLog(logs['phys-free']))).toEqual(patched);
        expect(fmfiRows(parseLog(logs.buddyinfo))).toEqual(patched);
      }),
    );
  });
});

describe('count readers on damaged logs', () => {
  const junk = fc.constantFrom('sysctl: unknown oid', '~', 'Node x, zone', '  3 (    32K)  |  abc', 'FREE LIST', '\x00\xff', '2024-13-45_99:99:99x', 'DOMAIN 7');

  it.each(['phys-free', 'buddyinfo'] as const)('%s: a junk line between samples loses no valid row and never throws', (format) => {
    fc.assert(
      fc.property(simulation, junk, fc.nat(), (options, line, at) => {
        const text = generateCountLog(format, options);
        const samples = text.split(/(?=^\d{4}-\d\d-\d\d_)/m);
        const where = at % (samples.length + 1);
        samples.splice(where, 0, `${line}\n`);
        const damaged = parseLog(samples.join(''));
        expect(fmfiRows(damaged)).toEqual(fmfiRows(parseLog(text)));
        expect(damaged.diagnostics.length).toBeGreaterThan(0);
      }),
    );
  });

  it.each(['phys-free', 'buddyinfo'] as const)('%s: a log cut anywhere keeps every sample before the cut', (format) => {
    fc.assert(
      fc.property(simulation, fc.double({ min: 0, max: 1, noNaN: true }), (options, where) => {
        const text = generateCountLog(format, options);
        const cut = text.slice(0, Math.floor(text.length * where));
        const whole = fmfiRows(parseLog(text));
        const got = fmfiRows(parseLog(cut));
        const lastDate = cut.lastIndexOf('\n20');
        const complete = lastDate < 0 ? [] : fmfiRows(parseLog(cut.slice(0, lastDate + 1)));
        expect(whole.slice(0, complete.length)).toEqual(complete);
        expect(got.slice(0, complete.length)).toEqual(complete);
        // What the cut sample kept is right, never computed from a part of its counts.
        expect(whole).toEqual(expect.arrayContaining(got));
      }),
    );
  });

  it('skips a domain whose log ends after the header of a free list, before its rows', () => {
    const text = generateCountLog('phys-free', { seed: 0, samples: 3, domains: 1, orders: 2, physFree: { freeLists: 3, pools: 1, oldLayout: false } });
    // Cut in the second sample, after FREE LIST 1 and its blank line: free list 0 is all it has.
    const second = text.indexOf('FREE LIST 1:\n\n', text.indexOf('FREE LIST 1:\n\n') + 1);
    const cut = text.slice(0, second + 'FREE LIST 1:\n\n'.length);
    const w = parseLog(cut, 'x.log');
    expect(w.samples.map((s) => s.domains.length)).toEqual([1, 0]);
    expect(w.samples[0]).toEqual(parseLog(text, 'x.log').samples[0]);
    expect(w.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['COUNTS_INCOMPLETE', 'domain 0 of the sample of 2024-04-08_10:06:00: the log ends inside its output, so free lists may be missing (log cut off?); without every count no index can be computed: skipped'],
    ]);
  });

  it('says which free list stopped early and skips only that domain', () => {
    const text = generateCountLog('phys-free', { seed: 5, samples: 2, domains: 2, orders: 3 });
    const rows = text.split('\n');
    const at = rows.findIndex((l, i) => i > rows.indexOf('DOMAIN 1:') && l.startsWith('   0 ('));
    rows.splice(at, 1);
    const w = parseLog(rows.join('\n'), 'x.log');
    expect(w.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ['COUNTS_INCOMPLETE', 21, 'domain 1 of the sample of 2024-04-08_10:05:00: free list 0 stops at order 1, not 0 (log cut off?); without every count no index can be computed: skipped'],
    ]);
    expect(w.samples[0]!.domains.map((d) => d.domain)).toEqual([0]);
    expect(w.samples[1]!.domains.map((d) => d.domain)).toEqual([0, 1]);
  });

  it('skips a zone line whose order count differs, and a zone repeated in a sample', () => {
    const text = '2024-04-08_10:05:00\nNode 0, zone   Normal      1      2      3 \nNode 0, zone   Normal      1      2 \nNode 0, zone   Normal      4      5      6 \n';
    const w = parseLog(text, 'x.log');
    expect(w.diagnostics.map((d) => `${d.line}: ${d.message}`)).toEqual([
      "3: a zone line with 2 orders where the log's first has 3 (line damaged?): skipped",
      '4: node 0 Normal appears twice in the sample of 2024-04-08_10:05:00: second line skipped',
    ]);
    expect(w.samples[0]!.domains[0]!.orders.map((r) => r.freeBlocks)).toEqual([3, 2, 1]);
  });
});
