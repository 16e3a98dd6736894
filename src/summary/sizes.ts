// Block sizes as people write them, one formatter for every output.

const BLOCK_UNITS = ['K', 'M', 'G', 'T', 'P', 'E'];

/** `4K`, `512K`, `2M`, `1G`… `8E` (2^53 KiB, the largest block read): a block size in KiB, in the largest unit that divides it. */
export function formatKiB(kib: number): string {
  let v = kib;
  let u = 0;
  while (u < BLOCK_UNITS.length - 1 && v >= 1024 && v % 1024 === 0) {
    v /= 1024;
    u++;
  }
  return `${v}${BLOCK_UNITS[u]!}`;
}

/**
 * `1.9M`, `14K`, `6.7K`: a size in KiB that need not be a block size (the average free
 * block), in the largest unit it reaches, one decimal below 10, none from 10 on.
 */
export function formatSize(kib: number): string {
  if (kib < 0) return `-${formatSize(-kib)}`;
  const units = ['K', 'M', 'G', 'T'];
  let v = kib;
  let u = 0;
  while (u < units.length - 1 && round(v) >= 1024) {
    v /= 1024;
    u++;
  }
  return `${round(v)}${units[u]!}`;
}

function round(v: number): number {
  return v < 10 ? Math.round(v * 10) / 10 : Math.round(v);
}
