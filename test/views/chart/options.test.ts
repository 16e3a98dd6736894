import { describe, expect, it } from 'vitest';
import { maxBinsFor } from '../../../src/views/chart/layout.js';
import { OptionError } from '../../../src/errors.js';
import { formatHeightRange, formatZRange, parseHeightRange, parseZRange } from '../../../src/summary/height.js';
import { DEFAULT_CHART_OPTIONS } from '../../../src/views/chart/options.js';

function failure(text: string): string {
  try {
    parseZRange(text);
  } catch (e) {
    expect(e).toBeInstanceOf(OptionError);
    return (e as Error).message;
  }
  throw new Error(`parseZRange(${JSON.stringify(text)}) did not throw`);
}

describe('parseZRange', () => {
  it('reads MIN:MAX with integers, decimals and negatives', () => {
    expect(parseZRange('-1000:1000')).toEqual({ kind: 'fixed', min: -1000, max: 1000 });
    expect(parseZRange('-2000.5:-10')).toEqual({ kind: 'fixed', min: -2000.5, max: -10 });
    expect(parseZRange('0:.5')).toEqual({ kind: 'fixed', min: 0, max: 0.5 });
    expect(parseZRange(' +1:2 ')).toEqual({ kind: 'fixed', min: 1, max: 2 });
  });

  it('reads auto in any case', () => {
    expect(parseZRange('auto')).toEqual({ kind: 'auto' });
    expect(parseZRange('AUTO')).toEqual({ kind: 'auto' });
  });

  it('refuses a range that is empty or upside down, saying what it got', () => {
    expect(failure('1000:-1000')).toBe('MIN must be less than MAX, got "1000:-1000".');
    expect(failure('5:5')).toBe('MIN must be less than MAX, got "5:5".');
  });

  it('refuses what is not MIN:MAX or auto', () => {
    for (const text of ['', 'abc', '1000', ':5', '5:', '1:2:3', '1e3:2e3', '-:1', '0x10:20', 'auto:5']) {
      expect(failure(text)).toBe(`expected MIN:MAX (for example -1000:1000) or auto, got "${text}".`);
    }
  });

  it('formats a range back the way the option takes it', () => {
    expect(formatZRange(parseZRange('-1000:1000'))).toBe('-1000:1000');
    expect(formatZRange(parseZRange('auto'))).toBe('auto');
  });
});

describe('DEFAULT_CHART_OPTIONS', () => {
  it('is the split height scale on a 1200 × 700 picture, the original template\'s -1000:1000 one flag away', () => {
    expect(DEFAULT_CHART_OPTIONS).toEqual({ width: 1200, height: 700, zRange: { kind: 'split' } });
    expect(parseHeightRange('-1000:1000')).toEqual({ kind: 'fixed', min: -1000, max: 1000 });
    expect(parseHeightRange('split')).toEqual({ kind: 'split' });
    expect(parseHeightRange('auto')).toEqual({ kind: 'auto' });
    expect(formatHeightRange(parseHeightRange('split'))).toBe('split');
    expect(() => parseHeightRange('log')).toThrow('expected split, auto or MIN:MAX (for example -1000:1000), got "log".');
  });
});

describe('maxBinsFor', () => {
  it('allows one bin per pixel column of the time axis', () => {
    const bins = maxBinsFor(DEFAULT_CHART_OPTIONS);
    expect(bins).toBeGreaterThan(800);
    expect(bins).toBeLessThan(DEFAULT_CHART_OPTIONS.width);
    expect(maxBinsFor({ ...DEFAULT_CHART_OPTIONS, width: 2400 })).toBeGreaterThan(2 * bins * 0.95);
  });

  it('does not depend on the number of panels, which stack with the full width each', () => {
    expect(maxBinsFor(DEFAULT_CHART_OPTIONS, 4)).toBe(maxBinsFor(DEFAULT_CHART_OPTIONS));
  });

  it('stays positive for the smallest pictures', () => {
    expect(maxBinsFor({ ...DEFAULT_CHART_OPTIONS, width: 1, height: 1 })).toBeGreaterThan(100);
  });
});
