import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Strings } from '../i18n.js';
import { elementOf, paint } from '../reading/paint.js';
import { currentTextIndex, foldedText, foldKeepingOffsets } from '../reading/textIndex.js';

const MAX_MATCHES = 2000;

/**
 * "Tìm trong bài": finds text in the open lecture, ignoring case and diacritics like the search does. Its
 * matches are drawn as CSS highlights (`find-match`, `find-current`), apart from the search's `<mark>`s, so
 * both can be on the page at once. A match inside a closed quiz answer opens it.
 */
export function FindBar({
  body,
  bodyText,
  focusRequest,
  strings,
  onClose,
}: {
  body: RefObject<HTMLElement | null>;
  bodyText: string;
  focusRequest: number;
  strings: Strings;
  onClose: () => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<Range[]>([]);
  const [current, setCurrent] = useState(0);

  useEffect(() => input.current?.select(), [focusRequest]);

  useEffect(() => {
    const wanted = foldKeepingOffsets(query.trim());
    if (!body.current || !wanted) return setMatches([]);
    const index = currentTextIndex(body.current);
    const text = foldedText(index);
    const found: Range[] = [];
    for (let at = text.indexOf(wanted); at >= 0 && found.length < MAX_MATCHES; at = text.indexOf(wanted, at + wanted.length))
      found.push(index.range(at, at + wanted.length));
    setMatches(found);
    setCurrent(0);
  }, [query, body, bodyText]);

  useEffect(() => {
    paint('find-match', matches);
    const range = matches[current];
    paint('find-current', range ? [range] : []);
    const element = range && elementOf(range);
    if (element) {
      for (let details = element.closest('details'); details; details = details.parentElement?.closest('details') ?? null) details.open = true;
      element.scrollIntoView({ block: 'center' });
    }
  }, [matches, current]);
  useEffect(
    () => () => {
      paint('find-match', []);
      paint('find-current', []);
    },
    [],
  );

  const step = (by: number) => matches.length && setCurrent((value) => (value + by + matches.length) % matches.length);
  return (
    <div className="find-bar" role="search" aria-label={strings.findInLecture}>
      <input
        ref={input}
        type="search"
        aria-label={strings.findInLecture}
        placeholder={strings.findInLecture}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            step(event.shiftKey ? -1 : 1);
          } else if (event.key === 'Escape') onClose();
        }}
      />
      <span className="find-count" role="status" aria-live="polite">
        {query.trim() ? strings.findCount(matches.length ? current + 1 : 0, matches.length) : ''}
      </span>
      <button type="button" className="icon-button" aria-label={strings.findPrevious} disabled={!matches.length} onClick={() => step(-1)}>
        ↑
      </button>
      <button type="button" className="icon-button" aria-label={strings.findNext} disabled={!matches.length} onClick={() => step(1)}>
        ↓
      </button>
      <button type="button" className="icon-button" aria-label={strings.close} onClick={onClose}>
        ✕
      </button>
    </div>
  );
}
