import { describe, expect, it } from 'vitest';
import { generateLog } from '../../fixtures/generate.js';
import { binSamples } from '../../src/summary/bins.js';
import { chartCaption } from '../../src/summary/caption.js';
import { chartLayout, FONT_SIZE, maxBinsFor } from '../../src/views/chart/layout.js';
import { DEFAULT_CHART_OPTIONS } from '../../src/views/chart/options.js';
import { chartSpec } from '../../src/views/chart/spec.js';
import { chooseTimeTicks, LABEL_GAP } from '../../src/summary/time-ticks.js';
import { parseLog } from '../../src/formats/read.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const START = Date.UTC(2024, 3, 8, 10, 5);
const WIDTH = chartLayout(DEFAULT_CHART_OPTIONS, 1, 13).timeWidth;

const SPANS = {
  '10 minutes': 10 * MINUTE,
  '3 days': 3 * DAY,
  '4 months': 122 * DAY,
} as const;

/** Pixel positions of the ticks on an axis of `width` pixels. */
function positions(values: readonly number[], start: number, end: number, width: number): number[] {
  return values.map((t) => ((t - start) / (end - start)) * width);
}

describe('chooseTimeTicks', () => {
  for (const [name, span] of Object.entries(SPANS)) {
    it(`gives labels that fit side by side for ${name}`, () => {
      const end = START + span;
      const ticks = chooseTimeTicks(START, end, WIDTH, FONT_SIZE.label);
      expect(ticks.values.length).toBeGreaterThanOrEqual(3);
      expect(ticks.values.length * (ticks.labelWidth + LABEL_GAP)).toBeLessThanOrEqual(WIDTH + ticks.labelWidth);
      for (const row of [
        { at: positions(ticks.values, START, end, WIDTH), width: ticks.labelWidth },
        { at: positions(ticks.majorValues, START, end, WIDTH), width: ticks.majorLabelWidth },
      ]) {
        for (let i = 1; i < row.at.length; i++) {
          expect(row.at[i]! - row.at[i - 1]!).toBeGreaterThanOrEqual(row.width + LABEL_GAP);
        }
      }
    });
  }

  it('picks a calendar step and format fitting the span', () => {
    const pick = (span: number) => {
      const t = chooseTimeTicks(START, START + span, WIDTH, FONT_SIZE.label);
      return [t.step, t.format, t.majorFormat];
    };
    expect(pick(10 * MINUTE)).toEqual(['1 minute', '%H:%M', '%Y-%m-%d']);
    expect(pick(3 * DAY)).toEqual(['6 hour', '%H:%M', '%Y-%m-%d']);
    expect(pick(122 * DAY)).toEqual(['1 week', '%-d', '%b %Y']);
    expect(pick(3 * 365 * DAY)).toEqual(['2 month', '%b', '%Y']);
  });

  it('puts ticks on round times and the second row at the first tick and each new day', () => {
    const t = chooseTimeTicks(START, START + 3 * DAY, WIDTH, FONT_SIZE.label);
    expect(t.values[0]).toBe(Date.UTC(2024, 3, 8, 12));
    expect(t.values.every((v) => v % (6 * 60 * MINUTE) === 0)).toBe(true);
    expect(t.majorValues).toEqual([Date.UTC(2024, 3, 8, 12), Date.UTC(2024, 3, 9), Date.UTC(2024, 3, 10), Date.UTC(2024, 3, 11)]);
  });

  it('starts weeks on Mondays and months on the first', () => {
    const weeks = chooseTimeTicks(START, START + 122 * DAY, WIDTH, FONT_SIZE.label);
    expect(weeks.values.every((v) => new Date(v).getUTCDay() === 1)).toBe(true);
    const months = chooseTimeTicks(START, START + 3 * 365 * DAY, WIDTH, FONT_SIZE.label);
    expect(months.values.every((v) => new Date(v).getUTCDate() === 1 && new Date(v).getUTCHours() === 0)).toBe(true);
  });

  it('still gives a tick for a window of a few seconds', () => {
    const t = chooseTimeTicks(START, START + 5000, WIDTH, FONT_SIZE.label);
    expect(t.values.length).toBeGreaterThan(0);
    expect(t.format).toBe('%H:%M:%S');
  });
});

interface Box {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

interface SceneItem {
  bounds?: Box;
  role?: string;
  items?: SceneItem[];
  mark?: { role?: string };
  text?: string;
}

/** The bounds of the labels of each axis in the rendered scene graph (Vega's own text measure). */
function axisLabels(node: SceneItem, out: Box[][] = []): Box[][] {
  if (node.role === 'axis-label' && node.items) {
    out.push(node.items.map((i) => i.bounds!).filter((b) => b !== undefined));
    return out;
  }
  for (const child of node.items ?? []) axisLabels(child, out);
  return out;
}

describe('time labels in the rendered chart', () => {
  for (const [name, span] of Object.entries(SPANS)) {
    it(`never overlap for ${name}`, async () => {
      const samples = 200;
      const interval = Math.max(1, Math.round(span / (samples - 1) / 1000));
      const log = generateLog({ seed: 3, samples, intervalSeconds: interval });
      const window = parseLog(log, `span-${name}.log`);
      const bins = binSamples(window.samples, { maxBins: maxBinsFor(DEFAULT_CHART_OPTIONS) });
      const vega = await import('vega');
      const view = new vega.View(vega.parse(chartSpec(bins, chartCaption('x.log', null, bins), DEFAULT_CHART_OPTIONS)), {
        renderer: 'none',
      });
      await view.runAsync();
      const axes = axisLabels((view.scenegraph() as unknown as { root: SceneItem }).root);
      view.finalize();
      // Time, dates, height; then the back wall's height axis.
      expect(axes.length).toBe(4);
      for (const boxes of axes) {
        const sorted = [...boxes].sort((a, b) => a.x1 - b.x1 || a.y1 - b.y1);
        for (let i = 1; i < sorted.length; i++) {
          const a = sorted[i - 1]!;
          const b = sorted[i]!;
          const apart = a.x2 <= b.x1 || b.y1 >= a.y2 || a.y1 >= b.y2;
          expect(apart, `labels ${JSON.stringify(a)} and ${JSON.stringify(b)} overlap`).toBe(true);
        }
      }
    });
  }
});
