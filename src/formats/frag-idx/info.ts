// What the registry knows of the vm.phys_frag_idx format without loading its reader: its names, and how to recognise it.
import { markScore, type FormatInfo } from '../format.js';

/** The sysctl's line, once per sample; the table's header, once per domain of a sample, where the sysctl line was cut away. */
const SYSCTL = /vm\.phys_frag_idx:/;
const HEADER = /\|  FMFI/;

export const fragIdxInfo: FormatInfo = {
  name: 'frag-idx',
  title: 'vm.phys_frag_idx',
  recognise: (head) => markScore(head, SYSCTL) || markScore(head, HEADER),
};
