import type { LectureSummary } from '../../../core/common/api.js';
import type { Highlight, ReadingData } from '../../../core/common/readingData.js';

/** Highlights grouped by lecture, lectures in library order (unknown ones last, by slug). */
export function groupByLecture(highlights: Highlight[], articles: LectureSummary[]): { slug: string; title: string; items: Highlight[] }[] {
  const order = new Map(articles.map((article, index) => [article.slug, index]));
  const groups = new Map<string, Highlight[]>();
  for (const item of highlights) groups.set(item.slug, [...(groups.get(item.slug) ?? []), item]);
  return [...groups]
    .sort(([a], [b]) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b))
    .map(([slug, items]) => ({ slug, title: articles[order.get(slug) ?? -1]?.title ?? slug, items }));
}

const quoteLines = (text: string) =>
  text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');

/** Every highlight and note as one Markdown document, each lecture heading linking back to it in the reader. */
export function notesMarkdown(data: ReadingData, articles: LectureSummary[], title: string, readerUrl: string): string {
  const parts = [`# ${title}`, ''];
  for (const group of groupByLecture(data.highlights, articles)) {
    parts.push(`## [${group.title.replace(/[[\]]/g, '\\$&')}](${readerUrl}#/blog/${encodeURIComponent(group.slug)})`, '');
    for (const item of group.items) {
      parts.push(quoteLines(item.anchor.quote), '');
      if (item.note) parts.push(item.note, '');
    }
  }
  return parts.join('\n');
}

/** Offers `text` as a file download (desktop and browser alike). */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
