/**
 * The EPUB's XML bookkeeping: META-INF/container.xml (where the package is), the package document (metadata,
 * manifest, reading order) and toc.ncx (the table of contents for EPUB 2 readers, which ignore nav.xhtml).
 */
import { escapeXml } from './xhtml.js';

export const CONTENT_FOLDER = 'OEBPS';
export const PACKAGE_DOCUMENT = 'content.opf';
export const NCX = 'toc.ncx';

export const CONTAINER_XML = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="${CONTENT_FOLDER}/${PACKAGE_DOCUMENT}" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`;

export interface ManifestItem {
  id: string;
  /** Relative to the content folder. */
  href: string;
  mediaType: string;
  /** EPUB 3 item properties: `nav`, `mathml`. */
  properties?: string[];
  /** In the reading order (spine), in manifest order. */
  spine?: boolean;
}

export interface BookMetadata {
  identifier: string;
  title: string;
  /** The library's display name: the book's author as far as a reader's shelf is concerned. */
  creator: string;
  /** ISO date of the newest lecture in the book. */
  date: string;
  /** When the book was made. */
  modified: Date;
}

export function packageDocument(metadata: BookMetadata, items: ManifestItem[]): string {
  const modified = metadata.modified.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const manifest = items.map((item) => {
    const properties = item.properties?.length ? ` properties="${item.properties.join(' ')}"` : '';
    return `    <item id="${escapeXml(item.id)}" href="${escapeXml(item.href)}" media-type="${item.mediaType}"${properties}/>`;
  });
  const spine = items.filter((item) => item.spine).map((item) => `    <itemref idref="${escapeXml(item.id)}"/>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="vi">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="book-id">${escapeXml(metadata.identifier)}</dc:identifier>
    <dc:title>${escapeXml(metadata.title)}</dc:title>
    <dc:creator>${escapeXml(metadata.creator)}</dc:creator>
    <dc:language>vi</dc:language>
    <dc:date>${metadata.date}</dc:date>
    <meta property="dcterms:modified">${modified}</meta>
  </metadata>
  <manifest>
${manifest.join('\n')}
  </manifest>
  <spine toc="ncx">
${spine.join('\n')}
  </spine>
</package>
`;
}

export function ncxDocument(identifier: string, title: string, points: { title: string; href: string }[]): string {
  const navPoints = points.map(
    (point, index) => `    <navPoint id="point-${index + 1}" playOrder="${index + 1}">
      <navLabel><text>${escapeXml(point.title)}</text></navLabel>
      <content src="${escapeXml(point.href)}"/>
    </navPoint>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="vi">
  <head>
    <meta name="dtb:uid" content="${escapeXml(identifier)}"/>
    <meta name="dtb:depth" content="1"/>
    <meta name="dtb:totalPageCount" content="0"/>
    <meta name="dtb:maxPageNumber" content="0"/>
  </head>
  <docTitle><text>${escapeXml(title)}</text></docTitle>
  <navMap>
${navPoints.join('\n')}
  </navMap>
</ncx>
`;
}
