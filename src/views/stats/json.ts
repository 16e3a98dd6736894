// Window statistics as JSON in a versioned schema (fmfi-plot/stats, version 1; docs/stats-json.md).
//
// {
//   "schema": "fmfi-plot/stats", "version": 1,
//   "windows": [{
//     "log": string,                          the log as named on the command line
//     "bootTime": time | null,                from the log's name
//     "uptimeFrom": "boot-time" | "first-sample",
//     "first": time | null, "last": time | null, "spanSeconds": number | null,
//     "samples": n, "samplesWithData": n, "samplesWithoutData": n,
//     "domains": [{
//       "domain": n,
//       "samples": n, "samplesWithoutData": n,     samples with / without rows of this domain
//       "first": time, "last": time, "spanSeconds": number,
//       "pageKiB": number,
//       "averageBlockKiB": { "median", "worst", "last": number,  A = P/B in KiB, lower bounds
//                            "fromOrder": n, "exactToKiB": number },
//       "easyBlockKiB": { "median": number | null, "worst": number | null },  null: none easy
//       "orders": [{
//         "order": n, "sizeKiB": n, "samples": n,
//         "min", "median", "p90", "max": n,    FMFI, nearest rank
//         "samplesAbove0": n, "shareAbove0": number,   0 to 1, full precision
//         "firstAbove0": { "time": time, "uptimeSeconds": number } | null   null: never
//       }]
//     }]
//   }]
// }
// time: ISO 8601 local time without a zone, as logged ("2024-04-08T10:05:00").
// Keys are never removed or renamed within a version; a new key may be added.
import type { LocalTime } from '../../model.js';
import type { DomainStats, OrderStats, UptimeFrom, WindowStats } from '../../summary/stats.js';
import { formatIsoLocal } from '../../time.js';

export const STATS_SCHEMA = 'fmfi-plot/stats';
export const STATS_SCHEMA_VERSION = 1;

export interface StatsJsonOrder {
  order: number;
  sizeKiB: number;
  samples: number;
  min: number;
  median: number;
  p90: number;
  max: number;
  samplesAbove0: number;
  shareAbove0: number;
  firstAbove0: { time: string; uptimeSeconds: number } | null;
}

export interface StatsJsonDomain {
  domain: number;
  label: string;
  samples: number;
  samplesWithoutData: number;
  first: string;
  last: string;
  spanSeconds: number;
  pageKiB: number;
  averageBlockKiB: { median: number; worst: number; last: number; fromOrder: number; exactToKiB: number };
  easyBlockKiB: { median: number | null; worst: number | null };
  orders: StatsJsonOrder[];
}

export interface StatsJsonWindow {
  log: string;
  bootTime: string | null;
  uptimeFrom: UptimeFrom;
  first: string | null;
  last: string | null;
  spanSeconds: number | null;
  samples: number;
  samplesWithData: number;
  samplesWithoutData: number;
  domains: StatsJsonDomain[];
}

export interface StatsJson {
  schema: typeof STATS_SCHEMA;
  version: typeof STATS_SCHEMA_VERSION;
  windows: StatsJsonWindow[];
}

function time(t: LocalTime): string;
function time(t: LocalTime | null): string | null;
function time(t: LocalTime | null): string | null {
  return t === null ? null : formatIsoLocal(t);
}

function orderJson(o: OrderStats): StatsJsonOrder {
  return {
    order: o.order,
    sizeKiB: o.sizeKiB,
    samples: o.samples,
    min: o.min,
    median: o.median,
    p90: o.p90,
    max: o.max,
    samplesAbove0: o.samplesAbove0,
    shareAbove0: o.shareAbove0,
    firstAbove0:
      o.firstAbove0 === null || o.firstAbove0UptimeMs === null
        ? null
        : { time: time(o.firstAbove0), uptimeSeconds: o.firstAbove0UptimeMs / 1000 },
  };
}

function domainJson(d: DomainStats): StatsJsonDomain {
  return {
    domain: d.domain,
    label: d.label,
    samples: d.samples,
    samplesWithoutData: d.samplesWithoutData,
    first: time(d.first),
    last: time(d.last),
    spanSeconds: d.spanMs / 1000,
    pageKiB: d.pageKiB,
    averageBlockKiB: {
      median: d.average.medianKiB,
      worst: d.average.worstKiB,
      last: d.average.lastKiB,
      fromOrder: d.average.fromOrder,
      exactToKiB: d.average.exactToKiB,
    },
    easyBlockKiB: { median: d.easy.medianKiB, worst: d.easy.worstKiB },
    orders: d.orders.map(orderJson),
  };
}

/** The document as a value (for a library caller that wants objects, not text). */
export function statsJsonValue(windows: readonly WindowStats[]): StatsJson {
  return {
    schema: STATS_SCHEMA,
    version: STATS_SCHEMA_VERSION,
    windows: windows.map((w) => ({
      log: w.source,
      bootTime: time(w.bootTime),
      uptimeFrom: w.uptimeFrom,
      first: time(w.first),
      last: time(w.last),
      spanSeconds: w.spanMs === null ? null : w.spanMs / 1000,
      samples: w.samples,
      samplesWithData: w.samplesWithData,
      samplesWithoutData: w.samplesWithoutData,
      domains: w.domains.map(domainJson),
    })),
  };
}

/** The JSON text, two-space indented, ending in a newline. */
export function statsJson(windows: readonly WindowStats[]): string {
  return `${JSON.stringify(statsJsonValue(windows), null, 2)}\n`;
}
