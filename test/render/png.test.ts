// PNG without resvg's native binding (as on FreeBSD): the WebAssembly build draws the same picture.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pngEngine } from '../../src/render/png.js';
import { BIN, FIXTURES, ROOT } from '../helpers/cli.js';
import { decodePng } from '../views/chart/png.js';

const HIDE = join(ROOT, 'test', 'helpers', 'hide-native-resvg.cjs');
const NAME_LOADED = join(ROOT, 'test', 'helpers', 'name-loaded-packages.cjs');
const dir = mkdtempSync(join(tmpdir(), 'fmfi-png-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  readonly status: number | null;
  readonly stderr: string;
  /** The packages the run loaded. */
  readonly loaded: string[];
}

/** fmfi-plot with resvg's native binding where it is, or hidden as if the platform had none. */
function fmfiPlot(args: readonly string[], native: 'present' | 'hidden'): Run {
  const preload = native === 'hidden' ? ['--require', HIDE] : [];
  const r = spawnSync(process.execPath, [...preload, '--require', NAME_LOADED, BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  const loaded = [...r.stderr.matchAll(/^LOADED (\S+)$/gm)].map((m) => m[1]!);
  // The helper also names fmfi-plot's own modules (MODULE lines): not what these tests look at.
  return { status: r.status, stderr: r.stderr.replace(/^(LOADED|MODULE) \S+\n/gm, ''), loaded };
}

describe('PNG', () => {
  it('hiding the native binding makes @resvg/resvg-js fail to load, as where it has no build', () => {
    const r = spawnSync(process.execPath, ['--require', HIDE, '-e', "require('@resvg/resvg-js')"], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/Cannot find module '@resvg\/resvg-js-[a-z0-9-]+'/);
  });

  it('uses the native binding where it loads', async () => {
    expect(await pngEngine()).toBe('native');
  });

  for (const fixture of ['vm_frag_20240408_1005.log', 'numa-4-domains.log']) {
    it(`draws ${fixture} without the native binding, byte for byte as with it`, () => {
      const args = (out: string): string[] => [join(FIXTURES, fixture), '-o', join(dir, out), '--format', 'png', '--force', '-q'];
      const native = fmfiPlot(args('native'), 'present');
      const wasm = fmfiPlot(args('wasm'), 'hidden');
      expect(native.stderr).toBe('');
      expect(wasm.stderr).toBe('');
      expect([native.status, wasm.status]).toEqual([0, 0]);
      // Each run drew with the build it was meant to.
      expect(native.loaded).not.toContain('@resvg/resvg-wasm');
      expect(wasm.loaded).toContain('@resvg/resvg-wasm');
      const name = fixture.replace(/\.log$/, '.png');
      const fromNative = readFileSync(join(dir, 'native', name));
      const fromWasm = readFileSync(join(dir, 'wasm', name));
      const image = decodePng(fromWasm);
      expect(image.width).toBe(1200);
      // The same resvg version: the same pixels, and the same encoder: the same bytes.
      expect(fromWasm.equals(fromNative)).toBe(true);
    });
  }

  it('draws compare without the native binding too', () => {
    const logs = ['vm_frag_20240610_0912.log', 'vm_frag_20240617_1430.log'].map((f) => join(FIXTURES, f));
    const native = fmfiPlot(['compare', ...logs, '--format', 'png', '-o', join(dir, 'compare-native.png')], 'present');
    const wasm = fmfiPlot(['compare', ...logs, '--format', 'png', '-o', join(dir, 'compare-wasm.png')], 'hidden');
    expect([native.status, wasm.status, wasm.stderr]).toEqual([0, 0, '']);
    expect(wasm.loaded).toContain('@resvg/resvg-wasm');
    expect(readFileSync(join(dir, 'compare-wasm.png')).equals(readFileSync(join(dir, 'compare-native.png')))).toBe(true);
  });
});
