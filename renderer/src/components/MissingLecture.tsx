import { useEffect, useState } from 'react';
import type { SearchHit } from '../../../core/common/api.js';
import { api } from '../api/index.js';
import type { Strings } from '../i18n.js';
import { LectureLink } from './LectureLink.js';

/** Lectures that might be the one asked for: a search for the words of its slug. */
const SUGGESTIONS = 5;

/** A lecture the library does not have (an old link, a lecture not downloaded yet): a way back and a search. */
export function MissingLecture({
  slug,
  includeDrafts,
  strings,
  onOpen,
}: {
  slug: string;
  includeDrafts: boolean;
  strings: Strings;
  onOpen: (slug: string) => void;
}) {
  const words = slug.replace(/[-_]+/g, ' ').trim();
  const [suggestions, setSuggestions] = useState<SearchHit[]>([]);
  useEffect(() => {
    let current = true;
    setSuggestions([]);
    if (words)
      api.search({ q: words, limit: SUGGESTIONS, includeDrafts }).then(
        (answer) => current && setSuggestions(answer.results),
        () => undefined,
      );
    return () => {
      current = false;
    };
  }, [words, includeDrafts]);

  return (
    <section className="missing-article">
      <h1>{strings.lectureMissing}</h1>
      <p>{strings.notInLibrary}</p>
      {suggestions.length > 0 && (
        <>
          <h2>{strings.maybeYouMeant(words)}</h2>
          <ul className="missing-suggestions">
            {suggestions.map((hit) => (
              <li key={hit.slug}>
                <LectureLink slug={hit.slug} onOpen={onOpen}>
                  {hit.title}
                </LectureLink>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href="#/">← {strings.allLectures}</a>
      </p>
    </section>
  );
}
