/**
 * Downloads the Electron binary for `npm start`, exactly where the `electron` package looks for it (its `dist/`
 * folder and `path.txt`, as its install.js writes them), with @electron/get 3 — CommonJS, so it runs on Node 20
 * as well as 22 (the `electron` package's own installer needs Node ≥ 22.12). It shows progress, never gives up
 * on a download that is still receiving bytes, and says what really went wrong when it fails.
 *
 * Honours the same settings as the `electron` package: ELECTRON_MIRROR (and the other @electron/get mirror
 * variables), electron_config_cache, force_no_cache, electron_use_remote_checksums, ELECTRON_INSTALL_PLATFORM/ARCH.
 *
 * Run as a script (`node --import tsx scripts/electronDownload.ts [electron package folder]`): exit 0 with the
 * binary in place, 1 with the reason on stderr.
 */
import { downloadArtifact } from '@electron/get';
import extract from 'extract-zip';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { megabytes } from '../core/common/units.js';

/** Stop a download that has received nothing for this long; a slow one that is progressing is never stopped. */
const IDLE_LIMIT_MS = 60_000;

/** The executable inside Electron's zip, per platform (the `electron` package's install.js, getPlatformPath). */
function platformPath(platform: string): string {
  switch (platform) {
    case 'mas':
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'freebsd':
    case 'openbsd':
    case 'linux':
      return 'electron';
    case 'win32':
      return 'electron.exe';
    default:
      throw new Error(`Electron builds are not available on platform: ${platform}`);
  }
}

export const electronPackageDir = () => path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));

const targetPlatform = () => process.env.ELECTRON_INSTALL_PLATFORM || process.env.npm_config_platform || process.platform;

/** The installed binary, when the `electron` package's own check (install.js, isInstalled) would accept it. */
export function installedElectron(packageDir = electronPackageDir()): string | null {
  const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  try {
    if (readFileSync(path.join(packageDir, 'dist', 'version'), 'utf8').replace(/^v/, '') !== version) return null;
    if (readFileSync(path.join(packageDir, 'path.txt'), 'utf8') !== platformPath(targetPlatform())) return null;
  } catch {
    return null;
  }
  const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(packageDir, 'dist', platformPath(targetPlatform()));
  return existsSync(binary) ? binary : null;
}

export interface DownloadProgress {
  transferred: number;
  total: number;
}

/** Downloads and unpacks Electron into the package; resolves with the binary. Errors are explained (downloadFailure). */
export async function downloadElectron(packageDir: string, onProgress: (progress: DownloadProgress) => void): Promise<string> {
  const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const remoteChecksums = process.env.electron_use_remote_checksums || process.env.npm_config_electron_use_remote_checksums;
  // Our own progress lines replace @electron/get's bar, whose 30 s timer would also hold a failed run open.
  process.env.ELECTRON_GET_NO_PROGRESS = '1';
  const zip = await downloadArtifact({
    version,
    artifactName: 'electron',
    force: process.env.force_no_cache === 'true',
    cacheRoot: process.env.electron_config_cache,
    checksums: remoteChecksums ? undefined : JSON.parse(readFileSync(path.join(packageDir, 'checksums.json'), 'utf8')),
    platform: targetPlatform(),
    arch: process.env.ELECTRON_INSTALL_ARCH || process.env.npm_config_arch || process.arch,
    downloadOptions: {
      quiet: true,
      timeout: { socket: IDLE_LIMIT_MS },
      getProgressCallback: async ({ transferred, total }: { transferred: number; total?: number }) => onProgress({ transferred, total: total ?? 0 }),
    },
  });
  const dist = path.join(packageDir, 'dist');
  try {
    await extract(zip, { dir: dist });
  } catch (error) {
    throw new ArchiveError((error as Error).message);
  }
  // As install.js does: a zip that carries electron.d.ts puts it next to the package's own.
  const typeDefinitions = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH || dist, 'electron.d.ts');
  if (existsSync(typeDefinitions)) renameSync(typeDefinitions, path.join(packageDir, 'electron.d.ts'));
  await writeFile(path.join(packageDir, 'path.txt'), platformPath(targetPlatform()));
  const binary = installedElectron(packageDir);
  if (!binary) throw new ArchiveError(`it does not hold ${platformPath(targetPlatform())} for Electron ${version}`);
  return binary;
}

class ArchiveError extends Error {}

/** What went wrong, in words a user can act on. */
export function downloadFailure(error: unknown): string {
  const { code, message, response, options } = error as { code?: string; message: string; response?: { statusCode?: number }; options?: { url?: URL } };
  const host = options?.url?.host ?? 'the download host';
  if (error instanceof ArchiveError) return `the downloaded archive is damaged (${message}). Run npm start again to download it anew.`;
  if (response?.statusCode) return `${host} answered HTTP ${response.statusCode} for ${options?.url?.href ?? 'the download'}.`;
  if (/checksum/i.test(message))
    return `the download does not match Electron's published checksum (${message}). Run npm start again; if it persists, check ELECTRON_MIRROR.`;
  switch (code) {
    case 'ECONNREFUSED':
      return `${host} refused the connection. Check your network, proxy or ELECTRON_MIRROR.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${host} could not be found: this machine seems to be offline (or its DNS is not working).`;
    case 'ETIMEDOUT':
    case 'ESOCKETTIMEDOUT':
      return `${host} sent nothing for ${IDLE_LIMIT_MS / 1000} s; the download was stopped. Run npm start again to retry.`;
    case 'ECONNRESET':
      return `the connection to ${host} was cut. Run npm start again to retry.`;
    case 'ENOSPC':
      return 'the disk is full. Free some space and run npm start again.';
    default:
      return message + (code ? ` (${code})` : '');
  }
}

/** Progress lines: one updating line on a terminal, a line per 10 % in a log. */
function progressPrinter(version: string): (progress: DownloadProgress) => void {
  let lastStep = -1;
  return ({ transferred, total }) => {
    const percent = total ? Math.floor((transferred / total) * 100) : 0;
    const line = `Downloading Electron ${version}: ${megabytes(transferred)}${total ? ` / ${megabytes(total)} MB (${percent} %)` : ' MB'}`;
    if (process.stdout.isTTY) return void process.stdout.write(`\r${line}`);
    const step = Math.floor(percent / 10);
    if (step !== lastStep) {
      lastStep = step;
      process.stdout.write(`${line}\n`);
    }
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const packageDir = process.argv[2] ? path.resolve(process.argv[2]) : electronPackageDir();
  const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  downloadElectron(packageDir, progressPrinter(version)).then(
    (binary) => {
      process.stdout.write(`${process.stdout.isTTY ? '\n' : ''}Electron ${version} is ready: ${binary}\n`);
    },
    (error) => {
      process.stderr.write(`${process.stdout.isTTY ? '\n' : ''}Electron ${version} could not be downloaded: ${downloadFailure(error)}\n`);
      process.exitCode = 1;
    },
  );
}
