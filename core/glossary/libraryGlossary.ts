/**
 * The glossary of a loaded library, kept in step with it: built when first asked for, rebuilt only after the
 * library changed, and re-extracting only the lectures that changed (extraction is cached per parsed outline,
 * which a file that did not change keeps).
 */
import type { GlossaryEntry } from '../common/api.js';
import type { LectureLibrary } from '../library/lectureLibrary.js';
import type { MarkdownOutline } from '../library/markdownOutline.js';
import { extractTermPairs, type TermPair } from './extractTerms.js';
import { buildGlossary } from './glossary.js';

export class LibraryGlossary {
  private readonly termPairs = new WeakMap<MarkdownOutline, TermPair[]>();
  private readonly built = new Map<boolean, { version: number; entries: GlossaryEntry[] }>();

  constructor(private readonly library: LectureLibrary) {}

  entries(includeDrafts = false): GlossaryEntry[] {
    const version = this.library.version;
    const known = this.built.get(includeDrafts);
    if (known?.version === version) return known.entries;
    const sources = this.library.readable(includeDrafts).map((lecture) => {
      let pairs = this.termPairs.get(lecture.outline);
      if (!pairs) this.termPairs.set(lecture.outline, (pairs = extractTermPairs(lecture.body, lecture.outline.headings)));
      return { slug: lecture.slug, title: lecture.title, sections: lecture.outline.sections, pairs };
    });
    const entries = buildGlossary(sources);
    this.built.set(includeDrafts, { version, entries });
    return entries;
  }
}
