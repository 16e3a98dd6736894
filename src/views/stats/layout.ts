// Plain-text layout for the stats table: aligned columns, prose wrapped between its parts.

/** A line of cells, aligned with the other cell lines of its block; or a line of text as it is. */
export type Line = { readonly cells: readonly string[] } | { readonly text: string };

const GAP = '  ';

/**
 * The lines of a block: every column as wide as its widest cell, right-aligned (numbers)
 * unless `left` names it (by default the first: labels).
 */
export function alignLines(lines: readonly Line[], indent: string, left: ReadonlySet<number> = new Set([0])): string[] {
  const widths: number[] = [];
  for (const line of lines) {
    if (!('cells' in line)) continue;
    line.cells.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return lines.map((line) => {
    if (!('cells' in line)) return line.text;
    const cells = line.cells.map((cell, i) => {
      const w = widths[i] ?? 0;
      return left.has(i) ? cell.padEnd(w) : cell.padStart(w);
    });
    return `${indent}${cells.join(GAP)}`.trimEnd();
  });
}

/** `head…tail`: a name shortened in the middle to `max` characters (the ends tell files apart). */
export function shorten(name: string, max: number): string {
  const chars = [...name];
  if (chars.length <= max) return name;
  const keep = Math.max(1, max - 3);
  const head = Math.ceil(keep / 2);
  return `${chars.slice(0, head).join('')}...${chars.slice(chars.length - (keep - head)).join('')}`;
}

/**
 * Parts joined with ` · ` in lines of at most `width` characters, broken between parts;
 * a part longer than a line is broken between words. Lines after the first get `indent`.
 */
export function wrapParts(parts: readonly string[], width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  const room = (): number => width - (lines.length === 0 ? 0 : indent.length);
  const flush = (): void => {
    lines.push(`${lines.length === 0 ? '' : indent}${line}`);
    line = '';
  };
  for (const part of parts) {
    const joined = line === '' ? part : `${line} · ${part}`;
    if (joined.length <= room()) {
      line = joined;
      continue;
    }
    if (line !== '') flush();
    for (const word of part.split(' ')) {
      if (line !== '' && line.length + 1 + word.length > room()) flush();
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') flush();
  return lines;
}
