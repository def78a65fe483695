/**
 * Search documents as a JSON file holds them (the static export's search documents, read by the browser's search
 * worker): the packed section texts as base64.
 */
import { packedFromBase64, packedToBase64 } from '../common/packedTexts.js';
import type { SearchDocument } from './searchEngine.js';

export type StoredSearchDocument = Omit<SearchDocument, 'texts'> & { texts: string };

export const toStoredDocument = (document: SearchDocument): StoredSearchDocument => ({ ...document, texts: packedToBase64(document.texts) });

export const fromStoredDocument = (stored: StoredSearchDocument): SearchDocument => ({ ...stored, texts: packedFromBase64(stored.texts) });
