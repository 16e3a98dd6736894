import { describe, expect, it } from 'vitest';
import { fittingFontSize, layout, pictureHeight } from '../../../src/views/gnuplot/layout.js';

describe('layout', () => {
  it('stacks one full-width panel per domain under the title lines, top to bottom', () => {
    const shape = layout(1200, 2260, 4);
    expect(shape.panels).toHaveLength(4);
    const tops = shape.panels.map((p) => p.origin.y + p.size.h);
    expect(tops[0]).toBeLessThan(shape.subtitle.y);
    for (let i = 1; i < 4; i++) expect(tops[i]).toBeCloseTo(shape.panels[i - 1]!.origin.y, 3);
    expect(shape.panels[3]!.origin.y).toBeGreaterThan(shape.note.y);
    for (const p of shape.panels) {
      expect(p.size.w).toBe(1);
      expect(p.label.y).toBeLessThan(p.origin.y + p.size.h);
      expect(p.label.y).toBeGreaterThan(p.origin.y);
    }
  });

  it('keeps the title lines the same size in pixels whatever the height', () => {
    const short = layout(1200, 700, 1);
    const tall = layout(1200, 2800, 1);
    expect((1 - short.subtitle.y) * 700).toBeCloseTo((1 - tall.subtitle.y) * 2800, 0);
  });

  it('draws narrow panels at view scale 1, so the axis labels stay on the picture', () => {
    expect(layout(1200, 700, 1).viewScale).toBe(1.1);
    expect(layout(600, 700, 1).viewScale).toBe(1);
  });
});

describe('pictureHeight', () => {
  it('is the given height for one domain and adds a panel as tall for each further one', () => {
    expect(pictureHeight(700, 1)).toBe(700);
    const onePanelPx = layout(1200, 700, 1).panels[0]!.size.h * 700;
    expect(pictureHeight(700, 2) - 700).toBeCloseTo(onePanelPx, 0);
    expect(pictureHeight(700, 4) - pictureHeight(700, 3)).toBe(pictureHeight(700, 2) - 700);
    const four = pictureHeight(700, 4);
    for (const p of layout(1200, four, 4).panels) expect(p.size.h * four).toBeCloseTo(onePanelPx, 0);
  });
});

describe('fittingFontSize', () => {
  it('keeps the preferred size when the text fits, and shrinks it when not', () => {
    expect(fittingFontSize('one-domain.log', 16, 1200)).toBe(16);
    const subtitle = 'boot time unknown · 2024-04-08 10:05 – 2024-04-08 14:00 (3 h 55 min) · 48 samples';
    expect(fittingFontSize(subtitle, 11, 1200)).toBe(11);
    expect(fittingFontSize(subtitle, 11, 600)).toBeLessThan(11);
    expect(fittingFontSize('x'.repeat(10_000), 16, 600)).toBe(6);
  });
});
