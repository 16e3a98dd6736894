// Window statistics as RFC 4180 CSV: a header, then one record per window × domain × order.
//
// Columns, in this order (empty cell: none / unknown):
//   log                      the log as named on the command line
//   domain, order, size_kib  the block size the kernel printed, in KiB
//   samples                  samples with a row for this order
//   min, median, p90, max    FMFI; quantiles exact, by nearest rank (rank ⌈q·n⌉)
//   share_above_0            samples with FMFI > 0 / samples, 0 to 1, 4 decimals
//   samples_above_0          the count behind it
//   first_above_0            the first sample with FMFI > 0 (ISO 8601, no zone), empty: never
//   first_above_0_uptime_s   its uptime in seconds, counted as uptime_from says
//   uptime_from              boot-time (from the log's name) or first-sample
//   boot_time                from the log's name, empty when it has none
//   window_first, window_last, window_samples, window_samples_with_data
//                            the window's first and last sample (with or without data) and counts
//   domain_first, domain_last, domain_samples
//                            the first and last sample with rows of this domain, and their count
//   page_kib                 the page size, from the printed block sizes
//   average_kib_median, average_kib_worst, average_kib_last
//                            the average free block size A = P/B in KiB: median, smallest, last
//   average_from_order       the order A was read from (0 unless order 0 was missing)
//   average_exact_to_kib     A is a lower bound, exact to this
//   easy_kib_median, easy_kib_worst
//                            the largest block size with FMFI <= 0; empty: none
// The per-window and per-domain columns repeat on each order's record, so every record
// stands alone (a spreadsheet filter, `grep`). Records end with CRLF, as the csv dialect's do.
import { stringify } from 'csv-stringify/sync';
import type { LocalTime } from '../../model.js';
import type { WindowStats } from '../../summary/stats.js';
import { formatIsoLocal } from '../../time.js';

export const STATS_CSV_COLUMNS = [
  'log',
  'domain',
  'order',
  'size_kib',
  'samples',
  'min',
  'median',
  'p90',
  'max',
  'share_above_0',
  'samples_above_0',
  'first_above_0',
  'first_above_0_uptime_s',
  'uptime_from',
  'boot_time',
  'window_first',
  'window_last',
  'window_samples',
  'window_samples_with_data',
  'domain_first',
  'domain_last',
  'domain_samples',
  'page_kib',
  'average_kib_median',
  'average_kib_worst',
  'average_kib_last',
  'average_from_order',
  'average_exact_to_kib',
  'easy_kib_median',
  'easy_kib_worst',
] as const;

type Cell = string | number | null;

const OPTIONS = { record_delimiter: 'windows' } as const;

function time(t: LocalTime | null): string | null {
  return t === null ? null : formatIsoLocal(t);
}

/** The records, in the order of the windows, then domains and orders ascending. */
export function statsCsvRecords(windows: readonly WindowStats[]): Cell[][] {
  const records: Cell[][] = [];
  for (const w of windows) {
    for (const d of w.domains) {
      for (const o of d.orders) {
        records.push([
          w.source,
          // As the csv dialect writes it: the number, or the name a format gave the part (`node 0 Normal`).
          d.label === `domain ${d.domain}` ? d.domain : d.label,
          o.order,
          o.sizeKiB,
          o.samples,
          o.min,
          o.median,
          o.p90,
          o.max,
          o.shareAbove0.toFixed(4),
          o.samplesAbove0,
          time(o.firstAbove0),
          o.firstAbove0UptimeMs === null ? null : o.firstAbove0UptimeMs / 1000,
          w.uptimeFrom,
          time(w.bootTime),
          time(w.first),
          time(w.last),
          w.samples,
          w.samplesWithData,
          time(d.first),
          time(d.last),
          d.samples,
          d.pageKiB,
          d.average.medianKiB,
          d.average.worstKiB,
          d.average.lastKiB,
          d.average.fromOrder,
          d.average.exactToKiB,
          d.easy.medianKiB,
          d.easy.worstKiB,
        ]);
      }
    }
  }
  return records;
}

/** The whole CSV text: the header, then the records (a window without data has none). */
export function statsCsv(windows: readonly WindowStats[]): string {
  return stringify([[...STATS_CSV_COLUMNS], ...statsCsvRecords(windows)], OPTIONS);
}
