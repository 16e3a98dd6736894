// One colour per order: the chart's, so a log's gnuplot picture and its SVG chart match.
import { orderColours } from '../../summary/palette.js';

export interface WallColours {
  /** The wall's fill. */
  readonly fill: string;
  /** Its top edge, darker, so neighbouring walls of similar colour stay apart. */
  readonly edge: string;
}

/** Colours for `count` orders, index 0 (the smallest block) first. */
export function wallColours(count: number): WallColours[] {
  return orderColours(count).map(({ fill, stroke }) => ({ fill, edge: stroke }));
}
