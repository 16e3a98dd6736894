// The csv dialect: RFC 4180 with a header, one record per sample × domain × order.
import { stringify } from 'csv-stringify/sync';
import type { Sample } from '../../model.js';
import { formatIsoLocal } from '../../time.js';
import type { DomainFilter } from './awk.js';

export const CSV_COLUMNS = ['time', 'domain', 'order', 'size_kib', 'fmfi'] as const;

export type CsvRecord = [time: string, domain: number, order: number, sizeKiB: number, fmfi: number];

// RFC 4180 ends records with CRLF.
const OPTIONS = { record_delimiter: 'windows' } as const;

/** The header line, written once before the first record. */
export function csvHeader(): string {
  return stringify([[...CSV_COLUMNS]], OPTIONS);
}

/** The records of one sample, in log order. */
export function csvRecords(sample: Sample, domain: DomainFilter = null): CsvRecord[] {
  const records: CsvRecord[] = [];
  let time: string | null = null;
  for (const d of sample.domains) {
    if (domain !== null && d.domain !== domain) continue;
    time ??= formatIsoLocal(sample.time);
    for (const r of d.orders) records.push([time, d.domain, r.order, r.sizeKiB, r.fmfi]);
  }
  return records;
}

/** The CSV text of one sample's records (empty for a sample without output). */
export function csvLines(sample: Sample, domain: DomainFilter = null): string {
  const records = csvRecords(sample, domain);
  return records.length === 0 ? '' : stringify(records, OPTIONS);
}
