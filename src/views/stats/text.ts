// Numbers as the stats table prints them: sizes, spans, counts, shares, changes (ASCII minus signs).

// TODO(merge): use summary/sizes formatKiB
/** `4K`, `512K`, `2M`, `1G`: a block size in KiB, in the largest unit that divides it. */
export function formatKiB(kib: number): string {
  if (kib >= 1024 * 1024 && kib % (1024 * 1024) === 0) return `${kib / (1024 * 1024)}G`;
  if (kib >= 1024 && kib % 1024 === 0) return `${kib / 1024}M`;
  return `${kib}K`;
}

// TODO(merge): move beside summary/sizes formatKiB (a size that need not be a power of two)
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

// TODO(merge): use summary/ formatSpan
/** `3 d 4 h`, `2 h 5 min`, `45 s`: a duration in the two largest units that matter. */
export function formatSpan(ms: number): string {
  if (ms < 0) return `-${formatSpan(-ms)}`;
  const units: Array<[string, number]> = [['d', 86400], ['h', 3600], ['min', 60], ['s', 1]];
  const parts: string[] = [];
  let rest = Math.round(ms / 1000);
  for (const [name, size] of units) {
    const n = Math.floor(rest / size);
    if (n > 0 || (parts.length > 0 && parts.length < 2)) {
      if (n > 0) parts.push(`${n} ${name}`);
      rest -= n * size;
    }
    if (parts.length === 2) break;
  }
  return parts.length === 0 ? '0 s' : parts.join(' ');
}

// TODO(merge): use summary/ formatCount
/** `-951,229`, `10,000`: thousands grouped with commas, an ASCII minus (terminals, grep). */
export function formatCount(n: number): string {
  const digits = String(Math.trunc(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${digits}` : digits;
}

/** `+1,234`, `-56`, `0`: a change in FMFI. */
export function formatChange(n: number): string {
  return n > 0 ? `+${formatCount(n)}` : formatCount(n);
}

/** `25.0%`: a share from 0 to 1. */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** `+52%`, `-38%`, `×150`: a size against the reference size (a factor from 10 times on). */
export function formatRatioChange(value: number, reference: number): string {
  if (reference === 0) return value === 0 ? '0%' : 'n/a';
  const ratio = value / reference;
  if (ratio >= 10) return `×${formatCount(Math.round(ratio))}`;
  const pct = Math.round((ratio - 1) * 100);
  return pct > 0 ? `+${pct}%` : `${pct}%`;
}

/** `+2 d 3 h`, `-45 min`: a change in uptime. */
export function formatSpanChange(ms: number): string {
  return ms > 0 ? `+${formatSpan(ms)}` : formatSpan(ms);
}
