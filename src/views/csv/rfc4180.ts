// The csv dialect: RFC 4180 with a header, one record per sample × domain × order.
import { stringify } from 'csv-stringify/sync';
import type { Sample } from '../../model.js';
import { formatIsoLocal } from '../../time.js';
import type { DomainFilter } from './awk.js';

export const CSV_COLUMNS = ['time', 'domain', 'order', 'size_kib', 'fmfi'] as const;
/** Logs of free block counts add the count and Linux's two indices; `domain` is then a Linux zone's label (`node 0 Normal`). */
export const COUNT_COLUMNS = [...CSV_COLUMNS, 'free_blocks', 'unusable', 'extfrag'] as const;

export type CsvRecord = [time: string, domain: number | string, order: number, sizeKiB: number, fmfi: number, ...counts: (number | string)[]];

// RFC 4180 ends records with CRLF.
const OPTIONS = { record_delimiter: 'windows' } as const;

/** The header line, written once before the first record. */
export function csvHeader(counts = false): string {
  return stringify([[...(counts ? COUNT_COLUMNS : CSV_COLUMNS)]], OPTIONS);
}

/** Whether a sample's rows carry free block counts (vm.phys_free, /proc/buddyinfo). */
export function hasCounts(sample: Sample): boolean {
  return sample.domains[0]?.orders[0]?.freeBlocks !== undefined;
}

/** The records of one sample, in log order. */
export function csvRecords(sample: Sample, domain: DomainFilter = null, counts = false): CsvRecord[] {
  const records: CsvRecord[] = [];
  let time: string | null = null;
  for (const d of sample.domains) {
    if (domain !== null && d.domain !== domain) continue;
    time ??= formatIsoLocal(sample.time);
    if (!counts) {
      for (const r of d.orders) records.push([time, d.domain, r.order, r.sizeKiB, r.fmfi]);
      continue;
    }
    // Empty where a log has no counts (a vm.phys_frag_idx log after a count log in one CSV).
    for (const r of d.orders) records.push([time, d.label ?? d.domain, r.order, r.sizeKiB, r.fmfi, r.freeBlocks ?? '', r.unusable ?? '', r.extfrag ?? '']);
  }
  return records;
}

/** The CSV text of one sample's records (empty for a sample without output). */
export function csvLines(sample: Sample, domain: DomainFilter = null, counts = false): string {
  const records = csvRecords(sample, domain, counts);
  return records.length === 0 ? '' : stringify(records, OPTIONS);
}
