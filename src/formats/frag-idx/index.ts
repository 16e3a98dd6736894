// The vm.phys_frag_idx format: what the patched kernel's sysctl prints after each date line.
import type { LogFormat } from '../format.js';
import { FragIdxScanner } from './scanner.js';

/** Lines only this format has. */
const MARKS = ['vm.phys_frag_idx:', '|  FMFI'];

export const fragIdx: LogFormat = {
  name: 'frag-idx',
  title: 'vm.phys_frag_idx',
  recognise: (head) => (MARKS.some((mark) => head.includes(mark)) ? 1 : 0),
  reader: (file, sink, options) => new FragIdxScanner(file, sink, options),
};
