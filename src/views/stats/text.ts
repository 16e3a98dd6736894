// Changes and shares as the stats table prints them (ASCII minus signs), over the shared formatters of summary/.
import { formatCount, formatSpan } from '../../summary/caption.js';

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
