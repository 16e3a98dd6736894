import { describe, expect, it } from 'vitest';
import { OptionError } from '../../../src/errors.js';
import { parseZRange } from '../../../src/summary/height.js';
import { DEFAULT_OPTIONS, parseTerminal } from '../../../src/views/gnuplot/options.js';

// The shared parser (tested in test/views/chart/options.test.ts); here: nothing but numbers reaches a script.
describe('parseZRange', () => {
  it('reads MIN:MAX and auto', () => {
    expect(parseZRange('-1000:1000')).toEqual({ kind: 'fixed', min: -1000, max: 1000 });
    expect(parseZRange('-5000.5:0')).toEqual({ kind: 'fixed', min: -5000.5, max: 0 });
    expect(parseZRange('auto')).toEqual({ kind: 'auto' });
  });

  it.each(['1000:-1000', '5:5', '', 'auto:1', '-1000', '-1e3:1000', '0:1000;system("x")', '`touch x`:1'])('refuses %j', (value) => {
    expect(() => parseZRange(value)).toThrow(OptionError);
  });
});

describe('parseTerminal', () => {
  it('accepts the terminals the script knows how to size', () => {
    for (const t of ['svg', 'pngcairo', 'png', 'pdfcairo']) expect(parseTerminal(t)).toBe(t);
  });

  it.each(['x11 ; system("touch y")', 'SVG', 'svg size 1,1', '', 'toString', 'constructor'])('refuses %j', (value) => {
    expect(() => parseTerminal(value)).toThrow(
      `expected a gnuplot terminal, one of svg, pngcairo, png, jpeg, gif, canvas, pdfcairo, epscairo; got "${value}".`,
    );
  });
});

describe('DEFAULT_OPTIONS', () => {
  it('are our chart\'s: SVG, 1200×700, FMFI from -1000 to 1000', () => {
    expect(DEFAULT_OPTIONS).toEqual({ terminal: 'svg', width: 1200, height: 700, zRange: { kind: 'fixed', min: -1000, max: 1000 } });
  });
});
