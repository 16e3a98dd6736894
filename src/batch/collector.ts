// Keeps the first diagnostics of a log and counts the rest, so a log of junk cannot fill memory.
import type { Diagnostic } from '../model.js';

export class DiagnosticCollector {
  readonly kept: Diagnostic[] = [];
  /** Warnings beyond the limit: counted, not kept. */
  hiddenWarnings = 0;

  /** `limit` 0 keeps all. */
  constructor(private readonly limit: number) {}

  readonly add = (d: Diagnostic): void => {
    if (this.limit === 0 || this.kept.length < this.limit) this.kept.push(d);
    else if (d.severity === 'warning') this.hiddenWarnings++;
  };
}
