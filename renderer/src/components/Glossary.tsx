import { useEffect, useMemo, useState } from 'react';
import type { GlossaryEntry, GlossaryPlace } from '../../../core/common/api.js';
import { foldWord } from '../../../core/common/vietnamese.js';
import { api } from '../api/index.js';
import type { Strings } from '../i18n.js';

interface GlossaryProps {
  strings: Strings;
  includeDrafts: boolean;
  /** Changes when the library changed on disk: the glossary is fetched again. */
  revision: number;
  /** Filter text to start with (from a search). */
  initialFilter?: string;
  onOpen: (slug: string, section?: string) => void;
}

type Order = 'vi' | 'en';

/** Folded for comparing: "Ảo giác", "ao giac" and "ảo giác" read the same. */
function folded(text: string): string {
  return foldWord(text).replace(/\s+/g, ' ').trim();
}

function PlaceLink({ place, onOpen }: { place: GlossaryPlace; onOpen: GlossaryProps['onOpen'] }) {
  const href = `#/blog/${encodeURIComponent(place.lecture)}${place.section ? `/${encodeURIComponent(place.section)}` : ''}`;
  return (
    <a
      href={href}
      onClick={(event) => {
        event.preventDefault();
        onOpen(place.lecture, place.section || undefined);
      }}
    >
      {place.title}
      {place.sectionTitle && <span className="glossary-section"> › {place.sectionTitle}</span>}
    </a>
  );
}

/** "Thuật ngữ": every term pair of the library, A–Z in either language, filtered as the student types. */
export function Glossary({ strings, includeDrafts, revision, initialFilter = '', onOpen }: GlossaryProps) {
  const [entries, setEntries] = useState<GlossaryEntry[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [filter, setFilter] = useState(initialFilter);
  const [order, setOrder] = useState<Order>('vi');

  useEffect(() => {
    setFailed(false);
    api.getGlossary({ includeDrafts }).then(setEntries, () => setFailed(true));
  }, [includeDrafts, revision]);
  useEffect(() => {
    document.title = `${strings.glossary} · ${strings.appName}`;
  }, [strings]);

  const shown = useMemo(() => {
    const wanted = folded(filter);
    const list = (entries ?? []).filter(
      (entry) => !wanted || folded(`${entry.vi} ${entry.en}`).includes(wanted) || folded(`${entry.en} ${entry.vi}`).includes(wanted),
    );
    const key = (entry: GlossaryEntry) => (order === 'vi' ? entry.vi : entry.en);
    return [...list].sort((a, b) => key(a).localeCompare(key(b), order));
  }, [entries, filter, order]);

  const groups = useMemo(() => {
    const byLetter = new Map<string, GlossaryEntry[]>();
    for (const entry of shown) {
      const letter = foldWord((order === 'vi' ? entry.vi : entry.en).charAt(0)).toUpperCase();
      byLetter.set(letter, [...(byLetter.get(letter) ?? []), entry]);
    }
    return [...byLetter];
  }, [shown, order]);

  return (
    <section className="glossary" aria-labelledby="glossary-heading">
      <h1 id="glossary-heading">{strings.glossary}</h1>
      <p className="glossary-intro">{strings.glossaryIntro}</p>
      <div className="glossary-controls">
        <input
          type="search"
          aria-label={strings.glossaryFilter}
          placeholder={strings.glossaryFilter}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
        <div role="group" aria-label={strings.sortBy} className="glossary-order">
          {(['vi', 'en'] as const).map((value) => (
            <button key={value} type="button" aria-pressed={order === value} onClick={() => setOrder(value)}>
              {value === 'vi' ? strings.glossaryByVietnamese : strings.glossaryByEnglish}
            </button>
          ))}
        </div>
      </div>
      {failed && (
        <p className="error" role="alert">
          {strings.loadError}
        </p>
      )}
      {!entries && !failed && (
        <p className="loading" role="status">
          {strings.loading}
        </p>
      )}
      {entries && (
        <p className="glossary-count" role="status">
          {strings.glossaryCount(shown.length)}
        </p>
      )}
      {groups.map(([letter, items]) => (
        <section key={letter} className="glossary-letter" aria-label={letter}>
          <h2>{letter}</h2>
          <dl>
            {items.map((entry) => (
              <div key={`${entry.vi}|${entry.en}`} className="glossary-entry">
                <dt>
                  <span lang="vi">{order === 'vi' ? entry.vi : entry.en}</span>
                  <span className="glossary-equals"> = </span>
                  <span lang={order === 'vi' ? 'en' : 'vi'}>{order === 'vi' ? entry.en : entry.vi}</span>
                </dt>
                <dd>
                  {entry.definition && <p className="glossary-definition">{entry.definition}</p>}
                  <p className="glossary-places">
                    {strings.glossaryIntroduced} <PlaceLink place={entry.introduced} onOpen={onOpen} />
                  </p>
                  {entry.usedIn.length > 0 && (
                    <details>
                      <summary>{strings.glossaryUsedIn(entry.uses)}</summary>
                      <ul>
                        {entry.usedIn.map((place) => (
                          <li key={`${place.lecture}#${place.section}`}>
                            <PlaceLink place={place} onOpen={onOpen} />
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </section>
  );
}
