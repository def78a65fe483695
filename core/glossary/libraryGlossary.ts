/**
 * The glossary of a loaded library, kept in step with it: built when first asked for and rebuilt only after the
 * library changed. Each lecture's term pairs come with its parse result (`ParsedLecture.terms`), so only changed
 * lectures are extracted again, and the library cache keeps them across starts.
 */
import type { GlossaryEntry } from '../common/api.js';
import type { LectureLibrary } from '../library/lectureLibrary.js';
import { buildGlossary } from './glossary.js';
import { VersionedMap } from '../common/versionedMap.js';

export class LibraryGlossary {
  /** By drafts included and uses counted. */
  private readonly built = new VersionedMap<string, GlossaryEntry[]>();

  constructor(private readonly library: LectureLibrary) {}

  /** The whole glossary, each entry with the sections using it (the glossary page). */
  entries(includeDrafts = false): GlossaryEntry[] {
    return this.build(includeDrafts, true);
  }

  /** The entries without their uses counted: enough to find the terms a query names (search), built far faster. */
  terms(includeDrafts = false): GlossaryEntry[] {
    return this.build(includeDrafts, false);
  }

  private build(includeDrafts: boolean, withUses: boolean): GlossaryEntry[] {
    const built = this.built.at(this.library.version);
    const key = `${includeDrafts} ${withUses}`;
    const known = built.get(key);
    if (known) return known;
    const sources = this.library
      .readable(includeDrafts)
      .map((lecture) => ({ slug: lecture.slug, title: lecture.title, sections: lecture.outline.sections, texts: lecture.outline.texts, pairs: lecture.terms }));
    const entries = buildGlossary(sources, withUses);
    built.set(key, entries);
    return entries;
  }
}
