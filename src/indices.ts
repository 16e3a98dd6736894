// FMFI, Linux's unusable free space index and fragmentation index from free block counts, in the kernels' integer arithmetic.
//
// Each index is computed from three totals of one domain (FreeBSD) or zone (Linux),
// summed over every order, free list and pool, exactly as the kernels sum them:
//
//   free_pages  P = Σ count(o) << o                       (torvalds/linux mm/vmstat.c,
//   free_blocks B = Σ count(o)                              fill_contig_page_info:
//   suitable(j) S = Σ over o >= j of count(o) << (o - j)    "info->free_pages += blocks << order;")
//
// The kernels hold them in 64-bit unsigned longs, so they wrap at 2^64; the BigInt path
// below does the same. Counts of real machines keep P·1000 far below 2^53, where plain
// numbers are exact: that path is the one taken, and is tested against the BigInt one.

/** The free block count of one order, as a format read it. */
export interface OrderCount {
  readonly order: number;
  readonly freeBlocks: number;
}

/** The three indices of one order, in thousandths, as the kernels compute them. */
export interface OrderIndices {
  /** 1000 − P·1000/2^j/B: 1000 fully fragmented, below 0 an allocation of 2^j pages is easy. */
  readonly fmfi: number;
  /** Thousandths of the free memory in blocks smaller than 2^j pages: 0 all usable, 1000 none. */
  readonly unusable: number;
  /** −1000 when a free block of 2^j pages exists; else 0 (lack of memory) … 1000 (fragmentation). */
  readonly extfrag: number;
}

/** The totals of fill_contig_page_info for one requested order, as 64-bit unsigned integers. */
export interface ContigInfo {
  readonly freePages: bigint;
  readonly freeBlocksTotal: bigint;
  readonly freeBlocksSuitable: bigint;
}

const u64 = (n: bigint): bigint => BigInt.asUintN(64, n);
const s64 = (n: bigint): bigint => BigInt.asIntN(64, n);

/** fill_contig_page_info (mm/vmstat.c) for `suitableOrder`, wrapping at 2^64 as unsigned long does. */
export function contigInfo(counts: readonly OrderCount[], suitableOrder: number): ContigInfo {
  let freePages = 0n;
  let freeBlocksTotal = 0n;
  let freeBlocksSuitable = 0n;
  for (const { order, freeBlocks } of counts) {
    const blocks = BigInt(freeBlocks);
    freeBlocksTotal = u64(freeBlocksTotal + blocks);
    freePages = u64(freePages + u64(blocks << BigInt(order)));
    if (order >= suitableOrder) freeBlocksSuitable = u64(freeBlocksSuitable + u64(blocks << BigInt(order - suitableOrder)));
  }
  return { freePages, freeBlocksTotal, freeBlocksSuitable };
}

/**
 * FMFI as the vm.phys_frag_idx patch computes it for a domain:
 * `return (1000 - ((info.free_pages * 1000) / (1 << order) / info.free_blocks));`, 0 when
 * there are no free blocks; 64-bit integers, truncating division.
 */
export function fmfiIndex(order: number, info: ContigInfo): number {
  if (info.freeBlocksTotal === 0n) return 0;
  return Number(s64(1000n - u64(info.freePages * 1000n) / (1n << BigInt(order)) / info.freeBlocksTotal));
}

/**
 * unusable_free_index (torvalds/linux mm/vmstat.c):
 *   if (info->free_pages == 0) return 1000;
 *   return div_u64((info->free_pages - (info->free_blocks_suitable << order)) * 1000ULL, info->free_pages);
 */
export function unusableIndex(order: number, info: ContigInfo): number {
  if (info.freePages === 0n) return 1000;
  return Number(u64(u64(info.freePages - u64(info.freeBlocksSuitable << BigInt(order))) * 1000n) / info.freePages);
}

/**
 * __fragmentation_index (torvalds/linux mm/vmstat.c), what debugfs extfrag_index prints:
 *   if (!info->free_blocks_total) return 0;
 *   if (info->free_blocks_suitable) return -1000;
 *   return 1000 - div_u64( (1000+(div_u64(info->free_pages * 1000ULL, requested))), info->free_blocks_total);
 * (Its first test, order > MAX_PAGE_ORDER, cannot hold for an order the kernel printed.)
 */
export function fragmentationIndex(order: number, info: ContigInfo): number {
  if (info.freeBlocksTotal === 0n) return 0;
  if (info.freeBlocksSuitable !== 0n) return -1000;
  const requested = 1n << BigInt(order);
  // The kernel returns an int: the unsigned difference converted back.
  return Number(BigInt.asIntN(32, 1000n - u64(1000n + u64(info.freePages * 1000n) / requested) / info.freeBlocksTotal));
}

/** The three indices of every order of `counts`, in the same order: the exact BigInt path. */
export function countIndicesExact(counts: readonly OrderCount[]): OrderIndices[] {
  return counts.map(({ order }) => {
    const info = contigInfo(counts, order);
    return { fmfi: fmfiIndex(order, info), unusable: unusableIndex(order, info), extfrag: fragmentationIndex(order, info) };
  });
}

/** ⌊a / b⌋ for integers 0 <= a <= 2^53, b >= 1; the float quotient corrected where it rounded. */
function div(a: number, b: number): number {
  let q = Math.floor(a / b);
  if (q * b > a) q--;
  else if ((q + 1) * b <= a) q++;
  return q;
}

/** P·1000 below this stays exact in a double, and so does every step after it. */
const EXACT = Number.MAX_SAFE_INTEGER / 1000;

/**
 * The three indices of every order of one domain's or zone's counts (the counts summed
 * over free lists and pools), in the same order as `counts`.
 */
export function countIndices(counts: readonly OrderCount[]): OrderIndices[] {
  let pages = 0;
  let blocks = 0;
  let maxOrder = 0;
  for (const { order, freeBlocks } of counts) {
    pages += freeBlocks * 2 ** order;
    blocks += freeBlocks;
    if (order > maxOrder) maxOrder = order;
  }
  if (!(pages < EXACT) || maxOrder > 52) return countIndicesExact(counts);
  const out: OrderIndices[] = [];
  for (const { order } of counts) {
    const requested = 2 ** order;
    let suitable = 0;
    for (const c of counts) if (c.order >= order) suitable += c.freeBlocks * 2 ** (c.order - order);
    const perRequest = div(pages * 1000, requested);
    const fmfi = blocks === 0 ? 0 : 1000 - div(perRequest, blocks);
    const unusable = pages === 0 ? 1000 : div((pages - suitable * requested) * 1000, pages);
    const extfrag = blocks === 0 ? 0 : suitable !== 0 ? -1000 : 1000 - div(1000 + perRequest, blocks);
    out.push({ fmfi, unusable, extfrag });
  }
  return out;
}

/** What a chart's height can show: `--index`. */
export const IndexName = { fmfi: 'fmfi', unusable: 'unusable', extfrag: 'extfrag' } as const;
export type IndexName = keyof typeof IndexName;
export function isIndexName(s: string): s is IndexName {
  return Object.hasOwn(IndexName, s);
}

/** The height axis title of each index: what up and down mean. */
export const INDEX_AXIS_TITLE: Readonly<Record<IndexName, string>> = {
  fmfi: 'FMFI',
  unusable: 'unusable free space index',
  extfrag: 'fragmentation index',
};
