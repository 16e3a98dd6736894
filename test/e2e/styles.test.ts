// End to end: the default chart shows every value of a real-shaped log; the template's range and the heatmap are a flag away.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers/cli.js';
import { decodePng, distinctColours } from '../views/chart/png.js';

const LOG = join(FIXTURES, 'vm_frag_20240408_1005.log');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fmfi-styles-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the height of the chart', () => {
  it('shows every value by default: nothing clipped, the small block sizes down to their lowest in a log band labelled in FMFI', () => {
    const out = join(dir, 'default');
    expect(runCli([LOG, '-o', out]).status).toBe(0);
    const svg = readFileSync(join(out, 'vm_frag_20240408_1005.svg'), 'utf8');
    expect(svg).not.toMatch(/beyond the height range/);
    expect(svg).toContain('FMFI: up fragmented (linear), down easy (log scale)');
    expect(svg).toMatch(/>−1,000,000</);
    // No height label reads as a block size.
    expect(svg).not.toMatch(/>[−-]\d+(\.\d+)?[kM]</);
  });

  it('keeps the original template\'s -1000:1000 one flag away, clipping and marking as before', () => {
    const out = join(dir, 'template');
    expect(runCli([LOG, '-o', out, '--z-range', '-1000:1000']).status).toBe(0);
    const svg = readFileSync(join(out, 'vm_frag_20240408_1005.svg'), 'utf8');
    expect(svg).toMatch(/[\d,]+ of [\d,]+ bars lie beyond the height range \([\d,]+ below −1,000\): drawn at the limit and marked red\./);
    expect(svg).toContain('FMFI: up fragmented, down easy');
  });

  it('labels --z-range auto in FMFI digits too', () => {
    const out = join(dir, 'auto');
    expect(runCli([LOG, '-o', out, '--z-range', 'auto']).status).toBe(0);
    const svg = readFileSync(join(out, 'vm_frag_20240408_1005.svg'), 'utf8');
    expect(svg).toMatch(/>−\d{1,3}(,\d{3})+</);
    expect(svg).not.toMatch(/>[−-]\d+(\.\d+)?[kM]</);
  });
});

describe('--style heatmap', () => {
  it('draws time × block size in diverging colours, as SVG and PNG, a chart of its own for the rerun', () => {
    const out = join(dir, 'heatmap');
    const r = runCli([LOG, join(FIXTURES, 'numa-2-domains.log'), '-o', out, '--style', 'heatmap']);
    expect(r.stderr).toBe('fmfi-plot: 2 rendered, 0 up to date, 0 without samples, 0 failed\n');
    const svg = readFileSync(join(out, 'numa-2-domains.svg'), 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('FMFI, worst per cell');
    expect(svg).toContain('>domain 1<');
    // The style is part of how a chart was made: the 3d chart is drawn again over it, then both are up to date.
    expect(runCli([LOG, '-o', out, '--style', 'heatmap']).stderr).toBe('fmfi-plot: 0 rendered, 1 up to date, 0 without samples, 0 failed\n');
    expect(runCli([LOG, '-o', out]).stderr).toBe('fmfi-plot: 1 rendered, 0 up to date, 0 without samples, 0 failed\n');
    const png = join(dir, 'heatmap-png');
    expect(runCli([LOG, '-o', png, '--style', 'heatmap', '--format', 'png']).status).toBe(0);
    const image = decodePng(readFileSync(join(png, 'vm_frag_20240408_1005.png')));
    expect(image.width).toBeGreaterThan(1100);
    expect(image.width).toBeLessThanOrEqual(1220);
    expect(distinctColours(image)).toBeGreaterThan(8);
  });

  it('refuses --z-range, which only the 3d chart has', () => {
    const r = runCli([LOG, '-o', join(dir, 'x'), '--style', 'heatmap', '--z-range', 'auto']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^fmfi-plot: --z-range is for the 3d style: the heatmap's colours cover every value/);
  });
});
