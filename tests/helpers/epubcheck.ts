/**
 * The W3C's EPUBCheck (the Debian package `epubcheck`, a Java program) run on a book, and the book opened as a zip.
 * `.ci/run` installs it when missing.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';

const EPUBCHECK_JAR = '/usr/share/java/epubcheck.jar';

/** Why the EPUBCheck tests cannot run here, or false. */
export const noEpubcheck = existsSync(EPUBCHECK_JAR) ? false : `epubcheck is not installed (${EPUBCHECK_JAR}; apt-get install epubcheck)`;

export interface EpubcheckReport {
  fatals: number;
  errors: number;
  warnings: number;
  /** Every ERROR, FATAL and WARNING line, for the failure message and the report. */
  messages: string[];
}

export async function epubcheck(file: string): Promise<EpubcheckReport> {
  // Exit code 1 when it finds errors: the counts below are the verdict, not the code.
  const { stdout, stderr } = await promisify(execFile)('java', ['-jar', EPUBCHECK_JAR, file], { maxBuffer: 64 * 1024 * 1024 }).catch(
    (error: { stdout: string; stderr: string }) => error,
  );
  const output = `${stdout}\n${stderr}`;
  const counts = /Messages: (\d+) fatals? \/ (\d+) errors? \/ (\d+) warnings?/.exec(output);
  if (!counts) throw new Error(`EPUBCheck gave no verdict:\n${output}`);
  return {
    fatals: Number(counts[1]),
    errors: Number(counts[2]),
    warnings: Number(counts[3]),
    messages: output.split('\n').filter((line) => /^(FATAL|ERROR|WARNING)/.test(line)),
  };
}

/** The book's entries in order, by name, as bytes (fflate keeps the zip's order). */
export function unzipEpub(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}

/** The entry as text. */
export function entryText(entries: Map<string, Uint8Array>, name: string): string {
  const entry = entries.get(name);
  if (!entry) throw new Error(`${name} is not in the book: ${[...entries.keys()].join(', ')}`);
  return new TextDecoder().decode(entry);
}
