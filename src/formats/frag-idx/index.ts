// The vm.phys_frag_idx format: what the patched kernel's sysctl prints after each date line.
import type { LogFormat } from '../format.js';
import { fragIdxInfo } from './info.js';
import { FragIdxScanner } from './scanner.js';

export const fragIdx: LogFormat = {
  ...fragIdxInfo,
  reader: (file, sink, options) => new FragIdxScanner(file, sink, options),
};
