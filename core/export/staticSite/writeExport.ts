/**
 * Writes an export into its folder so that a web server (or a student's offline copy) only ever sees whole files:
 * each file is replaced atomically, and only when its content changed (an unchanged file keeps its modification
 * time, so servers' ETags and the offline copies' hashes stay put); files of the previous export that are gone are
 * removed; the export's manifest (every file's hash) is written last. A folder that holds anything but a previous
 * export is refused: the export never deletes or overwrites files it did not write.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { EXPORT_FORMAT, EXPORT_MANIFEST, type ExportManifest } from '../../common/staticSite.js';
import { removeTemporaryFiles, writeFileAtomic } from '../../node/atomicFile.js';
import type { ExportFile } from './exportFiles.js';

export interface WriteStats {
  files: number;
  written: number;
  removed: number;
  bytes: number;
}

const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 24);

/** The previous export's manifest, null for an empty or missing folder; throws for a folder holding anything else. */
export async function previousExport(outDir: string): Promise<ExportManifest | null> {
  const entries = await readdir(outDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (entries.length === 0) return null;
  const manifest = await readFile(path.join(outDir, EXPORT_MANIFEST), 'utf8')
    .then((text) => JSON.parse(text) as ExportManifest)
    .catch(() => null);
  if (manifest?.format !== EXPORT_FORMAT || typeof manifest.files !== 'object') {
    throw new Error(`${outDir} is not empty and holds no previous export (no ${EXPORT_MANIFEST}): choose an empty or new folder.`);
  }
  return manifest;
}

/** Where a file of the export goes on disk: its URL path decoded, and never outside the folder. */
function diskPath(outDir: string, urlPath: string): string {
  const segments = urlPath.split('/').map(decodeURIComponent);
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..' || /[\\/\0]/.test(segment))) {
    throw new Error(`Refusing an export path that leaves its folder: ${urlPath}`);
  }
  return path.join(outDir, ...segments);
}

/** What an export killed mid-write left (temporary files beside their targets): never to be served. */
async function sweepKilledWrites(outDir: string): Promise<void> {
  const folders = (await readdir(outDir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isDirectory());
  for (const folder of [outDir, ...folders.map((entry) => path.join(entry.parentPath, entry.name))]) await removeTemporaryFiles(folder);
}

async function sameContent(file: string, bytes: Uint8Array): Promise<boolean> {
  const existing = await readFile(file).catch(() => null);
  return existing !== null && Buffer.compare(existing, bytes) === 0;
}

export async function writeExport(outDir: string, name: string, files: readonly ExportFile[]): Promise<{ manifest: ExportManifest; stats: WriteStats }> {
  const previous = await previousExport(outDir);
  if (previous) await sweepKilledWrites(outDir);
  const manifest: ExportManifest = { format: EXPORT_FORMAT, version: '', name, files: {} };
  const stats: WriteStats = { files: files.length, written: 0, removed: 0, bytes: 0 };
  for (const file of files) {
    if (Object.hasOwn(manifest.files, file.path) || file.path === EXPORT_MANIFEST) throw new Error(`Two files of the export at ${file.path}`);
    const target = diskPath(outDir, file.path);
    const bytes = 'data' in file ? (typeof file.data === 'string' ? Buffer.from(file.data) : file.data) : await readFile(file.source);
    manifest.files[file.path] = { hash: hashOf(bytes), bytes: bytes.byteLength, group: file.group };
    stats.bytes += bytes.byteLength;
    if (await sameContent(target, bytes)) continue;
    await writeFileAtomic(target, bytes);
    stats.written++;
  }
  for (const gone of Object.keys(previous?.files ?? {})) {
    if (Object.hasOwn(manifest.files, gone)) continue;
    await rm(diskPath(outDir, gone), { force: true });
    stats.removed++;
  }
  const listing = Object.entries(manifest.files).map(([file, { hash }]) => `${file} ${hash}`);
  manifest.version = hashOf(Buffer.from(listing.sort().join('\n'))).slice(0, 12);
  const text = JSON.stringify(manifest);
  if (!(await sameContent(path.join(outDir, EXPORT_MANIFEST), Buffer.from(text)))) await writeFileAtomic(path.join(outDir, EXPORT_MANIFEST), text);
  return { manifest, stats };
}
