/**
 * The glossary of a loaded library, kept in step with it: built when first asked for and rebuilt only after the
 * library changed. Each lecture's term pairs come with its parse result (`ParsedLecture.terms`), so only changed
 * lectures are extracted again, and the library cache keeps them across starts.
 */
import type { GlossaryEntry } from '../common/api.js';
import type { LectureLibrary } from '../library/lectureLibrary.js';
import { buildGlossary } from './glossary.js';

export class LibraryGlossary {
  private readonly built = new Map<boolean, { version: number; entries: GlossaryEntry[] }>();

  constructor(private readonly library: LectureLibrary) {}

  entries(includeDrafts = false): GlossaryEntry[] {
    const version = this.library.version;
    const known = this.built.get(includeDrafts);
    if (known?.version === version) return known.entries;
    const sources = this.library
      .readable(includeDrafts)
      .map((lecture) => ({ slug: lecture.slug, title: lecture.title, sections: lecture.outline.sections, pairs: lecture.terms }));
    const entries = buildGlossary(sources);
    this.built.set(includeDrafts, { version, entries });
    return entries;
  }
}
