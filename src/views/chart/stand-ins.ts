// The rows' path text kept out of Vega: it gets short stand-ins, and the real text goes back into its SVG.
//
// Vega parses the text of every path mark to find its bounding box, with a regular
// expression per number and an array per command: a third of Vega's time for a chart went
// into parsing row paths, and more into collecting that garbage. Vega writes a path's text
// into the SVG as given, and uses its box only for layout (the chart's title sits above
// the top of everything drawn). A stand-in with the same box, two corners, lays out the
// same; the SVG then gets the real text back. The chart is the same bytes either way
// (test/views/chart/stand-ins.test.ts).
import type { Spec } from 'vega';
import type { Box } from './rows.js';

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The box of a path made of absolute M, L, H, V and Z commands (the rows' grammar,
 * rows.ts), as Vega finds it: every vertex. Null for any other path: it is left as it is.
 */
export function pathBox(path: string): Box | null {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  let x = 0;
  let y = 0;
  let at = 0;
  const n = path.length;
  // One number from `at` as Vega reads it, the nearest double to its decimal text, or NaN.
  // Digits n and a point k places from the end give n / 10^k: both exact, so their quotient
  // is that nearest double, without cutting the text out for Number().
  const number = (): number => {
    const start = at;
    const negative = path.charCodeAt(at) === 45; /* - */
    if (negative) at++;
    let digits = 0;
    let value = 0;
    let decimals = -1;
    while (at < n) {
      const c = path.charCodeAt(at);
      if (c >= 48 && c <= 57) {
        value = value * 10 + (c - 48);
        digits++;
        if (decimals >= 0) decimals++;
      } else if (c === 46 /* . */ && decimals < 0) {
        decimals = 0;
      } else break;
      at++;
    }
    if (digits === 0) return NaN;
    if (value > Number.MAX_SAFE_INTEGER || decimals > 22) return Number(path.slice(start, at));
    if (decimals > 0) value /= POWERS_OF_TEN[decimals]!;
    return negative ? -value : value;
  };
  while (at < n) {
    const command = path.charCodeAt(at++);
    if (command === 77 /* M */ || command === 76 /* L */) {
      x = number();
      if (path.charCodeAt(at++) !== 44 /* , */) return null;
      y = number();
    } else if (command === 72 /* H */) {
      x = number();
    } else if (command === 86 /* V */) {
      y = number();
    } else if (command === 90 /* Z */) {
      continue; // back to the piece's start: a vertex already counted
    } else {
      return null;
    }
    if (Number.isNaN(x) || Number.isNaN(y)) return null;
    if (x < x1) x1 = x;
    if (x > x2) x2 = x;
    if (y < y1) y1 = y;
    if (y > y2) y2 = y;
  }
  return x1 === Infinity ? null : [x1, y1, x2, y2];
}

/**
 * A stand-in of path number `i` with box `box`: a line from corner to corner, then a move
 * by zero whose exponent carries `i` (`0e7` is 0), so it adds no vertex outside the box.
 */
function standIn(box: Box, i: number): string {
  return `M${box[0]},${box[1]}L${box[2]},${box[3]}m0e${i},0`;
}

// In Vega's SVG, `<` only opens a tag and `"` only delimits an attribute: text escapes both.
const STAND_IN = /(<path [^>]* d=")M[^"]*m0e(\d+),0"/g;

export interface StandIns {
  /** The spec with the rows' paths replaced. */
  readonly spec: Spec;
  /** Whether Vega's SVG of that spec (or a document made from it) holds every stand-in once, where a path's text goes. */
  allIn(svg: string): boolean;
  /** That SVG with the real paths back. */
  restore(svg: string): string;
  /**
   * The same as UTF-8 bytes, written piece by piece: the SVG holds characters beyond
   * Latin-1 (Vega's minus sign), so as one string it takes two bytes a character, and
   * each edit of it copies it whole; the paths, ASCII, are copied in as they are.
   */
  encode(svg: string): Buffer;
}

/**
 * Stand-ins for the paths of the data set `data` of `spec` (a copy; the spec itself is left
 * as it is). `boxOf` gives a row's box where it is known without reading its path.
 */
export function withStandIns(spec: Spec, data: string, boxOf: (row: object) => Box | undefined = () => undefined): StandIns {
  const paths: string[] = [];
  const datasets = (spec.data ?? []).map((d) => {
    if (d.name !== data || !('values' in d) || !Array.isArray(d.values)) return d;
    const values = (d.values as Record<string, unknown>[]).map((row) => {
      const path = row['path'];
      const box = typeof path === 'string' ? (boxOf(row) ?? pathBox(path)) : null;
      if (box === null) return row;
      paths.push(path as string);
      return { ...row, path: standIn(box, paths.length - 1) };
    });
    return { ...d, values };
  });
  return {
    spec: { ...spec, data: datasets },
    allIn: (svg) => {
      const seen = new Set<string>();
      let found = 0;
      for (const m of svg.matchAll(STAND_IN)) {
        seen.add(m[2]!);
        found++;
      }
      return found === paths.length && seen.size === paths.length;
    },
    restore: (svg) => svg.replace(STAND_IN, (_, head: string, i: string) => `${head}${paths[Number(i)]}"`),
    encode: (svg) => {
      // Text of the SVG and paths, alternately; only paths pathBox read (ASCII) stood in.
      const pieces: string[] = [];
      let from = 0;
      for (const m of svg.matchAll(STAND_IN)) {
        const head = m.index + m[1]!.length;
        pieces.push(svg.slice(from, head), paths[Number(m[2])]!);
        from = m.index + m[0].length - 1; // the closing quote
      }
      pieces.push(svg.slice(from));
      let size = 0;
      for (let i = 0; i < pieces.length; i++) size += i % 2 === 0 ? Buffer.byteLength(pieces[i]!) : pieces[i]!.length;
      const bytes = Buffer.allocUnsafe(size);
      let at = 0;
      for (let i = 0; i < pieces.length; i++) at += bytes.write(pieces[i]!, at, i % 2 === 0 ? 'utf8' : 'latin1');
      return bytes;
    },
  };
}
