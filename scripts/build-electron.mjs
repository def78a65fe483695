// Bundles the Electron main process (ESM), the search worker and the sandboxed preload (CommonJS, as Electron
// requires for sandboxed preloads) into dist/electron with esbuild. Needs no Electron binary.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: false, logLevel: 'warning', legalComments: 'none' };
const esm = {
  ...common,
  format: 'esm',
  outExtension: { '.js': '.mjs' },
  // Bundled CommonJS dependencies still call require(): give ESM output one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  external: ['electron'],
};
await build({ ...esm, entryPoints: { main: 'electron/main/main.ts', searchWorker: 'electron/search/searchWorker.ts', parseWorker: 'electron/library/parseWorker.ts' }, outdir: 'dist/electron' });
await build({ ...common, format: 'cjs', entryPoints: { preload: 'electron/preload/preload.ts' }, outExtension: { '.js': '.cjs' }, outdir: 'dist/electron', external: ['electron'] });
