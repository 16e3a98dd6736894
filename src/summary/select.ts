// What a picture draws of each sample: the domain --domain and the zone --zone keep, the index --index puts in the height, no empty zones.
//
// Pictures bin `OrderReading.fmfi`; for `--index unusable|extfrag` the selector hands the
// binner readings whose `fmfi` holds that index instead, so every picture stage works
// on it unchanged. Logs of vm.phys_frag_idx without --index or --zone pass through as
// they are: one property read per sample.
import { Warn } from '../errors.js';
import type { IndexName } from '../indices.js';
import { domainLabel, type Diagnostic, type DomainReading, type Sample } from '../model.js';
import type { TimeBins } from './bins.js';
import { DomainCheck } from './domains.js';

export interface Selection {
  /** What the height shows; FMFI by default. */
  readonly index?: IndexName;
  /** Keep only the Linux zones of this name (`Normal`); parts without a zone are kept. */
  readonly zone?: string;
  /** Keep only this domain (`--domain N`; for Linux parts, the number the format gave it). */
  readonly domain?: number | null;
}

export class SampleSelector {
  private readonly index: IndexName;
  private readonly zone: string | null;
  private readonly domain: number | null;
  /** Which domains the log has, to name them when it lacks the one asked for. */
  private readonly domainCheck: DomainCheck | null;
  /** Parts seen with a free block, and parts seen only without (not drawn until they have one). */
  private readonly nonEmpty = new Set<number>();
  private readonly empty = new Map<number, string>();
  private zoneSeen = false;
  /** The zones seen while the one --zone names was not. */
  private readonly zones = new Set<string>();
  private labelled = false;
  private withoutIndex = false;

  constructor(
    selection: Selection,
    private readonly file: string,
    private readonly onDiagnostic: (d: Diagnostic) => void,
  ) {
    this.index = selection.index ?? 'fmfi';
    this.zone = selection.zone ?? null;
    this.domain = selection.domain ?? null;
    this.domainCheck = this.domain === null ? null : new DomainCheck(this.domain);
  }

  /** The sample as the picture draws it. */
  readonly select = (sample: Sample): Sample => {
    const first = sample.domains[0];
    if (first === undefined || (this.index === 'fmfi' && this.zone === null && this.domain === null && first.orders[0]?.freeBlocks === undefined)) {
      return sample;
    }
    this.domainCheck?.add(sample);
    const domains: DomainReading[] = [];
    for (const d of sample.domains) {
      const kept = this.part(d);
      if (kept !== null) domains.push(kept);
    }
    return { time: sample.time, line: sample.line, domains };
  };

  private part(d: DomainReading): DomainReading | null {
    if (this.domain !== null) {
      if (d.domain !== this.domain) return null;
    }
    if (d.label !== undefined) {
      this.labelled = true;
      if (this.zone !== null) {
        if (!d.label.endsWith(` ${this.zone}`)) {
          // Its zones, to name them when the one asked for is not among them (a few suffice).
          if (!this.zoneSeen && this.zones.size < 16) this.zones.add(d.label.slice(d.label.lastIndexOf(' ') + 1));
          return null;
        }
        this.zoneSeen = true;
      }
    }
    if (d.orders[0]?.freeBlocks !== undefined && !this.nonEmpty.has(d.domain)) {
      if (d.orders.every((r) => r.freeBlocks === 0)) {
        this.empty.set(d.domain, domainLabel(d));
        return null;
      }
      this.nonEmpty.add(d.domain);
    }
    const index = this.index;
    if (index === 'fmfi') return d;
    if (d.orders[0]?.[index] === undefined) {
      this.withoutIndex = true;
      return null;
    }
    return { ...d, orders: d.orders.map((r) => ({ order: r.order, sizeKiB: r.sizeKiB, fmfi: r[index]! })) };
  }

  /** Says what was left out: zones never with a free block, a zone or an index the log does not have. */
  finish(): void {
    const empty = [...this.empty].filter(([domain]) => !this.nonEmpty.has(domain)).map(([, label]) => label);
    if (empty.length > 0) this.say('note', 'PARTS_ALL_ZERO', Warn.PARTS_ALL_ZERO(empty.join(', ')));
    if (this.withoutIndex) this.say('warning', 'INDEX_NEEDS_COUNTS', Warn.INDEX_NEEDS_COUNTS(this.index));
    if (this.zone !== null && this.labelled && !this.zoneSeen) this.say('warning', 'ZONE_ABSENT', Warn.ZONE_ABSENT(this.zone, [...this.zones]));
    const absent = this.domainCheck?.finish(this.file) ?? null;
    if (absent !== null) this.onDiagnostic(absent);
  }

  private say(severity: 'note' | 'warning', code: 'PARTS_ALL_ZERO' | 'INDEX_NEEDS_COUNTS' | 'ZONE_ABSENT', message: string): void {
    this.onDiagnostic({ code, severity, file: this.file, line: 0, message });
  }
}

/** The warning for domains a picture left out (see MAX_PANELS in bins.ts), or null when it drew them all. */
export function leftOutDiagnostic(bins: TimeBins, file: string): Diagnostic | null {
  const left = bins.leftOut;
  if (left === undefined) return null;
  const message = Warn.DOMAINS_LEFT_OUT(bins.domains.length, left.count, left.lowest, left.highest);
  return { code: 'DOMAINS_LEFT_OUT', severity: 'warning', file, line: 0, message };
}
