import type { Lecture } from '../library/lectureLibrary.js';
import type { SearchDocument } from './searchEngine.js';

/** A library lecture as the search engine sees it. */
export function toSearchDocument(lecture: Lecture): SearchDocument {
  return {
    key: lecture.path,
    fingerprint: lecture.fingerprint,
    slug: lecture.slug,
    title: lecture.title,
    tags: lecture.tags,
    description: lecture.description,
    visible: lecture.visible,
    sections: lecture.outline.sections,
  };
}
