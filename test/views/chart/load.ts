// Bins for the chart tests: from a committed fixture, or streamed from a generated log.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSamples, type GenerateOptions } from '../../../fixtures/generate.js';
import { binSamples, TimeBinner, type TimeBins } from '../../../src/summary/bins.js';
import { chartCaption, type Caption } from '../../../src/summary/caption.js';
import { maxBinsFor } from '../../../src/views/chart/layout.js';
import { DEFAULT_CHART_OPTIONS, type ChartOptions } from '../../../src/views/chart/options.js';
import { parseLog } from '../../../src/formats/read.js';
import { FragIdxScanner } from '../../../src/formats/frag-idx/scanner.js';
import { FIXTURES } from '../../helpers/cli.js';

export interface Loaded {
  readonly bins: TimeBins;
  readonly caption: Caption;
}

/** A committed fixture, parsed and binned as `fmfi-plot` does for the given options. */
export function fixture(name: string, options: ChartOptions = DEFAULT_CHART_OPTIONS): Loaded {
  const window = parseLog(readFileSync(join(FIXTURES, name)), name);
  const bins = binSamples(window.samples, { maxBins: maxBinsFor(options) });
  return { bins, caption: chartCaption(name, window.bootTime, bins) };
}

/** A generated log streamed through the parser into the binner, never held whole. */
export function generated(generate: GenerateOptions, name = 'generated.log', options: ChartOptions = DEFAULT_CHART_OPTIONS): Loaded {
  const binner = new TimeBinner({ maxBins: maxBinsFor(options) });
  const parser = new FragIdxScanner(name, { sample: (s) => binner.add(s), diagnostic: () => {} });
  let chunk = '';
  for (const text of generateSamples(generate)) {
    chunk += text;
    if (chunk.length > 1 << 20) {
      parser.write(chunk);
      chunk = '';
    }
  }
  parser.write(chunk);
  parser.end();
  const bins = binner.finish();
  return { bins, caption: chartCaption(name, null, bins) };
}
