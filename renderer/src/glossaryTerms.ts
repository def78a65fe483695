import { useEffect, useState } from 'react';
import type { GlossaryTerm } from './markdown/glossaryMarks.js';
import { api } from './api/index.js';

/** Every glossary term in both directions (vi → en and en → vi), for marking them in a lecture. */
export function useGlossaryTerms(includeDrafts: boolean, revision: number): readonly GlossaryTerm[] {
  const [terms, setTerms] = useState<readonly GlossaryTerm[]>([]);
  useEffect(() => {
    let current = true;
    api.getGlossary({ includeDrafts }).then(
      (entries) =>
        current &&
        setTerms(
          entries.flatMap((entry) => [
            { term: entry.vi, counterpart: entry.en },
            { term: entry.en, counterpart: entry.vi },
          ]),
        ),
      // Without the glossary the lecture reads as before, only without the term popovers.
      () => current && setTerms([]),
    );
    return () => {
      current = false;
    };
  }, [includeDrafts, revision]);
  return terms;
}
