// What a log may hold at most, in every format: beyond these a line is damage, not data.

/**
 * The highest order read: a block of 2^64 pages cannot exist, and a row with a higher
 * order is damage (which would otherwise give a picture one row of blocks per number).
 */
export const MAX_ORDER = 63;

/** The largest block size read, in KiB: 2^53, where numbers stop being exact. */
export const MAX_SIZE_KIB = 2 ** 53;

/**
 * The most domains one sample may have: far more than any machine (Linux counts at most
 * 1024 nodes of a few zones each), and few enough that a sample of them fits in memory.
 * The rows of any more are skipped, with a message.
 */
export const MAX_DOMAINS_PER_SAMPLE = 65_536;
