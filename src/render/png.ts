// SVG → PNG with resvg: its native binding where the platform has one, else its WebAssembly build.
//
// @resvg/resvg-js ships native bindings for Linux, macOS, Windows and Android only: on
// FreeBSD (and on any platform or libc it has no build for) loading it throws. Its
// WebAssembly build, @resvg/resvg-wasm, is the same resvg (the same version, so the same
// pixels, byte for byte) and runs wherever Node.js does, several times slower: it is the
// fallback, loaded only when the binding cannot be.
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { dejaVuFontFiles } from './fonts.js';

/** Which build of resvg draws the PNGs of this thread. */
export const PngEngine = { native: 'native', wasm: 'wasm' } as const;
export type PngEngine = keyof typeof PngEngine;

interface Rasterizer {
  readonly engine: PngEngine;
  png(svg: string): Uint8Array;
}

const FONT_FAMILIES = { defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' } as const;

let loading: Promise<Rasterizer> | null = null;

/** resvg, loaded once per thread: the native binding, or the WebAssembly build where it cannot load. */
function rasterizer(): Promise<Rasterizer> {
  loading ??= nativeRasterizer().catch((nativeError: unknown) =>
    wasmRasterizer().catch((wasmError: unknown) => {
      throw new Error(`cannot load resvg to draw PNG: native binding: ${messageOf(nativeError)}; WebAssembly build: ${messageOf(wasmError)}`);
    }),
  );
  return loading;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message.split('\n')[0]! : String(e);
}

async function nativeRasterizer(): Promise<Rasterizer> {
  // A CommonJS package: require()d, as import() would start Node's ES module loader.
  const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  const font = { fontFiles: dejaVuFontFiles(), loadSystemFonts: false, ...FONT_FAMILIES };
  return {
    engine: 'native',
    png: (svg) => new Resvg(svg, { font, background: 'white' }).render().asPng(),
  };
}

async function wasmRasterizer(): Promise<Rasterizer> {
  const wasm = await import('@resvg/resvg-wasm');
  // V8 runs WebAssembly first as its baseline compiler makes it, then compiles each function
  // again, optimised, once it has used up a budget of run time. For the few pictures of a
  // run that second compilation costs more than it saves: with a budget never used up, the
  // PNG of a four-panel chart took a quarter to two fifths less CPU time and 70 to 120 MB
  // less memory (Node.js 20, 22 and 24). The flag holds for all WebAssembly in the process:
  // a run of fmfi-plot has no other, but a program that uses the library and runs
  // WebAssembly of its own gets it unoptimised too (slower, never wrong).
  setFlagsFromString('--wasm-tiering-budget=2000000000');
  await wasm.initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  // The WebAssembly build reads no files: it is handed the fonts' bytes.
  const font = { fontBuffers: dejaVuFontFiles().map((file) => readFileSync(file)), ...FONT_FAMILIES };
  return {
    engine: 'wasm',
    png(svg) {
      // Objects of the WebAssembly build live in its own memory until freed.
      const resvg = new wasm.Resvg(svg, { font, background: 'white' });
      try {
        const image = resvg.render();
        try {
          return image.asPng();
        } finally {
          image.free();
        }
      } finally {
        resvg.free();
      }
    },
  };
}

/** A PNG of the SVG at its own size, its text in the bundled DejaVu Sans whatever fonts the machine has. */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  return (await rasterizer()).png(svg);
}

/** Which build of resvg `svgToPng` uses in this thread (loading it if need be). */
export async function pngEngine(): Promise<PngEngine> {
  return (await rasterizer()).engine;
}
