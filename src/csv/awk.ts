// The awk dialect: `ORDER DATE FMFI`, space-separated, exactly as parse_vm_frag.awk prints it.
import type { OrderReading, Sample } from '../model.js';
import { formatLogTime } from '../time.js';
import { ByteBuilder } from './bytes.js';

/** Which domain to keep; null keeps all. */
export type DomainFilter = number | null;

const NEWLINE = 10;

/** Appends the awk script's lines for one sample: every row of every domain in log order. */
export function writeAwkLines(sample: Sample, domain: DomainFilter, out: ByteBuilder): void {
  let date: Buffer | null = null;
  for (const d of sample.domains) {
    if (domain !== null && d.domain !== domain) continue;
    date ??= Buffer.from(` ${formatLogTime(sample.time)} `, 'latin1');
    for (const r of d.orders) {
      out.int(r.order);
      out.bytes(date);
      out.int(r.fmfi);
      out.byte(NEWLINE);
    }
  }
}

/** The awk script's lines for one sample, as a string. */
export function awkLines(sample: Sample, domain: DomainFilter = null): string {
  const out = new ByteBuilder(256);
  writeAwkLines(sample, domain, out);
  return out.toString();
}

/**
 * The first row of a sample that parse_vm_frag.awk would drop: its pattern
 * `  .. \( .....K\) ` wants a two-character order and a five-digit size.
 */
export function rowAwkDrops(sample: Sample): OrderReading | null {
  for (const d of sample.domains) {
    for (const r of d.orders) if (r.sizeKiB >= 100000 || r.order >= 100) return r;
  }
  return null;
}
