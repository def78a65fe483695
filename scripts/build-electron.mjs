// Bundles the Electron main process (ESM), the search worker and the sandboxed preload (CommonJS, as Electron
// requires for sandboxed preloads) into dist/electron with esbuild, and the CLI with its workers into dist/cli
// (what `npm run serve` runs: a server starts without compiling TypeScript). Needs no Electron binary.
import { build } from 'esbuild';
import { esmBundle, nodeBundle } from './esbuild-options.mjs';

await build({
  ...esmBundle,
  entryPoints: {
    main: 'electron/main/main.ts',
    searchWorker: 'core/search/searchWorker.ts',
    parseWorker: 'core/library/parseWorker.ts',
    chapterWorker: 'core/export/epub/chapterWorker.ts',
  },
  outdir: 'dist/electron',
});
await build({
  ...nodeBundle,
  format: 'cjs',
  entryPoints: { preload: 'electron/preload/preload.ts' },
  outExtension: { '.js': '.cjs' },
  outdir: 'dist/electron',
  external: ['electron'],
});
await build({
  ...esmBundle,
  entryPoints: {
    main: 'core/cli/main.ts',
    searchWorker: 'core/search/searchWorker.ts',
    parseWorker: 'core/library/parseWorker.ts',
    chapterWorker: 'core/export/epub/chapterWorker.ts',
  },
  outdir: 'dist/cli',
});
