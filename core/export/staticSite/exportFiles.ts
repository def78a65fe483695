/** One file of a static export, before it is written: its place in the export, what it is for, and its bytes or source file. */
import type { ExportGroup } from '../../common/staticSite.js';

export type ExportFile = { path: string; group: ExportGroup } & ({ data: string | Uint8Array } | { source: string });

/** The JSON of an API answer, as the HTTP server sends it (compact). */
export const jsonFile = (path: string, group: ExportGroup, value: unknown): ExportFile => ({ path, group, data: JSON.stringify(value) });
