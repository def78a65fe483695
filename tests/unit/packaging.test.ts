/**
 * Installers cannot be built here (electron-builder downloads Electron and platform tools), so the packaging
 * configuration itself is checked: targets, icon, bundled lectures, hardening fuses.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { inflateSync } from 'node:zlib';
import { PROJECT_ROOT } from '../helpers/cli.js';
import { freePort } from '../helpers/network.js';

const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'));
const build = manifest.build;

test('installers for Linux (AppImage, deb), Windows (NSIS) and macOS (dmg)', () => {
  assert.deepEqual(build.linux.target, ['AppImage', 'deb']);
  assert.deepEqual(build.win.target, ['nsis']);
  assert.deepEqual(build.mac.target, ['dmg']);
  assert.match(manifest.scripts.dist, /electron-builder/);
  assert.equal(manifest.main, 'dist/electron/main.mjs');
});

test('the package holds the built app and the bundled lectures, no source maps', () => {
  for (const entry of ['dist/electron/**', 'dist/renderer/**', 'content/**']) assert.ok(build.files.includes(entry), entry);
  assert.ok(build.files.includes('!**/*.map'));
  // Worker threads cannot start inside the asar archive: every built entry but the main process and the preload is
  // a worker, and must be unpacked (a new worker left out would only fail in the installed app).
  const workers = readdirSync(path.join(PROJECT_ROOT, 'dist/electron')).filter((file) => file.endsWith('.mjs') && file !== 'main.mjs');
  assert.ok(workers.length >= 2, 'the search and parse workers are built');
  for (const worker of workers) assert.ok(build.asarUnpack.includes(`dist/electron/${worker}`), `${worker} runs from outside the archive`);
});

test('production fuses: no RunAsNode, no NODE_OPTIONS, no inspector flags, asar integrity', () => {
  assert.deepEqual(build.electronFuses, {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false,
  });
});

test('the icon is a real 512×512 PNG', () => {
  for (const platform of ['linux', 'win', 'mac']) assert.equal(build[platform].icon, 'build/icon.png');
  const png = readFileSync(path.join(PROJECT_ROOT, 'build/icon.png'));
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.readUInt32BE(16), 512);
  assert.equal(png.readUInt32BE(20), 512);
  const idat = png.indexOf('IDAT');
  assert.ok(inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4))).length === 512 * (512 * 4 + 1));
});

test('the main process bundle holds the library and the classroom server, never renderer code', async () => {
  const { build: esbuild } = await import('esbuild');
  const result = await esbuild({
    entryPoints: [path.join(PROJECT_ROOT, 'electron/main/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    external: ['electron'],
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile!.inputs);
  assert.ok(!inputs.some((input) => input.startsWith('renderer/')), 'the main process does not pull in the renderer');
  assert.ok(inputs.some((input) => input.includes('core/library/')));
  assert.ok(inputs.some((input) => input.includes('core/server/classroomShare')));
});

test('the classroom server works as bundled for the main process (Fastify and its plugins survive esbuild)', async () => {
  const { build: esbuild } = await import('esbuild');
  const { esmBundle } = await import('../../scripts/esbuild-options.mjs');
  // Beside the built workers, as main.mjs is, so the bundled library finds its parse worker.
  const outfile = path.join(PROJECT_ROOT, 'dist/electron', `classroom-check-${process.pid}.mjs`);
  await esbuild({
    ...esmBundle,
    stdin: {
      contents: "export { ClassroomShare } from './core/server/classroomShare.ts'; export { LectureService } from './core/service/lectureService.ts';",
      resolveDir: PROJECT_ROOT,
      loader: 'ts',
    },
    outfile,
  });
  try {
    const bundled = (await import(pathToFileURL(outfile).href)) as typeof import('../../core/server/classroomShare.js') &
      typeof import('../../core/service/lectureService.js');
    const service = await bundled.LectureService.open([path.join(PROJECT_ROOT, 'content')]);
    const share = new bundled.ClassroomShare(service, path.join(PROJECT_ROOT, 'dist/renderer'));
    try {
      const state = await share.startSharing({ host: '127.0.0.1', port: await freePort() });
      assert.ok(state.running, JSON.stringify(state.error));
      const library = await fetch(`${state.urls[0]}api/library`, { headers: { 'accept-encoding': 'br' } });
      assert.equal(library.headers.get('content-encoding'), 'br');
      assert.equal(((await library.json()) as { articles: unknown[] }).articles.length, 8);
      const page = await fetch(state.urls[0]);
      assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
      assert.match(await page.text(), /<div id="root">/);
    } finally {
      await share.stopSharing();
      await service.close();
    }
  } finally {
    rmSync(outfile, { force: true });
  }
});
