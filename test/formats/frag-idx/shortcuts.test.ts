// The parser's shortcuts for the kernel's own lines against its general path alone, on damaged logs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateLog } from '../../../fixtures/generate.js';
import type { Diagnostic, Sample } from '../../../src/model.js';
import { FragIdxScanner, type ScannerOptions } from '../../../src/formats/frag-idx/scanner.js';

function parse(bytes: Buffer, cuts: readonly number[], options: ScannerOptions): { samples: Sample[]; diagnostics: Diagnostic[] } {
  const samples: Sample[] = [];
  const diagnostics: Diagnostic[] = [];
  const parser = new FragIdxScanner('d.log', { sample: (s) => samples.push(s), diagnostic: (d) => diagnostics.push(d) }, options);
  let from = 0;
  for (const to of [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)) {
    parser.write(bytes.subarray(from, to));
    from = to;
  }
  parser.write(bytes.subarray(from));
  parser.end();
  return { samples, diagnostics };
}

const base = generateLog({ samples: 12, domains: 2, orders: 5, seed: 9 }).split('\n');

/** Lines a shortcut nearly accepts, or accepts only in part: each must come out as the general path has it. */
const nearMisses = [
  '  12 ( 16384K) |  768',
  '  12 ( 16384K) |  768 \r',
  '  12 ( 16384K) |  768\t',
  '  12 ( 16384K) |  1234567890123456 ',
  ' 123 (     4K) |  5 ',
  '   1 (1048576K) |  5 ',
  '   1 (     4K) |  -0 ',
  '  ORDER (SIZE) |  FMFI ',
  '  ORDER (SIZE) |  FMFI\r',
  'ORDER (SIZE) |  FMFI',
  '--\r',
  ' --',
  '---',
  'DOMAIN 1234567890',
  'DOMAIN 7 ',
  'DOMAIN ',
  'DOMAIN 0x1',
  'vm.phys_frag_idx:',
  'vm.phys_frag_idx: \r',
  'vm.phys_frag_idx:  ',
  '2024-04-08_10:05:00 ',
  '2024-04-08_24:05:00',
  '2024-02-30_10:05:00',
  '0024-02-29_10:05:00',
  '2024-04-08T10:05:00',
  '2024-04-08_10:05:0',
  '',
  '\t',
];

const lineArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...nearMisses) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((s) => s.replace(/\n/g, '')) },
);

describe('the parser with and without its shortcuts', () => {
  it('gives the same samples and diagnostics on logs with lines inserted, swapped and cut, read in any pieces', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), lineArb), { maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
        fc.nat(),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 8 }),
        (inserts, swaps, cutSeed, cut, pieces) => {
          const lines = [...base];
          for (const [at, line] of inserts) lines.splice(at % (lines.length + 1), 0, line);
          for (const [a, b] of swaps) {
            const i = a % lines.length;
            const j = b % lines.length;
            [lines[i], lines[j]] = [lines[j]!, lines[i]!];
          }
          let text = lines.join('\n');
          if (cut) text = text.slice(0, cutSeed % (text.length + 1));
          const bytes = Buffer.from(text, 'latin1');
          const general = parse(bytes, [], { shortcuts: false });
          expect(parse(bytes, pieces, {})).toEqual(general);
        },
      ),
    );
  });

  it('are not used where the line limit is below the longest line they read', () => {
    const log = Buffer.from(generateLog({ samples: 3, seed: 1 }), 'latin1');
    for (const maxLineLength of [10, 20, 30, 34, 35, 40]) {
      expect(parse(log, [], { maxLineLength })).toEqual(parse(log, [], { maxLineLength, shortcuts: false }));
    }
  });
});
