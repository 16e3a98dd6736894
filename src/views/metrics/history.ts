// Samples → the OpenMetrics text of their history: every sample with its timestamp, for `promtool tsdb create-blocks-from openmetrics`.
//
//   1. add: each sample of each log becomes a row of that log's column store: its instant,
//      and one column per series (family × domain × order) that the log has
//   2. pieces: family by family, log by log, series by series, the column read back as
//      `name{labels} value timestamp` lines in time order, written as bytes; `# EOF` last
//
// OpenMetrics forbids interleaving families and series, so nothing is written before every
// log is read: the stores hold the values meanwhile (in a file, on the command line).
import type { Sample } from '../../model.js';
import { ByteBuilder, MAX_INT_BYTES, writeInt } from '../bytes.js';
import type { ColumnStore } from './columns.js';
import { domainLabels, FAMILIES, formatLabels, MetricKind, orderLabels, type Family, type Label } from './names.js';
import { averageBlockMilliBytes, MAX_THOUSANDTHS_BYTES, writeThousandths } from './values.js';

/** One series of one log: where its values are and how it is named. */
interface Series {
  readonly kind: MetricKind;
  readonly domain: number;
  /** -1 for a metric of the whole domain. */
  readonly order: number;
  readonly sizeKiB: number;
  readonly column: number;
  /** `{…} `: the labels and the space before the value. */
  readonly labels: string;
}

/** The columns of one order of one domain; another block size under the same order (a damaged row) gets its own. */
interface OrderColumns {
  readonly sizeKiB: number;
  readonly fmfi: number;
  counts: { freeBlocks: number; unusable: number; extfrag: number } | null;
  other: OrderColumns | null;
}

interface DomainColumns {
  readonly labels: readonly Label[];
  average: number;
  readonly orders: (OrderColumns | undefined)[];
}

/** The families whose stored numbers are thousandths, written as decimals; the others are integers. */
const IN_THOUSANDTHS: Readonly<Record<MetricKind, boolean>> = {
  fmfi: false,
  average: true,
  freeBlocks: false,
  unusable: true,
  extfrag: true,
};

/** `# TYPE`, `# UNIT` and `# HELP` of a family, in the order OpenMetrics asks for. */
export function openMetricsHeader(family: Family): string {
  const unit = family.unit === '' ? '' : `# UNIT ${family.name} ${family.unit}\n`;
  return `# TYPE ${family.name} gauge\n${unit}# HELP ${family.name} ${family.help}\n`;
}

const TIME = 0;
/** Pieces of output are handed on at this size. */
const PIECE_BYTES = 256 << 10;
const SPACE = 32;
const LF = 10;

/** The series of one log (one boot window) and the store that holds their values. */
export class LogSeries {
  private readonly domains = new Map<number, DomainColumns>();
  private readonly series: Series[] = [];
  private samples = 0;

  constructor(
    /** The labels every series of the log has: the constant ones, then `boot`. */
    private readonly base: readonly Label[],
    private readonly store: ColumnStore,
  ) {
    if (store.addColumn() !== TIME) throw new Error('a log needs a store of its own');
  }

  /** How many samples were added (those with rows). */
  get count(): number {
    return this.samples;
  }

  /** Adds a sample read at `instant` (Unix milliseconds, later than the one before). The sample may be reused after. */
  add(sample: Sample, instant: number): void {
    if (sample.domains.length === 0) return;
    const store = this.store;
    store.set(TIME, Math.floor(instant / 1000));
    for (const reading of sample.domains) {
      const domain = this.domainColumns(reading.domain, reading.label);
      const average = averageBlockMilliBytes(reading.orders);
      if (average !== null) {
        if (domain.average < 0) domain.average = this.newSeries('average', reading.domain, -1, 0, domain.labels);
        store.set(domain.average, average);
      }
      for (const row of reading.orders) {
        const columns = this.orderColumns(domain, reading.domain, row.order, row.sizeKiB);
        store.set(columns.fmfi, row.fmfi);
        if (row.freeBlocks === undefined || row.unusable === undefined || row.extfrag === undefined) continue;
        columns.counts ??= {
          freeBlocks: this.newSeries('freeBlocks', reading.domain, row.order, row.sizeKiB, domain.labels),
          unusable: this.newSeries('unusable', reading.domain, row.order, row.sizeKiB, domain.labels),
          extfrag: this.newSeries('extfrag', reading.domain, row.order, row.sizeKiB, domain.labels),
        };
        store.set(columns.counts.freeBlocks, row.freeBlocks);
        store.set(columns.counts.unusable, row.unusable);
        store.set(columns.counts.extfrag, row.extfrag);
      }
    }
    store.endRow();
    this.samples++;
  }

  /** The log's series of a family, by domain, then order, then block size. */
  seriesOf(kind: MetricKind): Series[] {
    return this.series
      .filter((s) => s.kind === kind)
      .sort((a, b) => a.domain - b.domain || a.order - b.order || a.sizeKiB - b.sizeKiB);
  }

  /**
   * Writes the lines of one series to `out`, in time order, handing `out`'s content on
   * whenever it holds a piece's worth.
   */
  *lines(series: Series, out: ByteBuilder): Generator<Uint8Array> {
    const prefix = Buffer.from(`${FAMILIES[series.kind].name}${series.labels}`, 'utf8');
    const thousandths = IN_THOUSANDTHS[series.kind];
    const room = prefix.length + MAX_THOUSANDTHS_BYTES + MAX_INT_BYTES + 2;
    for (const { rows, values } of this.store.readBlocks([TIME, series.column])) {
      const times = values[0];
      const column = values[1];
      if (times === null || times === undefined || column === null || column === undefined) continue;
      for (let i = 0; i < rows; i++) {
        const v = column[i]!;
        if (v !== v) continue; // NaN: no value in this sample
        out.reserve(room);
        const buf = out.buf;
        buf.set(prefix, out.length);
        let p = out.length + prefix.length;
        p = thousandths ? writeThousandths(buf, p, v) : writeInt(buf, p, v);
        buf[p++] = SPACE;
        p = writeInt(buf, p, times[i]!);
        buf[p++] = LF;
        out.length = p;
        if (p >= PIECE_BYTES) yield out.take();
      }
    }
  }

  private domainColumns(domain: number, label: string | undefined): DomainColumns {
    let columns = this.domains.get(domain);
    if (columns === undefined) {
      columns = { labels: [...this.base, ...domainLabels({ domain, label })], average: -1, orders: [] };
      this.domains.set(domain, columns);
    }
    return columns;
  }

  private orderColumns(domain: DomainColumns, number: number, order: number, sizeKiB: number): OrderColumns {
    let columns = domain.orders[order];
    while (columns !== undefined && columns.sizeKiB !== sizeKiB) {
      if (columns.other === null) {
        columns.other = this.newOrderColumns(domain, number, order, sizeKiB);
        return columns.other;
      }
      columns = columns.other;
    }
    if (columns === undefined) {
      columns = this.newOrderColumns(domain, number, order, sizeKiB);
      domain.orders[order] = columns;
    }
    return columns;
  }

  private newOrderColumns(domain: DomainColumns, number: number, order: number, sizeKiB: number): OrderColumns {
    return { sizeKiB, fmfi: this.newSeries('fmfi', number, order, sizeKiB, domain.labels), counts: null, other: null };
  }

  private newSeries(kind: MetricKind, domain: number, order: number, sizeKiB: number, labels: readonly Label[]): number {
    const column = this.store.addColumn();
    const all = order < 0 ? labels : [...labels, ...orderLabels(order, sizeKiB)];
    this.series.push({ kind, domain, order, sizeKiB, column, labels: `${formatLabels(all)} ` });
    return column;
  }
}

/** The history of several logs, written as one OpenMetrics exposition. */
export class MetricsHistory {
  private readonly logs: LogSeries[] = [];

  constructor(
    /** `--label` labels, on every series. */
    private readonly constant: readonly Label[] = [],
  ) {}

  /** Starts a log named `boot` (see bootLabel), whose values go to a store of its own. */
  log(boot: string, store: ColumnStore): LogSeries {
    const log = new LogSeries([...this.constant, ['boot', boot]], store);
    this.logs.push(log);
    return log;
  }

  /**
   * The exposition in pieces of bytes: families in a fixed order, each series whole, `# EOF`
   * last. Each piece is `out`'s, handed over (ByteBuilder.take): give it back with
   * `out.recycle` once written.
   */
  *pieces(out: ByteBuilder = new ByteBuilder(2 * PIECE_BYTES)): Generator<Uint8Array> {
    for (const kind of Object.keys(MetricKind) as MetricKind[]) {
      const perLog = this.logs.map((log) => log.seriesOf(kind));
      if (perLog.every((s) => s.length === 0)) continue;
      out.bytes(Buffer.from(openMetricsHeader(FAMILIES[kind]), 'utf8'));
      for (const [i, log] of this.logs.entries()) {
        for (const series of perLog[i]!) yield* log.lines(series, out);
      }
    }
    out.ascii('# EOF\n');
    yield out.take();
  }

  /** The whole exposition as one string (logs held in memory). */
  text(): string {
    return Buffer.concat([...this.pieces()]).toString('utf8');
  }
}
