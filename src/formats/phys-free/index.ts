// The vm.phys_free format: what every stock FreeBSD kernel's `sysctl vm.phys_free` prints after each date line.
//
// freebsd/freebsd-src sys/vm/vm_phys.c, sysctl_vm_phys_free:
//
//   sbuf_printf(&sbuf,"\nDOMAIN %d:\n", dom);                         (absent on older kernels)
//   sbuf_printf(&sbuf, "\nFREE LIST %d:\n" "\n  ORDER (SIZE)  |  NUMBER" "\n              ", flind);
//   sbuf_printf(&sbuf, "  |  POOL %d", pind);                         (one per pool)
//   sbuf_printf(&sbuf, "\n--            ");  "-- --      " per pool, "--\n"
//   for (oind = VM_NFREEORDER - 1; oind >= 0; oind--) {
//       sbuf_printf(&sbuf, "  %2d (%6dK)", oind, 1 << (PAGE_SHIFT - 10 + oind));
//       sbuf_printf(&sbuf, "  |  %6d", fl[oind].lcnt);                (one per pool)
//
// so a row is `  12 ( 16384K)  |       0  |       3`. Wider counts shift the columns;
// older kernels pad fields with zeros. FMFI and the indices of a domain sum every free
// list and pool of it, as the vm.phys_frag_idx patch does.
import type { LogFormat, ReaderOptions, ReaderSink } from '../format.js';
import { CountReader } from '../counts/reader.js';
import { countValue, dateLine, isDateLine, unreadLine } from '../counts/lines.js';
import type { PartBuild } from '../counts/samples.js';
import { MAX_ORDER, MAX_SIZE_KIB } from '../limits.js';
import { physFreeInfo } from './info.js';

const MAX_SIZE_TEXT = String(MAX_SIZE_KIB);
const TITLE = physFreeInfo.title;
const ROW = /^\s*(\d{1,2}) \(\s*(\d{1,16})K\)((?:\s*\|\s*\d+)+)\s*$/;
const ROW_SHAPE = /^\s*\d+\s*\(|K\)\s*\|/;
const DOMAIN = /^DOMAIN (\d{1,9}):$/;
const FREE_LIST = /^FREE LIST (\d{1,9}):$/;
const POOLS = /^(?:\|\s*POOL \d+\s*)+$/;
const POOL = /POOL/g;

/** The free list being read: its rows must run from the highest order down to 0, one each. */
interface FreeList {
  readonly number: number;
  readonly line: number;
  /** Pools its header names; null without a header (then its first row says). */
  pools: number | null;
  lowest: number | null;
}

class PhysFreeReader extends CountReader {
  /** 0 until a DOMAIN line: older kernels print none. */
  private domain = 0;
  private freeList: FreeList | null = null;
  /**
   * Blank lines since the last row, FREE LIST or DOMAIN line. Free lists are one blank
   * line apart; after the last one sysctl's own newline and the cron job's `echo` make two.
   * A log that ends with fewer may have lost whole free lists of its last sample, which no
   * row shows (they were cut at a line end); so may one that ends after a FREE LIST or
   * DOMAIN line, which blank lines follow too.
   */
  private blanksAfterRow = 2;

  constructor(file: string, sink: ReaderSink, options: ReaderOptions) {
    super(file, sink, options, TITLE);
  }

  protected override endOfLines(): void {
    this.closeFreeList();
    if (this.blanksAfterRow < 2) this.samples.spoilCurrent('the log ends inside its output, so free lists may be missing (log cut off?)');
  }

  protected line(raw: string, lineNo: number, complete: boolean): void {
    const text = raw.trim();
    if (text === '' && complete) this.blanksAfterRow++;
    if (text === '' || text === 'vm.phys_free:' || text.startsWith('ORDER (SIZE)') || text.startsWith('--')) return;
    // sysctl output ends with a newline: a last line without one may be cut anywhere.
    const row = complete ? ROW.exec(raw) : null;
    if (row !== null) {
      this.blanksAfterRow = 0;
      return this.row(row, raw, lineNo);
    }
    if (complete && POOLS.test(text)) {
      if (this.freeList !== null) this.freeList.pools = text.match(POOL)!.length;
      return;
    }
    let m = FREE_LIST.exec(text);
    if (m !== null) {
      this.closeFreeList();
      this.freeList = { number: Number(m[1]), line: lineNo, pools: null, lowest: null };
      // Its rows are still to come: blank lines follow it as they follow a sample's end.
      this.blanksAfterRow = 0;
      return;
    }
    m = DOMAIN.exec(text);
    if (m !== null) {
      this.closeFreeList();
      this.domain = Number(m[1]);
      this.blanksAfterRow = 0;
      return;
    }
    if (isDateLine(text)) {
      // What the sample before it left unfinished is told before it closes.
      this.closeFreeList();
      this.domain = 0;
      dateLine(this.samples, text, raw, lineNo);
      return;
    }
    unreadLine(this.samples, TITLE, raw, lineNo, complete, ROW_SHAPE.test(text));
  }

  private row(m: RegExpExecArray, raw: string, lineNo: number): void {
    const order = Number(m[1]);
    const sizeKiB = Number(m[2]);
    // Sixteen digits are compared as text: a number that large is no longer exact.
    const tooLarge = m[2]!.length === MAX_SIZE_TEXT.length && m[2]! > MAX_SIZE_TEXT;
    if (order > MAX_ORDER || tooLarge) return unreadLine(this.samples, TITLE, raw, lineNo, true, true);
    const cells = m[3]!.split('|').slice(1);
    const counts = cells.map((c) => countValue(c.trim()));
    if (counts.some((c) => c === null)) return unreadLine(this.samples, TITLE, raw, lineNo, true, true);
    const part = this.samples.part(this.domain, undefined, lineNo);
    if (part === null) return;
    // Rows without a FREE LIST line (a damaged log) make a free list of their own.
    const list = (this.freeList ??= { number: -1, line: lineNo, pools: null, lowest: null });
    list.pools ??= counts.length;
    if (counts.length !== list.pools) {
      this.samples.warn(lineNo, 'POOLS_DIFFER', counts.length, list.pools);
      return this.samples.spoil(part, `a row of free list ${list.number} unreadable (line ${lineNo})`);
    }
    if (list.lowest !== null && order !== list.lowest - 1) {
      // A repeated or lost line, or a lost FREE LIST line: which counts belong where is no longer known.
      const why = order >= list.lowest ? `order ${order} again after order ${list.lowest}` : `skips from order ${list.lowest} to ${order}`;
      this.samples.spoil(part, `free list ${list.number} ${why} (line ${lineNo})`);
      if (order >= list.lowest) return;
    }
    list.lowest = order;
    let sum = 0;
    for (const c of counts) sum += c!;
    this.samples.count(part, order, sizeKiB, sum);
  }

  /** A free list that does not reach order 0 leaves its domain's counts incomplete. */
  private closeFreeList(): void {
    const list = this.freeList;
    this.freeList = null;
    if (list === null || list.lowest === null || list.lowest === 0) return;
    const part: PartBuild | null = this.samples.hasPart(this.domain) ? this.samples.part(this.domain, undefined, list.line) : null;
    if (part !== null) this.samples.spoil(part, `free list ${list.number} stops at order ${list.lowest}, not 0 (log cut off?)`);
  }
}

export const physFree: LogFormat = {
  ...physFreeInfo,
  reader: (file, sink, options = {}) => new PhysFreeReader(file, sink, options),
};
