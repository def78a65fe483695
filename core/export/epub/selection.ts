/**
 * Which lectures a book holds and what it is called. Only what a student of the library sees goes in: the
 * published lectures of the overview (the server's visibility rule), never drafts.
 */
import type { EpubSelection, LectureSummary, LibraryOverview } from '../../common/api.js';
import { boundEpubSelection, EPUB_BOUNDS } from '../../common/api.js';
import { slugify } from '../../common/slug.js';

/** A tag or lecture the library does not have (or not published): the book is not made. */
export class EpubSelectionError extends Error {}

export interface BookPlan {
  /** The book's title: the selection, then the library's name. */
  title: string;
  libraryName: string;
  /** What the selection is, for the title page ("Chủ đề: Hadoop"); '' for the whole library. */
  scope: string;
  /** Chapters in order: the lectures named, in the order given, then the tags' lectures oldest first. */
  lectures: LectureSummary[];
}

export function planBook(overview: LibraryOverview, selection: EpubSelection): BookPlan {
  const { tags, lectures: slugs } = boundEpubSelection(selection);
  const published = overview.articles.filter((lecture) => lecture.published);
  const bySlug = new Map(published.map((lecture) => [lecture.slug, lecture]));
  const unknownTags = tags.filter((tag) => !published.some((lecture) => lecture.tags.includes(tag)));
  const unknownSlugs = slugs.filter((slug) => !bySlug.has(slug.toLowerCase()));
  const problems = [
    ...(unknownTags.length ? [`no published lecture has the tag ${unknownTags.map((tag) => `"${tag}"`).join(', ')}`] : []),
    ...(unknownSlugs.length ? [`no published lecture is called ${unknownSlugs.map((slug) => `"${slug}"`).join(', ')}`] : []),
  ];
  if (problems.length) throw new EpubSelectionError(`Cannot make the e-book: ${problems.join('; ')}.`);

  const whole = tags.length === 0 && slugs.length === 0;
  const oldestFirst = [...published].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.title.localeCompare(b.title, 'vi'));
  const chosen = new Set<LectureSummary>(slugs.map((slug) => bySlug.get(slug.toLowerCase())!));
  for (const lecture of oldestFirst) if (whole || lecture.tags.some((tag) => tags.includes(tag))) chosen.add(lecture);

  const lectures = [...chosen];
  if (lectures.length > EPUB_BOUNDS.chapters)
    throw new EpubSelectionError(
      `Cannot make the e-book: ${lectures.length} lectures are more than one book holds (${EPUB_BOUNDS.chapters}); choose tags or lectures.`,
    );
  const tagNames = tags.map((tag) => overview.tagLabels[tag] ?? tag);
  const scope = whole
    ? ''
    : tags.length && !slugs.length
      ? `Chủ đề: ${tagNames.join(', ')}`
      : lectures.length === 1
        ? lectures[0].title
        : `${lectures.length} bài giảng`;
  const selectionName = tags.length && !slugs.length ? tagNames.join(', ') : scope;
  return { title: selectionName ? `${selectionName} — ${overview.name}` : overview.name, libraryName: overview.name, scope, lectures };
}

/** The book's file name: the title as written (for systems that take UTF-8 names) and its ASCII form. */
export function bookFileNames(title: string): { utf8: string; ascii: string } {
  // Characters no file system takes in a name (and control characters) become spaces.
  const safe = [...title].map((c) => (c < ' ' || c === '\u007f' || '\\/:*?"<>|'.includes(c) ? ' ' : c)).join('');
  // Cut by characters, not UTF-16 units: half an emoji cannot be put in a header or a file name.
  const written = [...safe.replace(/\s+/g, ' ').trim()].slice(0, 150).join('');
  return { utf8: `${written || 'bai-giang'}.epub`, ascii: `${slugify(title).slice(0, 100) || 'bai-giang'}.epub` };
}
