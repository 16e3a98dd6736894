// The awk dialect: `ORDER DATE FMFI`, space-separated, exactly as parse_vm_frag.awk prints it.
import type { OrderReading, Sample } from '../model.js';
import { formatLogTime } from '../time.js';

/** Which domain to keep; null keeps all. */
export type DomainFilter = number | null;

/**
 * The awk script's lines for one sample: every row of every domain in log order.
 * One string per sample, built by concatenation: this is the hot loop of
 * `fmfi-plot csv`, and V8 joins these small strings without copying.
 */
export function awkLines(sample: Sample, domain: DomainFilter = null): string {
  let out = '';
  let date: string | null = null;
  for (const d of sample.domains) {
    if (domain !== null && d.domain !== domain) continue;
    date ??= ` ${formatLogTime(sample.time)} `;
    for (const r of d.orders) out += r.order + date + r.fmfi + '\n';
  }
  return out;
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
