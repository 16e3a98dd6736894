import { describe, expect, it } from 'vitest';
import { formatKiB } from '../../src/summary/sizes.js';

describe('formatKiB', () => {
  it('uses the largest unit that divides the size the kernel printed', () => {
    expect([4, 8, 512, 1024, 16384, 131072, 262144, 1048576, 1536, 0].map(formatKiB)).toEqual([
      '4K', '8K', '512K', '1M', '16M', '128M', '256M', '1G', '1536K', '0K',
    ]);
  });
});
