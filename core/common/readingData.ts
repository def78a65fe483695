/**
 * A student's reading data: progress per lecture, bookmarks, highlights and notes. It belongs to the student:
 * the desktop app keeps it in its user-data folder, a browser (including a classroom student's) in its own
 * storage; it is never sent to a lecture server. Both stores implement `ReadingStore`, and everything that
 * arrives from outside (a file, an import, the renderer over IPC) goes through `parseReadingData` first.
 */

/** Where a highlight sits: the passage and a little text either side, so it is found again after small edits. */
export interface TextAnchor {
  quote: string;
  prefix: string;
  suffix: string;
}

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

export interface Highlight {
  id: string;
  slug: string;
  anchor: TextAnchor;
  color: HighlightColor;
  /** The student's note on the passage; empty for a plain highlight. */
  note: string;
  /** ISO time. */
  createdAt: string;
}

export interface LectureProgress {
  /** Where the reader was, as a fraction of the lecture (0..1): the place "Đọc tiếp" returns to. */
  position: number;
  /** How far the reader ever got (0..1). */
  furthest: number;
  /** ISO time the lecture was last opened. */
  lastOpened: string;
}

export interface ReadingData {
  version: 1;
  progress: Record<string, LectureProgress>;
  /** Bookmarked lecture slugs, newest first. */
  bookmarks: string[];
  highlights: Highlight[];
}

/** The one place reading data is loaded from and saved to (user-data file, or browser storage). */
export interface ReadingStore {
  load(): Promise<ReadingData>;
  /** Replaces the saved data with `data` as a whole; a crash midway keeps the previous data. */
  save(data: ReadingData): Promise<void>;
  /** Calls `listener` when another writer (another tab) saved; returns the unsubscribe function. */
  onExternalChange?(listener: (data: ReadingData) => void): () => void;
}

export const READING_LIMITS = {
  lectures: 10_000,
  highlights: 20_000,
  slugChars: 300,
  quoteChars: 4000,
  contextChars: 64,
  noteChars: 20_000,
  idChars: 64,
} as const;

/** A lecture counts as finished once this much of it has been read. */
export const FINISHED_AT = 0.97;

export function emptyReadingData(): ReadingData {
  return { version: 1, progress: {}, bookmarks: [], highlights: [] };
}

export class InvalidReadingData extends Error {}

function fail(message: string): never {
  throw new InvalidReadingData(message);
}

function text(value: unknown, name: string, max: number): string {
  if (typeof value !== 'string') fail(`${name} must be text`);
  if (value.length > max) fail(`${name} is longer than ${max} characters`);
  return value;
}

function fraction(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) fail(`${name} must be a number from 0 to 1`);
  return value;
}

function object(value: unknown, name: string): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) fail(`${name} must be an object`);
  return value as Record<string, unknown>;
}

function time(value: unknown, name: string): string {
  const checked = text(value, name, 40);
  if (Number.isNaN(Date.parse(checked))) fail(`${name} must be a date and time`);
  return checked;
}

function highlight(value: unknown, index: number): Highlight {
  const item = object(value, `highlight ${index}`);
  const anchor = object(item.anchor, `highlight ${index} anchor`);
  const color = item.color;
  if (!HIGHLIGHT_COLORS.includes(color as HighlightColor)) fail(`highlight ${index} has an unknown colour`);
  const quote = text(anchor.quote, `highlight ${index} quote`, READING_LIMITS.quoteChars);
  if (!quote.trim()) fail(`highlight ${index} has no text`);
  return {
    id: text(item.id, `highlight ${index} id`, READING_LIMITS.idChars),
    slug: text(item.slug, `highlight ${index} lecture`, READING_LIMITS.slugChars),
    anchor: {
      quote,
      prefix: text(anchor.prefix, `highlight ${index} prefix`, READING_LIMITS.contextChars),
      suffix: text(anchor.suffix, `highlight ${index} suffix`, READING_LIMITS.contextChars),
    },
    color: color as HighlightColor,
    note: text(item.note ?? '', `highlight ${index} note`, READING_LIMITS.noteChars),
    createdAt: time(item.createdAt, `highlight ${index} time`),
  };
}

/** Checks data from outside (a file, an import, IPC); throws `InvalidReadingData` saying what is wrong. */
export function parseReadingData(value: unknown): ReadingData {
  const data = object(value, 'reading data');
  if (data.version !== 1) fail('not reading data of this app (version 1)');
  const progressEntries = Object.entries(object(data.progress, 'progress'));
  if (progressEntries.length > READING_LIMITS.lectures) fail('too many lectures');
  const progress: Record<string, LectureProgress> = {};
  for (const [slug, entry] of progressEntries) {
    text(slug, 'lecture', READING_LIMITS.slugChars);
    const item = object(entry, `progress of ${slug}`);
    progress[slug] = {
      position: fraction(item.position, `position in ${slug}`),
      furthest: fraction(item.furthest, `progress of ${slug}`),
      lastOpened: time(item.lastOpened, `last opened ${slug}`),
    };
  }
  if (!Array.isArray(data.bookmarks) || data.bookmarks.length > READING_LIMITS.lectures) fail('bookmarks must be a list');
  if (!Array.isArray(data.highlights) || data.highlights.length > READING_LIMITS.highlights) fail('highlights must be a list');
  return {
    version: 1,
    progress,
    bookmarks: [...new Set(data.bookmarks.map((slug) => text(slug, 'bookmark', READING_LIMITS.slugChars)))],
    highlights: data.highlights.map(highlight),
  };
}

/**
 * `incoming` (an import) added to `current` without losing either: highlights and bookmarks are united (an
 * imported highlight replaces the one with its id), and each lecture keeps the progress opened most recently.
 */
export function mergeReadingData(current: ReadingData, incoming: ReadingData): ReadingData {
  const progress = { ...current.progress };
  for (const [slug, entry] of Object.entries(incoming.progress)) {
    const mine = progress[slug];
    progress[slug] =
      !mine || entry.lastOpened > mine.lastOpened
        ? { ...entry, furthest: Math.max(entry.furthest, mine?.furthest ?? 0) }
        : { ...mine, furthest: Math.max(entry.furthest, mine.furthest) };
  }
  const imported = new Set(incoming.highlights.map((item) => item.id));
  return {
    version: 1,
    progress,
    bookmarks: [...new Set([...current.bookmarks, ...incoming.bookmarks])],
    highlights: [...current.highlights.filter((item) => !imported.has(item.id)), ...incoming.highlights],
  };
}
