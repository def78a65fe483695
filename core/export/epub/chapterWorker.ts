/**
 * Worker-thread side of the book's typesetting: a lecture's Markdown to its chapter tree (bookMarkdown.ts, then
 * chapterContent.ts's e-reader forms). Typesetting a long lecture takes a second of the CPU: on the server's or
 * the app's main thread it would hold every other request, and the window, that long.
 */
import type { Root } from 'hast';
import { answerRequests } from '../../node/workerRequests.js';
import { bookTree } from './bookMarkdown.js';
import { forEReaders } from './chapterContent.js';

/** Source positions are not needed in a book, and would double what crosses back from the thread. */
function withoutPositions(node: { position?: unknown; children?: unknown[] }): void {
  delete node.position;
  if (node.children) for (const child of node.children) withoutPositions(child as typeof node);
}

answerRequests((markdown: string): Root => {
  const tree = bookTree(markdown);
  forEReaders(tree);
  withoutPositions(tree);
  return tree;
});
