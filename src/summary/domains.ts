// `--domain N`: which domains a log has, so that asking for one it lacks says what it has instead of printing nothing.
import { Warn } from '../errors.js';
import { domainLabel, type Diagnostic, type Sample } from '../model.js';

/** Watches the samples of one log for the domain `--domain` asks for. */
export class DomainCheck {
  private found = false;
  /** The other domains seen, with their names where a format gave them (`node 0 Normal`). */
  private readonly others = new Map<number, string | undefined>();

  constructor(readonly wanted: number) {}

  /** One sample of the log (only looked at during the call). */
  readonly add = (sample: Sample): void => {
    for (const d of sample.domains) {
      if (d.domain === this.wanted) this.found = true;
      else if (!this.others.has(d.domain)) this.others.set(d.domain, d.label);
    }
  };

  /** The warning when the log has rows, but none of the wanted domain; null otherwise. */
  finish(file: string): Diagnostic | null {
    if (this.found || this.others.size === 0) return null;
    const has = [...this.others]
      .sort((a, b) => a[0] - b[0])
      .map(([domain, label]) => (label === undefined ? String(domain) : `${domain} (${domainLabel({ domain, label })})`));
    return { code: 'DOMAIN_ABSENT', severity: 'warning', file, line: 0, message: Warn.DOMAIN_ABSENT(this.wanted, has) };
  }
}
