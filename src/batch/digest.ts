// What the index page keeps of a window, gathered in the same pass that draws its chart.
import { bootTimeOf } from '../formats/read.js';
import type { Sample } from '../model.js';
import { MAX_PANELS } from '../summary/bins.js';
import { SampleSelector } from '../summary/select.js';
import { WindowStatsBuilder, type WindowStats } from '../summary/stats.js';
import { UptimeBinner, type UptimeSnapshot } from '../summary/uptime.js';
import { defaultLabel } from '../views/compare/notes.js';
import { DEFAULT_COMPARE_OPTIONS, maxBinsFor } from '../views/compare/options.js';

/** A window as the index page shows it: its numbers, its uptime bins for the comparison, its chart's description. */
export interface WindowDigest {
  readonly stats: WindowStats;
  /** Binned as `fmfi-plot compare` bins, to be finished with the other recent windows on one axis. */
  readonly uptime: UptimeSnapshot;
  /** The chart's `<desc>`: the page's alt text for its thumbnail. */
  readonly description: string;
}

/**
 * The bands of domains the index page's comparison draws: one, the first domain of each
 * window (each window's chart shows the others). The page is drawn after the charts, in the
 * same process, and its cost grows with its panels: four bands took a render of 8 domains
 * of 13 orders past 200 MB, one keeps it as bounded as the chart (test/e2e/memory.test.ts).
 */
export const PAGE_MAX_BANDS = 1;

/**
 * Statistics and uptime bins of one log, fed the samples as read. They count FMFI whatever
 * the chart's --index shows, of the zone --zone keeps (empty zones left out, as the chart does).
 */
export class DigestBuilder {
  private readonly stats: WindowStatsBuilder;
  private readonly uptime: UptimeBinner;
  // Its notes are the chart's selector's too: said once, by that one.
  private readonly selector: SampleSelector;

  constructor(input: string, zone: string | undefined) {
    const bootTime = bootTimeOf(input);
    this.stats = new WindowStatsBuilder(input, bootTime);
    this.uptime = new UptimeBinner(defaultLabel(input, bootTime), input, bootTime, {
      maxBins: maxBinsFor(DEFAULT_COMPARE_OPTIONS),
      uptimeMs: null,
      maxDomains: PAGE_MAX_BANDS,
      maxRows: PAGE_MAX_BANDS * 13,
    });
    this.selector = new SampleSelector({ zone }, input, () => undefined);
  }

  /** The domains whose numbers the page keeps: the first MAX_PANELS seen, as a chart draws them. */
  private readonly kept = new Set<number>();

  /** Takes a sample (which may be a reused object: nothing of it is kept). */
  readonly add = (sample: Sample): void => {
    const s = this.bounded(this.selector.select(sample));
    this.stats.add(s);
    this.uptime.add(s);
  };

  /**
   * The sample without the domains beyond the first MAX_PANELS: the page's numbers and
   * index.json stay bounded however many domains a log has (the chart names those left out).
   */
  private bounded(sample: Sample): Sample {
    let all = true;
    for (const d of sample.domains) {
      if (this.kept.has(d.domain)) continue;
      if (this.kept.size < MAX_PANELS) this.kept.add(d.domain);
      else all = false;
    }
    return all ? sample : { time: sample.time, line: sample.line, domains: sample.domains.filter((d) => this.kept.has(d.domain)) };
  }

  finish(description: string): WindowDigest {
    return { stats: this.stats.finish(), uptime: this.uptime.snapshot(), description };
  }
}
