import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { escapeHtml, fileHref, indexPageHtml, mostRecent, type IndexPage, type PageWindow } from '../../../src/views/index-page/index.js';
import { formatSize } from '../../../src/summary/sizes.js';
import { at } from '../../summary/kernel-samples.js';
import { tinyWindow, wideWindow } from '../stats/windows.js';

const MADE = Date.UTC(2024, 5, 21, 9, 0);

function win(overrides: Partial<PageWindow> & Pick<PageWindow, 'stats'>): PageWindow {
  return {
    chart: overrides.stats.source.replace(/\.log$/, '.svg'),
    width: 1200,
    height: 700,
    description: 'a chart',
    diagnostics: [],
    hiddenWarnings: 0,
    logGone: false,
    ...overrides,
  };
}

function page(windows: PageWindow[], compare: IndexPage['compare'] = null): string {
  return indexPageHtml({ windows, compare, madeAt: MADE, generator: 'fmfi-plot 9.9.9' });
}

/** The rows of the table, in order, as HTML. */
function rows(html: string): string[] {
  const body = /<tbody>([\s\S]*)<\/tbody>/.exec(html)![1]!;
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!);
}

describe('escaping', () => {
  it('escapes text for content and quoted attributes, and shows control characters as U+FFFD', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    expect(escapeHtml('two\nlines\u0007\ud800')).toBe('two\ufffdlines\ufffd\ufffd');
  });

  it('links a file by its name, percent-encoded: #, ?, %, : and newlines stay part of the name', () => {
    expect(fileHref('a b#c?d%e:f\n"<>.svg')).toBe('a%20b%23c%3Fd%25e%3Af%0A%22%3C%3E.svg');
    expect(fileHref("it's.svg")).toBe("it's.svg");
    expect(fileHref('lone\ud800.svg')).toBe('lone%EF%BF%BD.svg');
  });
});

describe('indexPageHtml', () => {
  it('lets no markup of a file name, message or description through: one script, ours', () => {
    const hostile = [`<script>alert(1)<script>&.log`, `"><img src=x onerror=alert(1)>.log`, `it's "quoted"\nand new-lined.log`];
    const html = page(
      hostile.map((source, i) =>
        win({
          stats: tinyWindow(source),
          chart: source.replace(/\.log$/, '.svg'),
          description: `</desc><script>alert(${i})</script>`,
          diagnostics: [{ severity: 'warning', line: 3, message: `unexpected line ("<script>x</script>"): skipped` }],
        }),
      ),
    );
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html.match(/<img/g)).toHaveLength(3);
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.log');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;script&gt;&amp;.log');
    expect(html).toContain('href="%3Cscript%3Ealert(1)%3Cscript%3E%26.svg"');
    expect(html).toContain('it&#39;s &quot;quoted&quot;\ufffdand new-lined.log');
    expect(html).toContain('href="it&#39;s%20%22quoted%22%0Aand%20new-lined.svg"');
    expect(html).toContain('alt="&lt;/desc&gt;&lt;script&gt;alert(0)&lt;/script&gt;"');
    expect(html).toContain('line 3: unexpected line (&quot;&lt;script&gt;x&lt;/script&gt;&quot;): skipped');
  });

  it('allows only its own script, by hash, and nothing from elsewhere', () => {
    const html = page([win({ stats: tinyWindow() })]);
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const hash = createHash('sha256').update(script).digest('base64');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!.replace(/&#39;/g, "'");
    expect(policy).toBe(`default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'`);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('<meta name="generator" content="fmfi-plot 9.9.9">');
  });

  it('says how many windows, the time they cover and when it was made', () => {
    const html = page([win({ stats: tinyWindow('vm_frag_20240408_1005.log') }), win({ stats: wideWindow({ source: 'w.log', seed: 1, orders: 13, pageKiB: 4, domains: 1, samples: 30 }) })]);
    expect(html).toContain('<title>2 boot windows · fmfi-plot</title>');
    expect(html).toContain('<h1>2 boot windows</h1>');
    expect(html).toContain('Samples from 2024-04-08 00:00 to 2024-04-09 05:00 (1 d 5 h) · page made 2024-06-21 09:00 by fmfi-plot 9.9.9');
  });

  it('lists the windows newest first, by boot time, else first sample; the Window cell sorts by that time', () => {
    const old = win({ stats: tinyWindow('vm_frag_20240408_1005.log') }); // booted 10:05
    const unnamed = wideWindow({ source: 'later.log', seed: 2, orders: 13, pageKiB: 4, domains: 1, samples: 3 }); // first sample at 00:00
    const newer = { ...tinyWindow('vm_frag_20240409_1005.log'), bootTime: at(10, 5) + 86_400_000 };
    const html = page([old, win({ stats: unnamed }), win({ stats: newer })]);
    const order = rows(html).map((r) => /<a href="([^"]*)"/.exec(r)![1]);
    expect(order).toEqual(['vm_frag_20240409_1005.svg', 'vm_frag_20240408_1005.svg', 'later.svg']);
    expect(rows(html)[0]).toContain(`<th scope="row" data-sort="${at(10, 5) + 86_400_000}">`);
    expect(rows(html)[2]).toContain('boot time unknown');
  });

  it('shows the numbers of a window: span, samples, A median and worst, the median easy block', () => {
    const [row] = rows(page([win({ stats: tinyWindow() })]));
    // P/B = 600/200, 7/3, 500/300 pages: A = 12K, 9.3K, 6.7K; easy 8K, 8K, 4K.
    // The span runs to the last sample, with data or without.
    expect(row).toContain('<td class="n" data-sort="900000">15 min<span class="sub">2024-04-08 10:10 –</span><span class="sub">2024-04-08 10:25</span></td>');
    expect(row).toContain('<td class="n" data-sort="3">3<span class="sub">+ 1 without data</span></td>');
    expect(row).toContain('<td class="n" data-sort="9.332">9.3K</td>');
    expect(row).toContain('<td class="n" data-sort="6.664">6.7K</td>');
    expect(row).toContain('<td class="n" data-sort="8">8K</td>');
  });

  it('gives each NUMA domain its line, and sorts the column by the worst domain', () => {
    const one = tinyWindow('numa.log');
    const d0 = one.domains[0]!;
    const stats = { ...one, domains: [d0, { ...d0, domain: 1, label: 'domain 1', average: { ...d0.average, medianKiB: 20 } }] };
    const [row] = rows(page([win({ stats })]));
    const medians = stats.domains.map((d) => d.average.medianKiB);
    expect(row).toContain('<td class="n" data-sort="2">2<span class="sub">domain 0</span><span class="sub">domain 1</span></td>');
    const shown = medians.map((m) => `<span class="sub">${formatSize(m)}</span>`).join('');
    expect(row).toContain(
      `<td class="n" data-sort="${Math.min(...medians)}" title="the worst of its 2 domains, then each domain&#39;s">${formatSize(Math.min(...medians))}${shown}</td>`,
    );
    expect(medians[0]).not.toBe(medians[1]);
  });

  it('counts the warnings, lists the messages kept in a details element, and says how many more there were', () => {
    const diagnostics = [
      { severity: 'warning' as const, line: 47, message: 'unexpected line ("~"): skipped' },
      { severity: 'note' as const, line: 0, message: 'node 0 Movable: no free block in any sample (empty zone): not drawn' },
    ];
    const [row] = rows(page([win({ stats: tinyWindow(), diagnostics, hiddenWarnings: 30 })]));
    expect(row).toContain(
      '<td class="n" data-sort="31"><details><summary>31 warnings, 1 note</summary><ul><li>line 47: unexpected line (&quot;~&quot;): skipped</li>' +
        '<li>note: node 0 Movable: no free block in any sample (empty zone): not drawn</li><li>30 more warnings not kept (--warnings N keeps more)</li></ul></details></td>',
    );
    const [clean] = rows(page([win({ stats: tinyWindow() })]));
    expect(clean).toContain('<td class="n" data-sort="0"><span class="none">0</span></td>');
  });

  it('links each chart from its thumbnail, sized in proportion, described by the chart\'s own words', () => {
    const [row] = rows(page([win({ stats: tinyWindow(), width: 1200, height: 1450, description: 'two panels' })]));
    expect(row).toContain(
      '<td class="chart"><a href="vm_frag_20240408_1005.svg" title="the chart of vm_frag_20240408_1005.log"><img src="vm_frag_20240408_1005.svg" width="180" height="218" alt="two panels" loading="lazy" decoding="async"></a></td>',
    );
  });

  it('marks a window whose log is gone', () => {
    expect(rows(page([win({ stats: tinyWindow(), logGone: true })]))[0]).toContain('<span class="gone" title="the log was not found: delete the chart to drop this row">log gone</span>');
    expect(rows(page([win({ stats: tinyWindow() })]))[0]).not.toContain('log gone');
  });

  it('puts the comparison chart inline, without its XML declaration; no section without one', () => {
    const svg = '<?xml version="1.0" encoding="UTF-8"?>\n<svg role="img" width="10" height="10"><title>t</title></svg>\n';
    const html = page([win({ stats: tinyWindow() })], { svg, compared: 1 });
    expect(html).toContain('<h2 id="compare-title">The most recent window by uptime</h2>');
    expect(html).toContain('<figure class="compare"><svg role="img" width="10" height="10"><title>t</title></svg></figure>');
    expect(html).not.toContain('<?xml');
    expect(page([win({ stats: tinyWindow() })], { svg, compared: 6 })).toContain('The 6 most recent windows by uptime');
    expect(page([win({ stats: tinyWindow() })])).not.toContain('compare-title');
  });

  it('makes a page without windows', () => {
    const html = page([]);
    expect(html).toContain('<h1>No boot windows</h1>');
    expect(html).toContain('No samples · page made 2024-06-21 09:00');
    expect(rows(html)).toEqual([]);
  });
});

describe('mostRecent', () => {
  it('takes the N most recent windows with samples, newest first', () => {
    const a = win({ stats: tinyWindow('vm_frag_20240408_1005.log') });
    const b = win({ stats: { ...tinyWindow('vm_frag_20240409_1005.log'), bootTime: at(10, 5) + 86_400_000 } });
    const none = win({ stats: { ...tinyWindow('vm_frag_20240410_1005.log'), bootTime: at(10, 5) + 2 * 86_400_000, samplesWithData: 0 } });
    expect(mostRecent([a, none, b], 6).map((w) => w.chart)).toEqual(['vm_frag_20240409_1005.svg', 'vm_frag_20240408_1005.svg']);
    expect(mostRecent([a, none, b], 1).map((w) => w.chart)).toEqual(['vm_frag_20240409_1005.svg']);
  });
});
