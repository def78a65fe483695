/**
 * The book's XHTML pages: the title page, the table of contents (nav) and each chapter's page around its content.
 * Every page is Vietnamese (`xml:lang`, `lang`) and UTF-8.
 */
import type { Element, ElementContent, Properties, Root } from 'hast';
import type { Heading } from '../../common/api.js';
import { formatVietnameseDate } from '../../common/dates.js';
import { xhtmlDocument } from './xhtml.js';

export const STYLESHEET = 'style.css';
export const NAV_PAGE = 'nav.xhtml';
export const TITLE_PAGE = 'title.xhtml';

/** A chapter as the pages need it. */
export interface ChapterPage {
  /** Path inside the content folder (`text/chapter-001.xhtml`). */
  path: string;
  title: string;
  date?: string;
  tags: string[];
  /** The top-level sections, for the table of contents. */
  headings: Heading[];
  content: Root;
}

function el(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

/** `depth` folders below the content folder: links to the stylesheet and other pages go up that many times. */
function page(title: string, body: ElementContent[], depth = 0): string {
  const up = '../'.repeat(depth);
  return xhtmlDocument(
    el('html', { xmlns: 'http://www.w3.org/1999/xhtml', 'xmlns:epub': 'http://www.idpf.org/2007/ops', 'xml:lang': 'vi', lang: 'vi' }, [
      el('head', {}, [
        el('meta', { charSet: 'UTF-8' }),
        el('title', {}, [text(title)]),
        el('link', { rel: ['stylesheet'], type: 'text/css', href: `${up}${STYLESHEET}` }),
      ]),
      el('body', {}, body),
    ]),
  );
}

/** `date`: the newest lecture's (what the book is up to), not when the file was written. */
export function titlePage(book: { title: string; libraryName: string; scope: string; chapters: number; date: string }): string {
  return page(book.title, [
    el('section', { 'epub:type': 'titlepage', className: ['title-page'] }, [
      el('h1', {}, [text(book.libraryName)]),
      ...(book.scope ? [el('p', { className: ['scope'] }, [text(book.scope)])] : []),
      el('p', {}, [text(`${book.chapters} bài giảng`)]),
      el('p', { className: ['date'] }, [text(`Bài mới nhất ngày ${formatVietnameseDate(book.date)}`)]),
    ]),
  ]);
}

/** The table of contents: each chapter, and under it its top-level sections. */
export function navPage(title: string, chapters: ChapterPage[]): string {
  const items = chapters.map((chapter) => {
    const sections = topSections(chapter.headings).map((heading) => el('li', {}, [el('a', { href: `${chapter.path}#${heading.id}` }, [text(heading.text)])]));
    return el('li', {}, [el('a', { href: chapter.path }, [text(chapter.title)]), ...(sections.length ? [el('ol', {}, sections)] : [])]);
  });
  return page(title, [
    el('nav', { 'epub:type': 'toc', id: 'toc' }, [
      el('h1', {}, [text('Mục lục')]),
      el('ol', {}, [el('li', {}, [el('a', { href: TITLE_PAGE }, [text('Trang bìa')])]), ...items]),
    ]),
  ]);
}

/** The headings of the highest level the lecture uses (a lecture may start its sections at `##` or at `#`). */
export function topSections(headings: Heading[]): Heading[] {
  const top = Math.min(...headings.map((heading) => heading.level));
  return headings.filter((heading) => heading.level === top && heading.id && heading.text);
}

export function chapterPage(chapter: ChapterPage): string {
  const about = [formatVietnameseDate(chapter.date), chapter.tags.map((tag) => `#${tag}`).join(' ')].filter(Boolean).join(' · ');
  return page(
    chapter.title,
    [
      el('section', { 'epub:type': 'chapter', className: ['chapter'] }, [
        el('header', {}, [
          el('h1', { className: ['chapter-title'] }, [text(chapter.title)]),
          ...(about ? [el('p', { className: ['about'] }, [text(about)])] : []),
        ]),
        ...(chapter.content.children as ElementContent[]),
      ]),
    ],
    chapter.path.split('/').length - 1,
  );
}
