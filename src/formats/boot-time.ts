// File name → boot time: the cron job names each log vm_frag_YYYYMMDD_HHMM.log (phys_free_… and buddyinfo_… for the count formats).
import { basename } from 'node:path';
import type { LocalTime } from '../model.js';
import { localTime } from '../time.js';

/** The cron job's name, also as newsyslog rotates it (`.log.0`) and compresses it (`.log.0.gz`, `.log.bz2`…). */
const NAME = /^(?:vm_frag|phys_free|buddyinfo)_(\d{4})(\d\d)(\d\d)_(\d\d)(\d\d)\.log(?:\.\d+)?(?:\.(?:gz|bz2|xz|zst))?$/;

export type BootTimeResult =
  | { readonly kind: 'known'; readonly time: LocalTime }
  | { readonly kind: 'unnamed' }
  | { readonly kind: 'invalid'; readonly stamp: string };

/** The boot time a log's name carries; `invalid` when it has the shape but no real time. */
export function bootTimeFromName(path: string): BootTimeResult {
  const m = NAME.exec(basename(path));
  if (m === null) return { kind: 'unnamed' };
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const time = localTime(y, mo, d, h, mi, 0);
  if (time === null) return { kind: 'invalid', stamp: `${m[1]}${m[2]}${m[3]}_${m[4]}${m[5]}` };
  return { kind: 'known', time };
}
