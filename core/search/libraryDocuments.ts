import type { Lecture } from '../library/lectureLibrary.js';
import type { SearchDocument } from './searchEngine.js';
import { MARKDOWN_PRESET_VERSION } from '../common/markdown/preset.js';

/** A library lecture as the search engine sees it. */
export function toSearchDocument(lecture: Lecture): SearchDocument {
  return {
    key: lecture.path,
    // A saved index built from another version of the Markdown preset holds other section text: re-indexed.
    fingerprint: `${lecture.fingerprint}:md${MARKDOWN_PRESET_VERSION}`,
    slug: lecture.slug,
    title: lecture.title,
    tags: lecture.tags,
    description: lecture.description,
    visible: lecture.visible,
    sections: lecture.outline.sections,
    texts: lecture.outline.texts,
  };
}
