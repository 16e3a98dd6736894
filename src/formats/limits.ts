// What a log may hold at most, in every format: beyond these a line is damage, not data.

/**
 * The highest order read: a block of 2^64 pages cannot exist, and a row with a higher
 * order is damage (which would otherwise give a picture one row of blocks per number).
 */
export const MAX_ORDER = 63;

/** The largest block size read, in KiB: 2^53, where numbers stop being exact. */
export const MAX_SIZE_KIB = 2 ** 53;

/**
 * The most domains and rows one sample may have: far more than any machine (Linux counts at
 * most 1024 nodes of a few zones each; 20,000 domains of 13 orders fit), and few enough that
 * a sample, which is held whole until it ends, fits in the memory a run may take. The rows
 * of the domains beyond are skipped, with a message.
 */
export const MAX_DOMAINS_PER_SAMPLE = 65_536;
export const MAX_ROWS_PER_SAMPLE = 2 ** 18;
