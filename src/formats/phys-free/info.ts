// What the registry knows of the vm.phys_free format without loading its reader: its names, and how to recognise it.
import type { FormatInfo } from '../format.js';

/** Lines only this format has. */
const MARKS = ['vm.phys_free:', '|  NUMBER'];

export const physFreeInfo: FormatInfo = {
  name: 'phys-free',
  title: 'vm.phys_free',
  recognise: (head) => (MARKS.some((mark) => head.includes(mark)) ? 1 : 0),
};
