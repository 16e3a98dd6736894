// Boot windows on one uptime axis: each log's samples shifted to time since its boot, binned on a width all share.
//
//   log samples ──(t − origin, cut at --uptime)──▶ TimeBinner per window
//   all logs read ──▶ widest bin width ──▶ every binner finishes at that width
//
// The origin is the boot time from the file name (vm_frag_YYYYMMDD_HHMM.log), else the
// window's first sample. Bins stay aligned to multiples of their width from uptime 0, so
// the same bin means the same stretch of uptime in every window.
import { optionError } from '../errors.js';
import type { LocalTime, Sample } from '../model.js';
import { TimeBinner, type BinnerSnapshot, type TimeBins } from './bins.js';

/** How a window's uptime 0 was found. */
export const Alignment = { bootTime: 'bootTime', firstSample: 'firstSample' } as const;
export type Alignment = keyof typeof Alignment;

/** One boot window on the uptime axis: bin times are milliseconds of uptime, not wall-clock times. */
export interface UptimeWindow {
  /** The name shown in the legend. */
  readonly label: string;
  /** The path as given (`-` for standard input). */
  readonly source: string;
  readonly bootTime: LocalTime | null;
  readonly alignment: Alignment;
  /** The wall-clock time of uptime 0 (null: the window has no sample). */
  readonly origin: LocalTime | null;
  readonly bins: TimeBins;
  /** Samples left out because they lie beyond the uptime cut. */
  readonly beyondCut: number;
}

export interface UptimeBinOptions {
  readonly maxBins: number;
  /** Leave out samples at a larger uptime (milliseconds); null: keep all. */
  readonly uptimeMs: number | null;
  /** The one domain binned (see BinOptions.onlyDomain). */
  readonly onlyDomain?: number | null;
  /** The most domains, and domains × orders, kept (see BinOptions). */
  readonly maxDomains?: number;
  readonly maxRows?: number;
}

/** Bins one window's samples by uptime while they stream by. */
export class UptimeBinner {
  private binner: TimeBinner;
  private origin: LocalTime | null;
  private readonly shifted = { time: 0, line: 0, domains: [] as Sample['domains'] };
  private beyondCut = 0;

  constructor(
    readonly label: string,
    readonly source: string,
    readonly bootTime: LocalTime | null,
    private readonly options: UptimeBinOptions,
  ) {
    this.origin = bootTime;
    const { maxBins, onlyDomain, maxDomains, maxRows } = options;
    this.binner = new TimeBinner({ maxBins, onlyDomain, maxDomains, maxRows });
  }

  /** Takes a sample (which may be a reused object: nothing of it is kept). */
  add(sample: Sample): void {
    this.origin ??= sample.time;
    const uptime = sample.time - this.origin;
    if (this.options.uptimeMs !== null && uptime > this.options.uptimeMs) {
      this.beyondCut++;
      return;
    }
    this.shifted.time = uptime;
    this.shifted.line = sample.line;
    this.shifted.domains = sample.domains;
    this.binner.add(this.shifted);
  }

  /** The width this window's bins need; see TimeBinner.binWidth. */
  get binWidth(): number {
    return this.binner.binWidth;
  }

  /** The state so far as plain data; `UptimeBinner.restore` makes a binner to finish() from it. */
  snapshot(): UptimeSnapshot {
    const { label, source, bootTime, origin, beyondCut } = this;
    return { label, source, bootTime, origin, uptimeMs: this.options.uptimeMs, beyondCut, bins: this.binner.snapshot() };
  }

  /** A binner in the state of a snapshot, to finish() with others on one axis. */
  static restore(s: UptimeSnapshot): UptimeBinner {
    const binner = new UptimeBinner(s.label, s.source, s.bootTime, { maxBins: s.bins.maxBins, uptimeMs: s.uptimeMs });
    binner.binner = TimeBinner.restore(s.bins);
    binner.origin = s.origin;
    binner.beyondCut = s.beyondCut;
    return binner;
  }

  finish(minBinMs: number): UptimeWindow {
    return {
      label: this.label,
      source: this.source,
      bootTime: this.bootTime,
      alignment: this.bootTime === null ? 'firstSample' : 'bootTime',
      origin: this.origin,
      bins: this.binner.finish(minBinMs),
      beyondCut: this.beyondCut,
    };
  }
}

/** An UptimeBinner's state as plain data (JSON), to finish in a later run without the log. */
export interface UptimeSnapshot {
  readonly label: string;
  readonly source: string;
  readonly bootTime: LocalTime | null;
  readonly origin: LocalTime | null;
  readonly uptimeMs: number | null;
  readonly beyondCut: number;
  readonly bins: BinnerSnapshot;
}

/** Finishes every window on the widest bin width any of them needs. */
export function finishOnCommonWidth(binners: readonly UptimeBinner[]): UptimeWindow[] {
  const width = Math.max(0, ...binners.map((b) => b.binWidth));
  return binners.map((b) => b.finish(width));
}

/** Bins whole arrays of samples by uptime (tests, small logs). Pure. */
export function binByUptime(
  windows: ReadonlyArray<{ label: string; source: string; bootTime: LocalTime | null; samples: Iterable<Sample> }>,
  options: UptimeBinOptions,
): UptimeWindow[] {
  const binners = windows.map((w) => {
    const b = new UptimeBinner(w.label, w.source, w.bootTime, options);
    for (const s of w.samples) b.add(s);
    return b;
  });
  return finishOnCommonWidth(binners);
}

const UNIT_MS: Readonly<Record<string, number>> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };

/** Parses `--uptime`: `3d`, `12h`, `90m`, `30s`, or a sum such as `1d12h` or `1.5d`. Throws OptionError. */
export function parseUptime(text: string): number {
  const value = text.trim().toLowerCase();
  if (!/^(\d+(\.\d+)?[dhms])+$/.test(value)) throw optionError('UPTIME', text);
  let ms = 0;
  for (const m of value.matchAll(/(\d+(?:\.\d+)?)([dhms])/g)) ms += Number(m[1]) * UNIT_MS[m[2]!]!;
  if (!(ms > 0) || !Number.isFinite(ms)) throw optionError('UPTIME', text);
  return Math.round(ms);
}
