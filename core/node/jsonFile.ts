import { readFileSync } from 'node:fs';
import { writeFileAtomicSync } from './atomicFile.js';

/** Reads a small JSON settings file; a missing or damaged file gives the fallback, never an exception. */
export function readJson<T>(file: string, fallback: T): T {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return fallback;
  }
}

/** Writes it atomically: a crash mid-write leaves the old file intact. */
export function writeJson(file: string, value: unknown): void {
  writeFileAtomicSync(file, JSON.stringify(value, null, 2));
}
