// What the registry knows of the /proc/buddyinfo format without loading its reader: its names, and how to recognise it.
import type { FormatInfo } from '../format.js';

export const buddyinfoInfo: FormatInfo = {
  name: 'buddyinfo',
  title: '/proc/buddyinfo',
  recognise: (head) => (/^Node \d+, zone\s+\S+\s+\d/m.test(head) ? 1 : 0),
};
