// Time bins → gnuplot datablocks: one per NUMA domain, one column per order.
//
//   $d0 << EOD
//   2024-04-08_09:59:28 -2766076 … 325     <- a run of bins starts: the first bin's values
//   2024-04-08_10:03:44 -2766076 … 325     <- each bin's worst FMFI per order, at its middle
//   …
//   2024-04-08_14:01:04 -2252956 … 450     <- the run ends: the last bin's values
//
//                                          <- two blank lines: a gap in sampling, the walls break
//   EOD
//
// The walls join the bins' worst values with straight lines, as the original template
// joined the samples; every peak is a corner of the line, so none is lost. A run that
// starts and ends at its bins' edges keeps a lone bin visible as a flat bar. Rows that
// a straight line would pass through anyway (a flat stretch) are left out.
import type { Bin, TimeBins } from '../../summary/bins.js';
import type { LocalTime } from '../../model.js';
import { FIRST_LOG_TIME, formatLogTime, LAST_LOG_TIME } from '../../time.js';

/** The `set timefmt` that reads the first column: the cron job's own `date` format. */
export const TIME_FORMAT = '%Y-%m-%d_%H:%M:%S';

/**
 * A time as the script writes it, in the date lines' own format. Bins reach beyond the
 * first and last sample to their edges; at the ends of the years a date line can hold
 * (0000 and 9999) they are cut there, so every time in the script is one gnuplot reads.
 */
export function scriptTime(t: LocalTime): string {
  return formatLogTime(Math.min(LAST_LOG_TIME, Math.max(FIRST_LOG_TIME, t)));
}

/** Column of an order's values (gnuplot counts from 1; the time is column 1). */
export function orderColumn(orderIndex: number): number {
  return orderIndex + 2;
}

/** The datablock's name for a domain: gnuplot names start with `$` and are identifiers. */
export function datablockName(domain: number): string {
  return `$d${domain}`;
}

/** The value of one cell as gnuplot reads it; a missing cell is NaN, which leaves a hole. */
function cellText(bin: Bin, domainIndex: number, orderIndex: number): string {
  const cell = bin.cells[domainIndex]?.[orderIndex];
  return cell == null ? 'NaN' : String(cell.worst);
}

interface Point {
  readonly time: LocalTime;
  readonly values: string;
}

/** The points of one run of bins without a gap: its start, each bin's middle, its end. */
function runPoints(run: readonly Bin[], bins: TimeBins, domainIndex: number): Point[] {
  const points: Point[] = [];
  run.forEach((bin, i) => {
    const values = bins.orders.map((_, o) => cellText(bin, domainIndex, o)).join(' ');
    if (i === 0) points.push({ time: bin.start, values });
    points.push({ time: bin.start + (bin.end - bin.start) / 2, values });
    if (i === run.length - 1) points.push({ time: bin.end, values });
  });
  // A point between two with the same values lies on the straight line between them.
  return points.filter((p, i) => p.values !== points[i - 1]?.values || p.values !== points[i + 1]?.values);
}

/** Runs of bins between gaps in sampling. */
function runs(bins: TimeBins): Bin[][] {
  const out: Bin[][] = [];
  for (const bin of bins.bins) {
    const last = out[out.length - 1];
    if (last === undefined || bin.afterGap) out.push([bin]);
    else last.push(bin);
  }
  return out;
}

/** The rows of one domain (no header or terminator); runs are separated by two blank lines. */
export function datablockRows(bins: TimeBins, domainIndex: number): string {
  return runs(bins)
    .map((run) =>
      runPoints(run, bins, domainIndex)
        .map((p) => `${scriptTime(p.time)} ${p.values}\n`)
        .join(''),
    )
    .join('\n\n');
}

/** The whole datablock of one domain: `$dN << EOD`, its rows, `EOD`. */
export function datablock(bins: TimeBins, domainIndex: number): string {
  const domain = bins.domains[domainIndex]!;
  return `${datablockName(domain)} << EOD\n${datablockRows(bins, domainIndex)}EOD\n`;
}

/** Whether a domain has any value of an order: a wall without a single point makes gnuplot stop with an error. */
export function hasValues(bins: TimeBins, domainIndex: number, orderIndex: number): boolean {
  return bins.bins.some((b) => b.cells[domainIndex]?.[orderIndex] != null);
}
