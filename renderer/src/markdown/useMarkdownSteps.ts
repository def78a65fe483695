/**
 * A lecture body's finished tree, made off the page's thread: a 2 MB lecture or 2,000 formulas take seconds to
 * parse and typeset, and the page must stay responsive meanwhile. It arrives in steps (see markdownWorker.ts).
 * Where no worker can be started (an old browser, a policy), the same work runs on the page, after the
 * lecture's title is shown.
 */
import type { RootContent } from 'hast';
import { useEffect, useState } from 'react';
import type { MarkdownReply, MarkdownRequest } from './markdownWorker.js';

interface Listener {
  step(step: RootContent[]): void;
  done(): void;
  /** The worker could not do it: the page does. */
  fail(): void;
}

let worker: Worker | null | undefined;
let nextId = 0;
const listeners = new Map<number, Listener>();

function startWorker(): Worker | null {
  try {
    const started = new Worker(new URL('./markdownWorker.ts', import.meta.url), { type: 'module' });
    started.onmessage = ({ data }: MessageEvent<MarkdownReply>) => {
      const listener = listeners.get(data.id);
      if (!listener) return;
      if ('step' in data) listener.step(data.step);
      else {
        listeners.delete(data.id);
        if ('done' in data) listener.done();
        else listener.fail();
      }
    };
    // A worker that fails to load: every request so far, and every later one, is done on the page instead.
    started.onerror = () => {
      worker = null;
      for (const listener of listeners.values()) listener.fail();
      listeners.clear();
    };
    return started;
  } catch {
    return null;
  }
}

function onPage(markdown: string, formulaLabel: string, listener: Listener): () => void {
  let cancelled = false;
  // Loaded only when needed: the pipeline is large, and the page starts faster without it.
  void import('./markdownTree.js').then(({ markdownSteps }) => {
    if (cancelled) return;
    for (const step of markdownSteps(markdown, formulaLabel)) listener.step(step);
    listener.done();
  });
  return () => {
    cancelled = true;
  };
}

function request(markdown: string, formulaLabel: string, listener: Listener): () => void {
  if (worker === undefined) worker = startWorker();
  if (!worker) return onPage(markdown, formulaLabel, listener);
  const id = ++nextId;
  let cancelFallback = () => {};
  listeners.set(id, { ...listener, fail: () => (cancelFallback = onPage(markdown, formulaLabel, listener)) });
  worker.postMessage({ id, markdown, formulaLabel } satisfies MarkdownRequest);
  return () => {
    listeners.delete(id);
    cancelFallback();
  };
}

export interface MarkdownSteps {
  steps: RootContent[][];
  /** Every step has arrived. */
  complete: boolean;
}

/** The steps of `markdown` that have arrived so far. */
export function useMarkdownSteps(markdown: string, formulaLabel: string): MarkdownSteps {
  const [state, setState] = useState<MarkdownSteps & { key: string }>({ key: '', steps: [], complete: false });
  const key = `${formulaLabel}\n${markdown}`;
  useEffect(() => {
    setState({ key, steps: [], complete: false });
    return request(markdown, formulaLabel, {
      step: (step) => setState((previous) => ({ ...previous, steps: [...previous.steps, step] })),
      done: () => setState((previous) => ({ ...previous, complete: true })),
      fail: () => {},
    });
  }, [key, markdown, formulaLabel]);
  return state.key === key ? state : { steps: [], complete: false };
}
