// Window statistics for the view tests: a tiny hand-checked window, and wide ones built from P and B.
import { prng } from '../../../fixtures/generate.js';
import type { Sample } from '../../../src/model.js';
import { windowStats, type WindowStats } from '../../../src/summary/stats.js';
import { at, reading, sample } from '../../summary/kernel-samples.js';

/**
 * Three samples of 2 orders (P/B = 600/200, 7/3, 500/300) and one without output:
 * order 0 is -2000, -1333, -666; order 1 is -500, -166, 167.
 */
export function tinyWindow(source = 'vm_frag_20240408_1005.log'): WindowStats {
  const samples = [
    sample(at(10, 10), [reading(0, 600n, 200n, 2)]),
    sample(at(10, 15), [reading(0, 7n, 3n, 2)]),
    sample(at(10, 20), [reading(0, 500n, 300n, 2)]),
    sample(at(10, 25), []),
  ];
  return windowStats({ source, bootTime: at(10, 5), samples, diagnostics: [] });
}

export interface WideOptions {
  readonly source: string;
  readonly seed: number;
  readonly orders: number;
  readonly pageKiB: number;
  readonly domains: number;
  readonly samples: number;
  readonly bootTime?: number | null;
}

/**
 * A window whose numbers are as wide as real ones get: A from a page up to the largest
 * block (FMFI of order 0 near -1000 × 2^(orders-1)), crossings days into the uptime.
 */
export function wideWindow(o: WideOptions): WindowStats {
  const rand = prng(o.seed);
  const samples: Sample[] = [];
  for (let i = 0; i < o.samples; i++) {
    const time = at(0, 0) + i * 3_600_000;
    if (i % 7 === 6) {
      samples.push(sample(time, []));
      continue;
    }
    const domains = Array.from({ length: o.domains }, (_, d) => {
      const blocks = BigInt(1 + Math.floor(rand() * 1000));
      const top = 2 ** (o.orders - 1);
      const pages = blocks * BigInt(1 + Math.floor(rand() * (i % 2 === 0 ? top : 4)));
      return reading(d, pages, blocks, o.orders, o.pageKiB);
    });
    samples.push(sample(time, domains));
  }
  return windowStats({ source: o.source, bootTime: o.bootTime ?? null, samples, diagnostics: [] });
}
