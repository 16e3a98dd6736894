import { defineConfig, type Plugin } from 'vitest/config';

/**
 * The built program loads some of its own modules only when a run needs them, with
 * `require('./module.js')` inside a function (import() would start Node's ES module
 * loader). The tests run the TypeScript sources, where no `module.js` exists beside
 * `module.ts`: this turns each such require() into an import at the top of the file, so
 * the tests run the same code, loaded up front. The end-to-end tests run the build,
 * where the require()s are real.
 */
function lazyRequires(): Plugin {
  const LAZY = /\brequire\((['"])(\.\.?\/[^'"]+\.js)\1\)/g;
  return {
    name: 'fmfi-plot-lazy-requires',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('require(')) return null;
      const imports: string[] = [];
      const body = code.replace(LAZY, (_, _quote: string, path: string) => {
        const name = `__lazyRequire${imports.length}`;
        imports.push(`import * as ${name} from ${JSON.stringify(path)};`);
        return name;
      });
      return { code: `${imports.join(' ')}${body}`, map: null };
    },
  };
}

export default defineConfig({
  plugins: [lazyRequires()],
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/helpers/fast-check-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // End-to-end tests start real programs; two cores, so two at a time.
    maxWorkers: 2,
  },
});
