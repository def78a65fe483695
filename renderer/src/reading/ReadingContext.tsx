import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { emptyReadingData, mergeReadingData, type Highlight, type ReadingData } from '../../../core/common/readingData.js';
import { readingStore } from './stores.js';

export interface Reading {
  data: ReadingData;
  /** False until the saved data has been read: nothing is saved before, so nothing saved is overwritten. */
  loaded: boolean;
  /** Why the saved data could not be read or written, when it could not. */
  error: string | null;
  recordProgress(slug: string, position: number): void;
  toggleBookmark(slug: string): void;
  addHighlight(highlight: Highlight): void;
  updateHighlight(id: string, change: Partial<Pick<Highlight, 'note' | 'color'>>): void;
  removeHighlight(id: string): void;
  importData(incoming: ReadingData): void;
}

const ReadingContext = createContext<Reading | null>(null);

/** Progress is written as the reader scrolls: at most this often. */
const SAVE_DELAY_MS = 800;

export function ReadingProvider({ children }: { children: ReactNode }) {
  const [data, setData] = useState<ReadingData>(emptyReadingData);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // What the store holds as far as this page knows: nothing is written back that came from there.
  const stored = useRef<ReadingData | null>(null);
  useEffect(() => {
    readingStore.load().then(
      (saved) => {
        stored.current = saved;
        setData((current) => (current.highlights.length || Object.keys(current.progress).length ? mergeReadingData(saved, current) : saved));
        setLoaded(true);
      },
      (failure: Error) => setError(failure.message),
    );
    // Another tab of the same browser saved: take its data rather than overwrite it later.
    return readingStore.onExternalChange?.((saved) => {
      stored.current = saved;
      setData(saved);
    });
  }, []);

  const pending = useRef<ReadingData | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const flush = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const next = pending.current;
    pending.current = null;
    if (next) stored.current = next;
    if (next)
      readingStore.save(next).then(
        () => setError(null),
        (failure: Error) => setError(failure.message),
      );
  }, []);
  useEffect(() => {
    if (!loaded || data === stored.current) return;
    pending.current = data;
    if (!timer.current) timer.current = setTimeout(flush, SAVE_DELAY_MS);
  }, [data, loaded, flush]);
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [flush]);

  // Stable actions: components may depend on them without re-running on every change of the data.
  const actions = useMemo(
    () => ({
      recordProgress: (slug: string, position: number) =>
        setData((current) => {
          const furthest = Math.max(current.progress[slug]?.furthest ?? 0, position);
          return { ...current, progress: { ...current.progress, [slug]: { position, furthest, lastOpened: new Date().toISOString() } } };
        }),
      toggleBookmark: (slug: string) =>
        setData((current) => ({
          ...current,
          bookmarks: current.bookmarks.includes(slug) ? current.bookmarks.filter((item) => item !== slug) : [slug, ...current.bookmarks],
        })),
      addHighlight: (highlight: Highlight) => setData((current) => ({ ...current, highlights: [...current.highlights, highlight] })),
      updateHighlight: (id: string, change: Partial<Pick<Highlight, 'note' | 'color'>>) =>
        setData((current) => ({ ...current, highlights: current.highlights.map((item) => (item.id === id ? { ...item, ...change } : item)) })),
      removeHighlight: (id: string) => setData((current) => ({ ...current, highlights: current.highlights.filter((item) => item.id !== id) })),
      importData: (incoming: ReadingData) => setData((current) => mergeReadingData(current, incoming)),
    }),
    [],
  );
  const reading = useMemo<Reading>(() => ({ data, loaded, error, ...actions }), [data, loaded, error, actions]);
  return <ReadingContext.Provider value={reading}>{children}</ReadingContext.Provider>;
}

export function useReading(): Reading {
  const reading = useContext(ReadingContext);
  if (!reading) throw new Error('useReading outside ReadingProvider');
  return reading;
}
