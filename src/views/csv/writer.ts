// Samples → CSV bytes in either dialect, for the library and its tests. The command line
// loads the csv dialect's module (and csv-stringify with it) only when that dialect is asked for.
import type { Diagnostic, Sample } from '../../model.js';
import { AwkWriter, type DomainFilter } from './awk.js';
import { ByteBuilder } from '../bytes.js';
import { csvHeader, csvLines, hasCounts } from './rfc4180.js';

export const Dialect = { awk: 'awk', csv: 'csv' } as const;
export type Dialect = keyof typeof Dialect;
export function isDialect(s: string): s is Dialect {
  return Object.hasOwn(Dialect, s);
}

/**
 * The csv dialect's header, shared by the logs of one output: written before the first
 * record, with the count columns when that record's log has counts.
 */
export class CsvHeader {
  written = false;
  counts = false;

  /** Writes the header if it is not written yet; `counts` says whether it has the count columns. */
  write(out: ByteBuilder, counts: boolean): void {
    if (this.written) return;
    this.written = true;
    this.counts = counts;
    out.ascii(csvHeader(counts));
  }
}

/** Writes the samples of one log, in order, in either dialect. */
export class CsvWriter {
  private readonly awk: AwkWriter | null;

  constructor(
    dialect: Dialect,
    private readonly domain: DomainFilter,
    file: string,
    onDiagnostic: (d: Diagnostic) => void,
    /** Where the header is written from; null writes records only (their columns follow each sample). */
    private readonly header: CsvHeader | null = null,
  ) {
    this.awk = dialect === 'awk' ? new AwkWriter(domain, file, onDiagnostic) : null;
  }

  readonly sample = (sample: Sample, out: ByteBuilder): void => {
    if (this.awk !== null) return this.awk.sample(sample, out);
    if (sample.domains.length === 0) return;
    const header = this.header;
    if (header === null) return out.ascii(csvLines(sample, this.domain, hasCounts(sample)));
    header.write(out, hasCounts(sample));
    out.ascii(csvLines(sample, this.domain, header.counts));
  };
}

export interface CsvOptions {
  /** `awk` (the default): what parse_vm_frag.awk prints; `csv`: RFC 4180 with a header. */
  readonly dialect?: Dialect;
  /** Keep only this NUMA domain; all by default. */
  readonly domain?: DomainFilter;
  /** The log's name in diagnostics (the awk dialect notes rows the awk script would drop). */
  readonly file?: string;
  readonly onDiagnostic?: (d: Diagnostic) => void;
}

/** The CSV text of samples, in order, in either dialect (the csv dialect with its header). Pure. */
export function formatCsv(samples: Iterable<Sample>, options: CsvOptions = {}): string {
  const dialect = options.dialect ?? 'awk';
  const header = new CsvHeader();
  const writer = new CsvWriter(dialect, options.domain ?? null, options.file ?? '-', options.onDiagnostic ?? (() => undefined), header);
  const out = new ByteBuilder(1 << 16);
  for (const sample of samples) writer.sample(sample, out);
  // A CSV without records still has its header.
  if (dialect === 'csv' && !header.written) {
    const body = out.toString();
    return csvHeader() + body;
  }
  return out.toString();
}
