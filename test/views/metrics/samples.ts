// Small logs in the exact kernel formats for the metrics tests, and a reader of OpenMetrics lines.

/** One vm.phys_frag_idx sample: each domain's rows as [order, KiB, FMFI], highest order first. */
export function fragSample(date: string, domains: readonly (readonly (readonly [number, number, number])[])[]): string {
  let text = `${date}\nvm.phys_frag_idx: \n`;
  domains.forEach((rows, d) => {
    text += `--\n\nDOMAIN ${d}\n\n  ORDER (SIZE) |  FMFI\n--\n`;
    for (const [order, kib, fmfi] of rows) text += `  ${String(order).padStart(2)} (${String(kib).padStart(6)}K) |  ${fmfi} \n`;
  });
  return `${text}\n\n`;
}

/** One /proc/buddyinfo sample: [node, zone, counts from order 0 up]. */
export function buddySample(date: string, zones: readonly (readonly [number, string, readonly number[]])[]): string {
  let text = `${date}\n`;
  for (const [node, zone, counts] of zones) text += `Node ${node}, zone ${zone.padStart(8)} ${counts.map((c) => `${String(c).padStart(6)} `).join('')}\n`;
  return `${text}\n`;
}

export interface MetricLine {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: string;
  readonly timestamp: string | null;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: (\S+))?$/;
const LABEL = /([A-Za-z_][A-Za-z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** The sample lines of an exposition (comments left out), labels unescaped. */
export function metricLines(text: string): MetricLine[] {
  const out: MetricLine[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = LINE.exec(line);
    if (m === null) throw new Error(`not a metric line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(LABEL)) labels[l[1]!] = l[2]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    out.push({ name: m[1]!, labels, value: m[3]!, timestamp: m[4] ?? null });
  }
  return out;
}
