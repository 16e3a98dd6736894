// What the index page keeps of a window, gathered in the same pass that draws its chart.
import { bootTimeOf } from '../formats/read.js';
import type { Sample } from '../model.js';
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
    });
    this.selector = new SampleSelector({ zone }, input, () => undefined);
  }

  /** Takes a sample (which may be a reused object: nothing of it is kept). */
  readonly add = (sample: Sample): void => {
    const s = this.selector.select(sample);
    this.stats.add(s);
    this.uptime.add(s);
  };

  finish(description: string): WindowDigest {
    return { stats: this.stats.finish(), uptime: this.uptime.snapshot(), description };
  }
}
