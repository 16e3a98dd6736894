// What the registry knows of the vm.phys_free format without loading its reader: its names, and how to recognise it.
import { markScore, type FormatInfo } from '../format.js';

/** The sysctl's line, once per sample; the table's header, once per free list of a sample, where the sysctl line was cut away. */
const SYSCTL = /vm\.phys_free:/;
const HEADER = /\|  NUMBER/;

export const physFreeInfo: FormatInfo = {
  name: 'phys-free',
  title: 'vm.phys_free',
  recognise: (head) => markScore(head, SYSCTL) || markScore(head, HEADER),
};
