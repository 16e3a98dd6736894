// What the registry knows of the vm.phys_frag_idx format without loading its reader: its names, and how to recognise it.
import type { FormatInfo } from '../format.js';

/** Lines only this format has. */
const MARKS = ['vm.phys_frag_idx:', '|  FMFI'];

export const fragIdxInfo: FormatInfo = {
  name: 'frag-idx',
  title: 'vm.phys_frag_idx',
  recognise: (head) => (MARKS.some((mark) => head.includes(mark)) ? 1 : 0),
};
