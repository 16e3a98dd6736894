// What the registry knows of the /proc/buddyinfo format without loading its reader: its names, and how to recognise it.
import { markScore, type FormatInfo } from '../format.js';

/** The first zone line of a sample: one that follows a line of something else (its date). */
const FIRST_ZONE = /(?:^|\n)(?!Node )[^\n]*\nNode \d+, zone\s+\S+\s+\d/;

export const buddyinfoInfo: FormatInfo = {
  name: 'buddyinfo',
  title: '/proc/buddyinfo',
  recognise: (head) => markScore(`\n${head}`, FIRST_ZONE),
};
