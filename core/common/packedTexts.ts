/**
 * A lecture's section texts, kept deflated together (raw DEFLATE of their JSON array): the whole library's text is
 * what search, its snippets, the phrase check and the glossary's counts read, yet none of them reads more than a
 * few lectures' at a time — so the library and the search thread each hold it at about a quarter of the size of
 * JavaScript strings (two bytes a Vietnamese character), and unpack a lecture's when they need it. Plain web APIs
 * and fflate only: the browser's search engine unpacks the same bytes.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { Section } from './api.js';

/** A section without its text: where it is and what it is called. */
export type SectionPlace = Omit<Section, 'text'>;

/** Section texts as `packTexts` packs them; `unpackTexts` gives them back in order. */
export type PackedTexts = Uint8Array;

/** Level 1: the texts are packed once per parse, on the parse threads, and read back far more often. */
export function packTexts(texts: readonly string[]): PackedTexts {
  return deflateSync(strToU8(JSON.stringify(texts)), { level: 1 });
}

/** The texts `packTexts` packed; an empty list for bytes that are not such texts (never trusted to be). */
export function unpackTexts(packed: PackedTexts): string[] {
  try {
    const texts: unknown = JSON.parse(strFromU8(inflateSync(packed)));
    return Array.isArray(texts) ? texts.map((text) => (typeof text === 'string' ? text : '')) : [];
  } catch {
    return [];
  }
}

/** The sections with their texts (a section past the packed texts has none). */
export function withTexts<Place extends object>(sections: readonly Place[], packed: PackedTexts): (Place & { text: string })[] {
  const texts = unpackTexts(packed);
  return sections.map((section, index) => ({ ...section, text: texts[index] ?? '' }));
}

/** Packed texts as text (for JSON files: the static export's search documents) and back. */
export function packedToBase64(packed: PackedTexts): string {
  let binary = '';
  for (let start = 0; start < packed.length; start += 0x8000) binary += String.fromCharCode(...packed.subarray(start, start + 0x8000));
  return btoa(binary);
}

export function packedFromBase64(text: string): PackedTexts {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}
