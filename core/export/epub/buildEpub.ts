/**
 * An EPUB 3 of a selection of the library (selection.ts): a title page, a table of contents (nav.xhtml and
 * toc.ncx), each lecture a chapter, its images embedded (bookImages.ts), formulas as MathML, quizzes open, links
 * between lectures of the book turned into links between chapters. Reads the library only through the contract's
 * views (published lectures, image assets), as the HTTP server does for students.
 */
import { createHash } from 'node:crypto';
import type { Root } from 'hast';
import type { EpubSelection, LectureDetail, LibraryOverview } from '../../common/api.js';
import { safeDecode } from '../../common/links.js';
import type { ImageFile } from '../../cache/thumbnails.js';
import { WorkerClient } from '../../node/workerRequests.js';
import { BookImages } from './bookImages.js';
import { chapterPage, navPage, NAV_PAGE, STYLESHEET, titlePage, TITLE_PAGE, type ChapterPage } from './bookPages.js';
import { BOOK_CSS } from './bookStyle.js';
import { anchorsOf } from '../../common/markdown/inPageLinks.js';
import { imagesOf, linkChapters, replaceWithPlaceholder, usesMathml } from './chapterContent.js';
import { epubZip } from './epubZip.js';
import { CONTAINER_XML, CONTENT_FOLDER, NCX, ncxDocument, packageDocument, PACKAGE_DOCUMENT, type ManifestItem } from './packageDocuments.js';
import { bookFileNames, planBook } from './selection.js';

/** What a book is made from: LectureService, or anything with its views. */
export interface BookSource {
  getLibrary(): Promise<LibraryOverview>;
  getLecture(slug: string): Promise<LectureDetail | null>;
  asset(root: string, relative: string): Promise<ImageFile | null>;
}

export interface Epub {
  bytes: Uint8Array;
  title: string;
  fileNames: { utf8: string; ascii: string };
  chapters: number;
  /** Images embedded, and images shown as their description (not available offline, or unreadable). */
  images: { embedded: number; missing: number };
}

const XHTML = 'application/xhtml+xml';
const MISSING_IMAGE_LABEL = 'Hình ảnh không có trong sách';

/**
 * `madeAt` is the book's `dcterms:modified` (its title page gives the newest lecture's date); a static export
 * passes a date of the library's own so that an unchanged library gives the same bytes and the file is not rewritten.
 */
export async function buildEpub(source: BookSource, selection: EpubSelection, madeAt = new Date()): Promise<Epub> {
  const now = madeAt;
  const overview = await source.getLibrary();
  const plan = planBook(overview, selection);

  // Every chapter's tree first (typeset on a thread of its own): a link to another chapter needs its anchors.
  const details = (await Promise.all(plan.lectures.map((lecture) => source.getLecture(lecture.slug)))).filter(
    (detail): detail is LectureDetail => detail !== null,
  );
  const typesetter = new WorkerClient<string, Root>(import.meta.url, 'chapterWorker');
  const trees = await Promise.all(details.map((detail) => typesetter.request(detail.body))).finally(() => typesetter.terminate());
  const chapters = details.map((detail, index) => {
    const content = trees[index];
    const file = `chapter-${String(index + 1).padStart(3, '0')}.xhtml`;
    return { detail, content, file, anchors: anchorsOf(content) };
  });
  const bySlug = new Map(chapters.map((chapter) => [chapter.detail.slug, chapter]));

  const images = new BookImages((root, relative) => source.asset(root, relative));
  let missing = 0;
  const pages: (ChapterPage & { mathml: boolean })[] = [];
  for (const chapter of chapters) {
    linkChapters(chapter.content, {
      anchors: chapter.anchors,
      chapterOf: (slug) => {
        const target = bySlug.get(slug);
        return target && { href: target.file, anchors: target.anchors };
      },
    });
    for (const image of imagesOf(chapter.content)) {
      const src = String(image.properties.src ?? '');
      const asset = chapter.detail.images[src] ?? chapter.detail.images[safeDecode(src)];
      const embedded = asset ? await images.embed(asset) : null;
      if (embedded) {
        image.properties.src = `../${embedded.path}`;
        image.properties.alt = String(image.properties.alt ?? '');
      } else {
        replaceWithPlaceholder(image, MISSING_IMAGE_LABEL);
        missing++;
      }
    }
    const { detail } = chapter;
    pages.push({
      path: `text/${chapter.file}`,
      title: detail.title,
      date: detail.date,
      tags: detail.tags.map((tag) => overview.tagLabels[tag] ?? tag),
      headings: detail.headings,
      content: chapter.content,
      mathml: usesMathml(chapter.content),
    });
  }

  const identifier = bookIdentifier(
    overview.name,
    pages.map((page) => page.path + page.title),
  );
  const newest =
    details
      .map((detail) => detail.date ?? '')
      .sort()
      .pop() || now.toISOString().slice(0, 10);
  const files = new Map<string, Uint8Array | string>();
  const items: ManifestItem[] = [];
  const add = (item: ManifestItem, content: Uint8Array | string) => {
    items.push(item);
    files.set(`${CONTENT_FOLDER}/${item.href}`, content);
  };
  add({ id: 'title', href: TITLE_PAGE, mediaType: XHTML, spine: true }, titlePage({ ...plan, chapters: pages.length, date: newest }));
  add({ id: 'nav', href: NAV_PAGE, mediaType: XHTML, properties: ['nav'], spine: true }, navPage(plan.title, pages));
  pages.forEach((page, index) =>
    add({ id: `chapter-${index + 1}`, href: page.path, mediaType: XHTML, properties: page.mathml ? ['mathml'] : [], spine: true }, chapterPage(page)),
  );
  add({ id: 'style', href: STYLESHEET, mediaType: 'text/css' }, BOOK_CSS);
  add(
    { id: 'ncx', href: NCX, mediaType: 'application/x-dtbncx+xml' },
    ncxDocument(identifier, plan.title, [{ title: 'Trang bìa', href: TITLE_PAGE }, ...pages.map((page) => ({ title: page.title, href: page.path }))]),
  );
  images.images.forEach((image, index) => add({ id: `image-${index + 1}`, href: image.path, mediaType: image.mediaType }, image.bytes));

  const opf = packageDocument({ identifier, title: plan.title, creator: plan.libraryName, date: newest, modified: now }, items);
  const zipped = epubZip(new Map([['META-INF/container.xml', CONTAINER_XML], [`${CONTENT_FOLDER}/${PACKAGE_DOCUMENT}`, opf], ...files]));
  return {
    bytes: zipped,
    title: plan.title,
    fileNames: bookFileNames(plan.title),
    chapters: pages.length,
    images: { embedded: images.images.length, missing },
  };
}

/** The same selection of the same library is the same book (a reader updates it rather than adding a second copy). */
function bookIdentifier(libraryName: string, chapters: string[]): string {
  const hex = createHash('sha256')
    .update(JSON.stringify([libraryName, chapters]))
    .digest('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
