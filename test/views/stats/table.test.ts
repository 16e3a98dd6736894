// The stats table: exact text for a tiny window, 100 columns for 1, 2 and 4 windows and 17 orders.
import { describe, expect, it } from 'vitest';
import type { WindowStats } from '../../../src/summary/stats.js';
import { statsTable, TABLE_WIDTH } from '../../../src/views/stats/table.js';
import { formatCount } from '../../../src/summary/caption.js';
import { tinyWindow, wideWindow } from './windows.js';

function widest(text: string): number {
  return Math.max(...text.split('\n').map((l) => [...l].length));
}

const LONG = `/var/tmp/${'very-long-directory-name/'.repeat(4)}vm_frag_20240408_1005.log`;

function wide(i: number, orders = 17, pageKiB = 64): WindowStats {
  return wideWindow({
    source: i % 2 === 0 ? LONG : `w${i}.log`,
    seed: i + 1,
    orders,
    pageKiB,
    domains: 2,
    samples: 60,
    bootTime: i === 1 ? null : Date.UTC(2024, 3, 7, 22, 0),
  });
}

describe('statsTable, one window', () => {
  it('prints the window, then per domain A, the easy size and a row per order, exactly', () => {
    expect(statsTable([tinyWindow()])).toBe(
      [
        'vm_frag_20240408_1005.log',
        '  booted 2024-04-08 10:05: uptime from boot · 2024-04-08 10:10 - 2024-04-08 10:25 (15 min)',
        '  4 samples: 3 with data, 1 without',
        '  FMFI: 1000 fully fragmented, 0 not, below 0 easy to allocate',
        '  share >0: of the samples, those above 0 · first >0: uptime when first above 0',
        '',
        '  domain 0 · 3 samples · 1 without data · 4K pages',
        '  data 2024-04-08 10:10 - 2024-04-08 10:20 (10 min)',
        '  average free block A: median 9.3K · worst 6.7K · last 6.7K',
        '  easy to allocate, up to: median 8K · worst 4K',
        '  size  samples     min  median   p90   max  share >0  first >0',
        '    4K        3  -2,000  -1,333  -666  -666      0.0%  never',
        '    8K        3    -500    -166   167   167     33.3%  15 min',
        '',
      ].join('\n'),
    );
  });

  it('fits 100 columns with 17 orders of 64K pages, FMFI in the tens of millions and a long name', () => {
    const text = statsTable([wide(0)]);
    expect(widest(text)).toBeLessThanOrEqual(TABLE_WIDTH);
    expect(text).toContain('-65,');
    expect(text.split('\n')[0]).toContain('...');
    for (const size of ['64K', '128K', '1M', '1G', '4G']) expect(text).toMatch(new RegExp(`^ +${size} +52 `, 'm'));
  });

  it('says where A comes from when order 0 is missing', () => {
    const w = tinyWindow();
    const d = w.domains[0]!;
    const text = statsTable([{ ...w, domains: [{ ...d, average: { ...d.average, fromOrder: 2, exactToKiB: 0.016 } }] }]);
    expect(text).toContain('A from order 2 where order 0 is missing: up to 0.016K low');
  });

  it('prints nothing for no windows', () => {
    expect(statsTable([])).toBe('');
  });
});

describe('statsTable, several windows', () => {
  it('prints the medians and first crossings side by side with the change against #1, exactly', () => {
    const b = tinyWindow('b.log');
    const d = b.domains[0]!;
    const o1 = d.orders[1]!;
    const changed: WindowStats = {
      ...b,
      domains: [
        {
          ...d,
          average: { ...d.average, medianKiB: 18.664 },
          orders: [d.orders[0]!, { ...o1, median: 120, firstAbove0UptimeMs: o1.firstAbove0UptimeMs! + 3_600_000 }],
        },
      ],
    };
    expect(statsTable([tinyWindow(), changed])).toBe(
      [
        'Windows compared, each against #1:',
        '  #1 vm_frag_20240408_1005.log · booted 2024-04-08 10:05: uptime from boot',
        '    2024-04-08 10:10 - 2024-04-08 10:25 (15 min) · 4 samples: 3 with data, 1 without',
        '  #2 b.log · booted 2024-04-08 10:05: uptime from boot',
        '    2024-04-08 10:10 - 2024-04-08 10:25 (15 min) · 4 samples: 3 with data, 1 without',
        '  FMFI: 1000 fully fragmented, 0 not, below 0 easy to allocate',
        '  changes: FMFI and uptime as differences, sizes in percent (× from 10 times on) · n/a: no data',
        '',
        '  domain 0         #1          #2  #2 vs #1',
        '  A median       9.3K         19K     +100%',
        '  A worst        6.7K        6.7K        0%',
        '  easy median      8K          8K        0%',
        '  easy worst       4K          4K        0%',
        '  median FMFI per block size',
        '  4K           -1,333      -1,333         0',
        '  8K             -166         120      +286',
        '  first FMFI above 0, uptime',
        '  4K            never       never',
        '  8K           15 min  1 h 15 min      +1 h',
        '',
      ].join('\n'),
    );
  });

  it.each([2, 4])('fits 100 columns for %i windows of 17 orders, each domain and block size present', (n) => {
    const windows = Array.from({ length: n }, (_, i) => wide(i));
    const text = statsTable(windows);
    expect(widest(text)).toBeLessThanOrEqual(TABLE_WIDTH);
    for (let i = 1; i <= n; i++) expect(text).toMatch(new RegExp(`^  #${i} `, 'm'));
    for (let i = 2; i <= n; i++) expect(text).toContain(`#${i} vs #1`);
    expect(text.match(/^ {2}domain 0 /gm)?.length).toBeGreaterThanOrEqual(1);
    expect(text.match(/^ {2}domain 1 /gm)?.length).toBeGreaterThanOrEqual(1);
    expect(text.match(/^ {2}4G /gm)?.length).toBe(2 * 2 * (text.match(/^ {2}domain 0 /gm)?.length ?? 0));
  });

  it('fits 100 columns for 4 windows of 13 orders of 4K pages, all beside #1 in one table', () => {
    const text = statsTable(Array.from({ length: 4 }, (_, i) => wide(i, 13, 4)));
    expect(widest(text)).toBeLessThanOrEqual(TABLE_WIDTH);
    expect(text).toMatch(/^ {2}domain 0 +#1 +#2 +#2 vs #1 +#3 +#3 vs #1 +#4 +#4 vs #1$/m);
  });

  it('splits windows into tables beside #1 when they do not fit side by side', () => {
    const text = statsTable(Array.from({ length: 4 }, (_, i) => wide(i)), 80);
    expect(widest(text)).toBeLessThanOrEqual(80);
    expect(text.match(/^ {2}domain 0 +#1 +#/gm)?.length).toBeGreaterThan(1);
  });

  it('compares by block size, not order: a window of 16K pages lines up at 16K', () => {
    const a = wideWindow({ source: 'a.log', seed: 1, orders: 3, pageKiB: 4, domains: 1, samples: 5 });
    const b = wideWindow({ source: 'b.log', seed: 2, orders: 3, pageKiB: 16, domains: 1, samples: 5 });
    const text = statsTable([a, b]);
    const median = (w: WindowStats, kib: number) => formatCount(w.domains[0]!.orders.find((o) => o.sizeKiB === kib)!.median);
    const first = text.slice(text.indexOf('median FMFI'), text.indexOf('first FMFI'));
    expect(first).toMatch(new RegExp(`^ {2}4K +${median(a, 4)} +n/a *$`, 'm'));
    expect(first).toMatch(new RegExp(`^ {2}16K +${median(a, 16)} +${median(b, 16)} +`, 'm'));
    expect(first).toMatch(new RegExp(`^ {2}64K +n/a +${median(b, 64)} *$`, 'm'));
  });

  it('shows n/a for a domain a window does not have', () => {
    const one = wideWindow({ source: 'a.log', seed: 1, orders: 2, pageKiB: 4, domains: 1, samples: 5 });
    const two = wideWindow({ source: 'b.log', seed: 2, orders: 2, pageKiB: 4, domains: 2, samples: 5 });
    const text = statsTable([one, two]);
    expect(text).toMatch(/^ {2}domain 1 +#1 +#2 +#2 vs #1\n {2}A median +n\/a +\S+$/m);
  });
});
