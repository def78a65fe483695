import { createContext, useContext } from 'react';

/** The library's tag labels (LibraryOverview.tagLabels), for every component that shows a tag. */
export const TagLabels = createContext<Readonly<Record<string, string>>>({});

/** How a tag is shown: the library's label (`Đạo đức`), else `#tag` as written. Tags stay slugs in filters. */
export function useTagLabel(): (tag: string) => string {
  const labels = useContext(TagLabels);
  return (tag) => (Object.hasOwn(labels, tag) ? labels[tag] : `#${tag}`);
}
