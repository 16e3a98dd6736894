// Samples → CSV bytes in either dialect, for the library and its tests. The command line
// loads the csv dialect's module (and csv-stringify with it) only when that dialect is asked for.
import type { Diagnostic, Sample } from '../../model.js';
import { AwkWriter, type DomainFilter } from './awk.js';
import { ByteBuilder } from './bytes.js';
import { csvHeader, csvLines } from './rfc4180.js';

export const Dialect = { awk: 'awk', csv: 'csv' } as const;
export type Dialect = keyof typeof Dialect;
export function isDialect(s: string): s is Dialect {
  return Object.hasOwn(Dialect, s);
}

/** Writes the samples of one log, in order, in either dialect. */
export class CsvWriter {
  private readonly awk: AwkWriter | null;

  constructor(
    dialect: Dialect,
    private readonly domain: DomainFilter,
    file: string,
    onDiagnostic: (d: Diagnostic) => void,
  ) {
    this.awk = dialect === 'awk' ? new AwkWriter(domain, file, onDiagnostic) : null;
  }

  readonly sample = (sample: Sample, out: ByteBuilder): void => {
    if (this.awk !== null) this.awk.sample(sample, out);
    else out.ascii(csvLines(sample, this.domain));
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
  const writer = new CsvWriter(dialect, options.domain ?? null, options.file ?? '-', options.onDiagnostic ?? (() => undefined));
  const out = new ByteBuilder(1 << 16);
  if (dialect === 'csv') out.ascii(csvHeader());
  for (const sample of samples) writer.sample(sample, out);
  return out.toString();
}
