/**
 * Turns one lecture file's text into a lecture record plus the problems found in it. Never throws for bad
 * content: every problem becomes data naming the file, the line where known, a severity and a plain message.
 */
import matter from 'gray-matter';
import type { Problem } from '../common/api.js';
import { parseLectureDate } from '../common/dates.js';
import { normalizeText } from '../common/vietnamese.js';
import { MARKDOWN_PRESET_VERSION } from '../common/markdown/preset.js';
import { extractTermPairs, type TermPair } from '../glossary/extractTerms.js';
import { outlineMarkdown, type MarkdownOutline } from './markdownOutline.js';
import { packTexts } from '../common/packedTexts.js';

export interface ParsedLecture {
  /** Path relative to the library folder, with `/` separators. */
  file: string;
  title: string;
  date?: string;
  description: string;
  bannerUrl?: string;
  tags: string[];
  highlight: boolean;
  published: boolean;
  body: string;
  /** Line of the file where the body starts, minus one: body line N is file line N + bodyLineOffset. */
  bodyLineOffset: number;
  outline: MarkdownOutline;
  /** Vietnamese⇄English term pairs the lecture introduces: extracted with the parse, so they are cached with it. */
  terms: TermPair[];
}

/**
 * Raise the first number whenever parseLecture's result changes for the same text (a new field, other problems);
 * the Markdown preset's version covers the outline. Results saved by another version are parsed again (libraryCache.ts).
 */
export const PARSER_VERSION = `3-md${MARKDOWN_PRESET_VERSION}`;

export type ParseResult = { kind: 'lecture'; lecture: ParsedLecture; problems: Problem[] } | { kind: 'skipped'; problems: Problem[] };

/**
 * How much of a file is read: `whole`, or only its `fields` (front matter and body, no outline nor terms): what
 * the list and an opened lecture need, a small share of the parsing time (the Markdown outline is most of it).
 */
export type ParseDepth = 'whole' | 'fields';

const NO_TEXTS = packTexts([]);
/**
 * The outline of a lecture read for its fields only: nothing yet (its own objects, texts too: caches key on them; a
 * copy of the packed empty list, not a deflate per lecture — a warm start makes thousands).
 */
export const noOutline = (): MarkdownOutline => ({ headings: [], links: [], images: [], sections: [], texts: NO_TEXTS.slice(), removedHtml: [] });

/** Longer titles still work, but are reported: they are almost always a front-matter mistake. */
const MAX_TITLE_LENGTH = 300;

/**
 * Values the front matter may hold, each alias counted as many times as it is used. YAML aliases make a few
 * hundred bytes ("billion laughs") stand for billions of values: anything that walks or prints such a value
 * would never finish, so the file is refused before anything does.
 */
const MAX_FRONT_MATTER_VALUES = 10_000;

/** Characters of a value quoted in a problem message. */
const MAX_SHOWN_VALUE = 80;

export function parseLecture(file: string, raw: string, depth: ParseDepth = 'whole'): ParseResult {
  const problems: Problem[] = [];
  const report = (severity: Problem['severity'], message: string, line?: number) => problems.push({ file, line, severity, message });

  const text = normalizeText(raw);
  if (!/^---[ \t]*\n/.test(text)) {
    report('warning', 'Not a lecture: the file has no front matter (---), skipped');
    return { kind: 'skipped', problems };
  }

  let parsed: matter.GrayMatterFile<string>;
  try {
    // Options are passed so gray-matter does not keep every file's text in its global cache.
    parsed = matter(text, {});
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const line = typeof mark?.line === 'number' ? mark.line + 2 : undefined;
    report('error', `Invalid YAML front matter: ${(error as Error).message.split('\n')[0]}`, line);
    return { kind: 'skipped', problems };
  }

  if (exceedsValueCount(parsed.data, MAX_FRONT_MATTER_VALUES)) {
    report('error', `Front matter too large: more than ${MAX_FRONT_MATTER_VALUES} values, aliases counted each time they are used; skipped`, 2);
    return { kind: 'skipped', problems };
  }

  const data: Record<string, unknown> = parsed.data && typeof parsed.data === 'object' && !Array.isArray(parsed.data) ? parsed.data : {};
  if (parsed.data !== data) report('error', 'Front matter must be a mapping of key: value', 2);
  const fieldLine = (name: string) => frontMatterLine(text, name);

  const title = textField(data.title);
  if (data.title != null && typeof data.title !== 'string' && typeof data.title !== 'number') {
    report('error', `"title" must be text, not ${describe(data.title)}`, fieldLine('title'));
  }
  if (!title) report('warning', 'Missing title: the lecture is hidden from readers', fieldLine('title'));
  if (title.length > MAX_TITLE_LENGTH) report('warning', `Title is ${title.length} characters long (more than ${MAX_TITLE_LENGTH})`, fieldLine('title'));

  let date: string | undefined;
  if (data.time == null || data.time === '') {
    report('warning', 'Missing date ("time")', fieldLine('time'));
  } else {
    date = parseLectureDate(data.time);
    const given = typeof data.time === 'object' ? describe(data.time) : `"${shown(String(data.time))}"`;
    if (!date) report('error', `Invalid date ${given} (expected MM/DD/YYYY or YYYY-MM-DD)`, fieldLine('time'));
  }

  const tags = tagList(data.tags);
  if (data.tags != null && !Array.isArray(data.tags) && typeof data.tags !== 'string') {
    report('error', `"tags" must be a list, not ${describe(data.tags)}`, fieldLine('tags'));
  }

  const highlight = booleanField(data.is_highlight, false);
  const published = booleanField(data.is_published, true);
  for (const name of ['is_highlight', 'is_published']) {
    if (data[name] != null && typeof data[name] !== 'boolean') {
      report('error', `"${name}" must be true or false, not ${describe(data[name])}`, fieldLine(name));
    }
  }

  const body = parsed.content;
  const bodyLineOffset = countLines(text.slice(0, text.length - body.length));
  if (!body.trim()) report('warning', 'Empty body');
  const outline = depth === 'whole' ? outlineMarkdown(body) : noOutline();

  const bannerUrl = textField(data.banner_url) || undefined;
  const lecture: ParsedLecture = {
    file,
    title,
    date,
    description: textField(data.description),
    bannerUrl,
    tags,
    highlight,
    published,
    body,
    bodyLineOffset,
    outline,
    terms: depth === 'whole' ? extractTermPairs(body, outline.headings) : [],
  };
  return { kind: 'lecture', lecture, problems };
}

function textField(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  return '';
}

function tagList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  const tags = items
    .filter((item): item is string | number => typeof item === 'string' || typeof item === 'number')
    .map((item) => String(item).trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(tags)];
}

function booleanField(value: unknown, fallback: boolean): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return fallback;
}

/** A value named for a problem message: its kind, and a bounded quote of a scalar; never the whole value. */
function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  return typeof value === 'object' ? 'a mapping' : `${typeof value} (${shown(JSON.stringify(value) ?? String(value))})`;
}

/** A scalar quoted in a problem message, cut short. */
function shown(text: string): string {
  return text.length > MAX_SHOWN_VALUE ? `${text.slice(0, MAX_SHOWN_VALUE)}…` : text;
}

/** Whether walking the value, aliases expanded, would visit more than `limit` values (stops counting there). */
function exceedsValueCount(value: unknown, limit: number): boolean {
  const pending = [value];
  for (let visited = 1; pending.length > 0; visited++) {
    const next = pending.pop();
    const children = Array.isArray(next) ? next : next && typeof next === 'object' && !(next instanceof Date) ? Object.values(next) : [];
    // Every value waiting will be visited: counting them now keeps the walk itself bounded.
    if (visited + pending.length + children.length > limit) return true;
    pending.push(...children);
  }
  return false;
}

function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** The 1-based line of a top-level front-matter key, for pointing at the right place in a report. */
function frontMatterLine(text: string, key: string): number | undefined {
  const end = text.indexOf('\n---', 3);
  const lines = text.slice(0, end === -1 ? undefined : end).split('\n');
  const index = lines.findIndex((line) => line.startsWith(`${key}:`));
  return index === -1 ? undefined : index + 1;
}
