/// <reference lib="webworker" />
/**
 * The Markdown worker: parsing, sanitizing, KaTeX and highlighting a lecture away from the page's thread. The
 * result goes back one step at a time, so that no single message takes the page long to receive.
 */
import type { RootContent } from 'hast';
import { markdownSteps } from './markdownTree.js';

export interface MarkdownRequest {
  id: number;
  markdown: string;
  formulaLabel: string;
}

export type MarkdownReply = { id: number; step: RootContent[] } | { id: number; done: true } | { id: number; error: string };

self.onmessage = (event: MessageEvent<MarkdownRequest>) => {
  const { id, markdown, formulaLabel } = event.data;
  const reply = (message: MarkdownReply) => self.postMessage(message);
  try {
    for (const step of markdownSteps(markdown, formulaLabel)) reply({ id, step });
    reply({ id, done: true });
  } catch (error) {
    reply({ id, error: (error as Error).message });
  }
};
