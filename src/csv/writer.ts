// Samples → CSV bytes in either dialect: the one writer behind `fmfi-plot csv`.
import { Warn } from '../errors.js';
import type { Diagnostic, Sample } from '../model.js';
import { rowAwkDrops, writeAwkLines, type DomainFilter } from './awk.js';
import type { ByteBuilder } from './bytes.js';
import { csvLines } from './rfc4180.js';

export const Dialect = { awk: 'awk', csv: 'csv' } as const;
export type Dialect = keyof typeof Dialect;
export function isDialect(s: string): s is Dialect {
  return Object.hasOwn(Dialect, s);
}

/** Writes the samples of one log; says once if the awk script would have dropped some of its rows. */
export class CsvWriter {
  private noted: boolean;

  constructor(
    private readonly dialect: Dialect,
    private readonly domain: DomainFilter,
    private readonly file: string,
    private readonly onDiagnostic: (d: Diagnostic) => void,
  ) {
    this.noted = dialect !== 'awk';
  }

  readonly sample = (sample: Sample, out: ByteBuilder): void => {
    if (this.dialect === 'csv') {
      out.ascii(csvLines(sample, this.domain));
      return;
    }
    if (!this.noted) {
      const dropped = rowAwkDrops(sample);
      if (dropped !== null) {
        this.noted = true;
        const message = Warn.AWK_WOULD_DROP(dropped.sizeKiB, dropped.order);
        this.onDiagnostic({ code: 'AWK_WOULD_DROP', severity: 'note', file: this.file, line: sample.line, message });
      }
    }
    writeAwkLines(sample, this.domain, out);
  };
}
