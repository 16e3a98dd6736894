// Block sizes as people write them, one formatter for every output.

/** `4K`, `512K`, `2M`, `1G`: a block size in KiB, in the largest unit that divides it. */
export function formatKiB(kib: number): string {
  if (kib >= 1024 * 1024 && kib % (1024 * 1024) === 0) return `${kib / (1024 * 1024)}G`;
  if (kib >= 1024 && kib % 1024 === 0) return `${kib / 1024}M`;
  return `${kib}K`;
}
