// The /proc/buddyinfo format: what `cat /proc/buddyinfo` prints on every Linux machine, after each date line.
//
// torvalds/linux mm/vmstat.c, frag_show_print:
//
//   seq_printf(m, "Node %d, zone %8s ", pgdat->node_id, zone->name);
//   for (order = 0; order < NR_PAGE_ORDERS; ++order)
//       seq_printf(m, "%6lu ", data_race(zone->free_area[order].nr_free));
//   seq_putc(m, '\n');
//
// one line per populated zone of each online node (walk_zones_in_node with
// assert_populated), counts from order 0 up: `Node 0, zone   Normal    216     53 …`.
// NR_PAGE_ORDERS is 11 on most kernels, not all; wider counts shift the columns. The
// lines say nothing of the page size: blocks are taken as 4 KiB pages (x86, most arm64).
import type { LogFormat, ReaderOptions, ReaderSink } from '../format.js';
import { CountReader } from '../counts/reader.js';
import { countValue, dateLine, unreadLine } from '../counts/lines.js';
import { MAX_ORDER } from '../limits.js';
import { buddyinfoInfo } from './info.js';

const TITLE = buddyinfoInfo.title;
const ZONE_LINE = /^Node (\d{1,9}), zone\s+(\S+)((?:\s+\d+)+)\s*$/;
const ZONE_SHAPE = /^\s*Node\s/;
/** A header some patched kernels print before the zone lines. */
const HEADER = 'Free pages per order';
export const PAGE_KIB = 4;

class BuddyinfoReader extends CountReader {
  /** `node 0 Normal` → its number, in order of first appearance: the same number in every sample. */
  private readonly parts = new Map<string, number>();
  /** Orders of the log's first zone line: every line must have as many. */
  private orders: number | null = null;

  constructor(file: string, sink: ReaderSink, options: ReaderOptions) {
    super(file, sink, options, TITLE);
  }

  protected line(raw: string, lineNo: number, complete: boolean): void {
    const text = raw.trim();
    if (text === '' || text.startsWith(HEADER)) return;
    // A last line without its newline may have lost counts: it is not read.
    const m = complete ? ZONE_LINE.exec(text) : null;
    if (m !== null) return this.zone(m, raw, lineNo);
    if (dateLine(this.samples, text, raw, lineNo)) return;
    unreadLine(this.samples, TITLE, raw, lineNo, complete, ZONE_SHAPE.test(text));
  }

  private zone(m: RegExpExecArray, raw: string, lineNo: number): void {
    const label = `node ${Number(m[1])} ${m[2]!}`;
    const counts = m[3]!.trim().split(/\s+/).map(countValue);
    if (counts.some((c) => c === null) || counts.length > MAX_ORDER + 1) return unreadLine(this.samples, TITLE, raw, lineNo, true, true);
    this.orders ??= counts.length;
    if (counts.length !== this.orders) return this.samples.warn(lineNo, 'ORDERS_DIFFER', counts.length, this.orders);
    let domain = this.parts.get(label);
    if (domain === undefined) {
      domain = this.parts.size;
      this.parts.set(label, domain);
    }
    if (this.samples.hasPart(domain)) return this.samples.warn(lineNo, 'ZONE_REPEATED', label, this.samples.date!);
    const part = this.samples.part(domain, label, lineNo);
    if (part === null) return;
    counts.forEach((count, order) => this.samples.count(part, order, PAGE_KIB * 2 ** order, count!));
  }
}

export const buddyinfo: LogFormat = {
  ...buddyinfoInfo,
  reader: (file, sink, options = {}) => new BuddyinfoReader(file, sink, options),
};
