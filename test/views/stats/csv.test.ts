// The stats CSV: exact text for a tiny window, the first columns fixed by the issue, RFC 4180 quoting.
import { describe, expect, it } from 'vitest';
import { STATS_CSV_COLUMNS, statsCsv } from '../../../src/views/stats/csv.js';
import { tinyWindow } from './windows.js';

const HEADER =
  'log,domain,order,size_kib,samples,min,median,p90,max,share_above_0,samples_above_0,first_above_0,' +
  'first_above_0_uptime_s,uptime_from,boot_time,window_first,window_last,window_samples,' +
  'window_samples_with_data,domain_first,domain_last,domain_samples,page_kib,average_kib_median,' +
  'average_kib_worst,average_kib_last,average_from_order,average_exact_to_kib,easy_kib_median,easy_kib_worst';

const WINDOW = 'boot-time,2024-04-08T10:05:00,2024-04-08T10:10:00,2024-04-08T10:25:00,4,3';
// A per sample: 12K, 9.332K, 6.664K; easy: 8K, 8K, 4K.
const DOMAIN = '2024-04-08T10:10:00,2024-04-08T10:20:00,3,4,9.332,6.664,6.664,0,0.004,8,4';

describe('statsCsv', () => {
  it('starts with exactly the columns the issue names', () => {
    expect(STATS_CSV_COLUMNS.slice(0, 10)).toEqual([
      'log', 'domain', 'order', 'size_kib', 'samples', 'min', 'median', 'p90', 'max', 'share_above_0',
    ]);
  });

  it('writes a header and one record per window × domain × order, exactly', () => {
    expect(statsCsv([tinyWindow()])).toBe(
      `${HEADER}\r\n` +
        `vm_frag_20240408_1005.log,0,0,4,3,-2000,-1333,-666,-666,0.0000,0,,,${WINDOW},${DOMAIN}\r\n` +
        `vm_frag_20240408_1005.log,0,1,8,3,-500,-166,167,167,0.3333,1,2024-04-08T10:20:00,900,${WINDOW},${DOMAIN}\r\n`,
    );
  });

  it('names each log as given and quotes what needs quoting', () => {
    const text = statsCsv([tinyWindow('logs/a,"b".log'), tinyWindow('-')]);
    const logs = text.split('\r\n').slice(1, -1).map((l) => (l.startsWith('"') ? l.slice(0, l.indexOf('",') + 1) : l.split(',')[0]));
    expect(logs).toEqual(['"logs/a,""b"".log"', '"logs/a,""b"".log"', '-', '-']);
  });

  it('writes only the header when no window has data', () => {
    const empty = { ...tinyWindow(), domains: [] };
    expect(statsCsv([empty])).toBe(`${HEADER}\r\n`);
  });
});
