/**
 * The search engine for the browser: the core engine built over the published lectures only (a draft's words must
 * not reach students through the vocabulary or snippets), saved with its own `save`, and the documents it takes its
 * snippets from. The browser restores the one and syncs the other (renderer/src/search/searchWorker.ts).
 * Documents are keyed by slug: the saved index must not carry this machine's file paths.
 */
import { STATIC_FILES } from '../../common/staticSite.js';
import type { Lecture } from '../../library/lectureLibrary.js';
import { toStoredDocument } from '../../search/documentFile.js';
import { toSearchDocument } from '../../search/libraryDocuments.js';
import { SearchEngine } from '../../search/searchEngine.js';
import { jsonFile, type ExportFile } from './exportFiles.js';

export async function searchFiles(published: readonly Lecture[]): Promise<ExportFile[]> {
  const documents = published.map((lecture) => ({ ...toSearchDocument(lecture), key: lecture.slug }));
  const engine = new SearchEngine();
  engine.sync(documents);
  return [
    { path: STATIC_FILES.searchIndex, group: 'search', data: engine.save() },
    jsonFile(STATIC_FILES.searchDocuments, 'search', documents.map(toStoredDocument)),
  ];
}
