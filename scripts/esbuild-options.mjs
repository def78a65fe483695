// How the main process and its workers are bundled: shared by the build and by the test that runs the
// bundled classroom server.
export const nodeBundle = { bundle: true, platform: 'node', target: 'node22', sourcemap: false, logLevel: 'warning', legalComments: 'none' };

export const esmBundle = {
  ...nodeBundle,
  format: 'esm',
  outExtension: { '.js': '.mjs' },
  // Bundled CommonJS dependencies still call require(): give ESM output one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // sharp loads its native libvips build from its own package: it stays a package, next to the bundle.
  external: ['electron', 'sharp'],
};
