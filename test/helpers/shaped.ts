// Logs of a chosen shape (domains, orders, samples), in the kernel's exact format, for tests at the limits.

/** A row as the kernel prints it: `  %2d (%6dK) |  %ld `. */
export const kernelRow = (order: number, sizeKiB: number, fmfi: number): string =>
  `  ${String(order).padStart(2)} (${String(sizeKiB).padStart(6)}K) |  ${fmfi} `;

/** A log of `samples` samples, five minutes apart, of `domains` domains of `orders` orders each (4K pages). */
export function shapedLog(samples: number, domains: number, orders: number): string {
  const lines: string[] = [];
  for (let s = 0; s < samples; s++) {
    const t = new Date(Date.UTC(2024, 3, 8, 10, 5) + s * 300_000).toISOString();
    lines.push(`${t.slice(0, 10)}_${t.slice(11, 19)}`, 'vm.phys_frag_idx: ');
    for (let d = 0; d < domains; d++) {
      lines.push('--', '', `DOMAIN ${d}`, '', '  ORDER (SIZE) |  FMFI', '--');
      for (let o = orders - 1; o >= 0; o--) lines.push(kernelRow(o, 4 * 2 ** o, 1000 - ((o * 37 + s * 11 + d * 5) % 1500)));
    }
    lines.push('', '');
  }
  return `${lines.join('\n')}\n`;
}
