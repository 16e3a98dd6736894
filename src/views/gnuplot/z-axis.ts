// The gnuplot script's FMFI tick labels, on the shared ticks of summary/height.ts.
import { heightTicks, SI_FROM, type HeightLimits } from '../../summary/height.js';

/** `-1.4M`, `-200k`, `500`: short enough for the axis when the range runs into the millions. */
function tickLabel(v: number, si: boolean): string {
  const short = (x: number): string => String(Number(x.toPrecision(3)));
  if (si && Math.abs(v) >= 1e6) return `${short(v / 1e6)}M`;
  if (si && Math.abs(v) >= 1e3) return `${short(v / 1e3)}k`;
  return String(Number(v.toPrecision(12)));
}

export interface ZTic {
  readonly value: number;
  readonly label: string;
}

/** At most about `count` ticks at a nice step; SI labels when the range reaches 100,000. */
export function zTics(limits: HeightLimits, count: number): ZTic[] {
  const si = Math.max(Math.abs(limits.min), Math.abs(limits.max)) >= SI_FROM;
  return heightTicks(limits, count).map((value) => ({ value, label: tickLabel(value, si) }));
}
