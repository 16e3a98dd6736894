import { describe, expect, it } from 'vitest';
import { niceStep } from '../../../src/views/chart/height-scale.js';

describe('niceStep', () => {
  it('is 1, 2 or 5 times a power of ten, for at most the asked number of ticks', () => {
    expect([niceStep(2000, 7), niceStep(2000, 4), niceStep(2_800_000, 7), niceStep(1, 10)]).toEqual([500, 500, 500_000, 0.1]);
  });
});
