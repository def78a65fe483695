/**
 * Worker-thread side of the book's typesetting: a lecture's Markdown to its chapter tree (bookMarkdown.ts, then
 * chapterContent.ts's e-reader forms). Typesetting a long lecture takes a second of the CPU: on the server's or
 * the app's main thread it would hold every other request, and the window, that long.
 */
import type { Root } from 'hast';
import { removePosition } from 'unist-util-remove-position';
import { answerRequests } from '../../node/workerRequests.js';
import { bookTree } from './bookMarkdown.js';
import { forEReaders } from './chapterContent.js';

answerRequests((markdown: string): Root => {
  const tree = bookTree(markdown);
  forEReaders(tree);
  // Source positions are not needed in a book, and would double what crosses back from the thread.
  removePosition(tree);
  return tree;
});
