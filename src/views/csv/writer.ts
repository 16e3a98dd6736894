// Samples → CSV bytes in either dialect, for the library and its tests. The command line
// loads the csv dialect's module (and csv-stringify with it) only when that dialect is asked for.
import type { Diagnostic, Sample } from '../../model.js';
import { AwkWriter, type DomainFilter } from './awk.js';
import type { ByteBuilder } from './bytes.js';
import { csvLines } from './rfc4180.js';

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
