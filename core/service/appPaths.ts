import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The project (or unpacked app) folder: the nearest parent of this module holding our package.json. */
export function appRoot(): string {
  for (let dir = import.meta.dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'lecture-reader') return dir;
    if (path.dirname(dir) === dir) throw new Error(`Cannot find the app folder above ${import.meta.dirname}`);
  }
}

/** The library that ships with the app. */
export const bundledContentDir = () => path.join(appRoot(), 'content');

/** The built reader (Vite output). */
export const rendererDir = () => path.join(appRoot(), 'dist', 'renderer');

export const BUNDLED_LIBRARY_NAME = 'Bài giảng AI';
