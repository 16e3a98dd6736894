// The typed domain: what a log of the cron job means, whatever format it was read from.
import type { DiagnosticCode } from './errors.js';

/**
 * A wall-clock time exactly as the cron job logged it, without a zone: the
 * milliseconds of `Date.UTC(...)` on its fields. It is only ever read back with
 * UTC accessors, so the zone of the machine that renders never shifts it.
 */
export type LocalTime = number;

/** One row of the sysctl: the FMFI of one order in one domain. */
export interface OrderReading {
  /** 0 is the smallest block (one page). */
  readonly order: number;
  /** The block size as the kernel printed it, in KiB (never recomputed). */
  readonly sizeKiB: number;
  /** 1000 fully fragmented, 0 none, negative: an allocation of this size is easy. */
  readonly fmfi: number;
  /**
   * Free blocks of this order, summed over the domain's free lists and pools, where the
   * format prints them (`vm.phys_free`, `/proc/buddyinfo`); absent for `vm.phys_frag_idx`.
   */
  readonly freeBlocks?: number;
  /** Linux's unusable free space index of this order in thousandths (src/indices.ts), where counts are known. */
  readonly unusable?: number;
  /** Linux's fragmentation index (extfrag_index) of this order in thousandths, where counts are known. */
  readonly extfrag?: number;
}

/** The rows of one NUMA domain in one sample, in log order (highest order first). */
export interface DomainReading {
  /** The domain's number; for formats with more than one part per domain, a number per part. */
  readonly domain: number;
  /** How the part is named where a number alone does not say it (a Linux `node 0 Normal`); absent: `domain N`. */
  readonly label?: string;
  readonly orders: readonly OrderReading[];
}

/** `domain 0`, or the label a format gave the domain. */
export function domainLabel(reading: Pick<DomainReading, 'domain' | 'label'>): string {
  return reading.label ?? `domain ${reading.domain}`;
}

/** One run of the cron job: a date line and the sysctl output that followed it. */
export interface Sample {
  readonly time: LocalTime;
  /** Line number (1-based) of the date line. */
  readonly line: number;
  /** Empty when the kernel has no vm.phys_frag_idx (sysctl wrote only to stderr). */
  readonly domains: readonly DomainReading[];
}

/** A note informs and never fails a run, even under --strict; a warning means input was skipped or repaired. */
export const Severity = { note: 'note', warning: 'warning', error: 'error' } as const;
export type Severity = keyof typeof Severity;

/** Something the parser or a writer had to say about an input. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** The input as the user named it (`<stdin>` for `-`). */
  readonly file: string;
  /** 1-based line number, or 0 when the message is about the whole file. */
  readonly line: number;
  readonly message: string;
}

/** One log: one boot window. */
export interface BootWindow {
  readonly source: string;
  /** From a `vm_frag_YYYYMMDD_HHMM.log` name; null when the name says nothing. */
  readonly bootTime: LocalTime | null;
  readonly samples: readonly Sample[];
  readonly diagnostics: readonly Diagnostic[];
}
