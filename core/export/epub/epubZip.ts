/**
 * The EPUB container (OCF): a zip whose first entry is `mimetype`, stored uncompressed, so a reader can recognise
 * the file from its first bytes; everything else deflated. Written by fflate.
 */
import { zipSync, type Zippable } from 'fflate';

export const EPUB_MEDIA_TYPE = 'application/epub+zip';

/** `files`: path inside the book → bytes or text, in the order they are written after `mimetype`. */
export function epubZip(files: Map<string, Uint8Array | string>): Uint8Array {
  const encoder = new TextEncoder();
  const entries: Zippable = { mimetype: [encoder.encode(EPUB_MEDIA_TYPE), { level: 0 }] };
  for (const [name, content] of files) {
    // Images are already compressed: storing them saves time and costs nothing.
    entries[name] = typeof content === 'string' ? encoder.encode(content) : [content, { level: 0 }];
  }
  return zipSync(entries, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
}
