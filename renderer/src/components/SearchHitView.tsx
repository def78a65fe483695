import type { SearchHit, SnippetSegment } from '../../../core/common/api.js';
import type { Strings } from '../i18n.js';
import { useTagLabel } from '../tagLabels.js';

/** A snippet's segments as text and `<mark>` elements: the engine sends plain text, never markup. */
export function Snippet({ segments }: { segments: SnippetSegment[] }) {
  return <>{segments.map((segment, i) => (segment.marked ? <mark key={i}>{segment.text}</mark> : segment.text))}</>;
}

/** A hit's title, best section and snippet; for a hit found through the glossary, why (`viaLabel`: "qua thuật ngữ"). */
export function HitSummary({ hit, viaLabel }: { hit: SearchHit; viaLabel: string }) {
  return (
    <>
      <span className="hit-title">{hit.title}</span>
      {hit.section.title && <span className="hit-section">{hit.section.title}</span>}
      {hit.via && (
        <span className="hit-via">
          {viaLabel}: {hit.via}
        </span>
      )}
      <span className="hit-snippet">
        <Snippet segments={hit.snippet} />
      </span>
    </>
  );
}

/**
 * The tag filter search is narrowed by, said in the results with a way out: the chip removes it, and the count of
 * lectures matching outside it tells the student what the filter hides.
 */
export function TagFilterChip({ strings, tags, outside, onClear }: { strings: Strings; tags: string[]; outside?: number; onClear: () => void }) {
  const tagLabel = useTagLabel();
  if (tags.length === 0) return null;
  return (
    <p className="search-filter">
      <span className="filter-chip">
        {strings.onlyInTags(tags.map(tagLabel))}
        <button
          type="button"
          className="chip-remove"
          aria-label={strings.removeTagFilter}
          title={strings.removeTagFilter}
          onMouseDown={(event) => event.preventDefault()}
          onClick={onClear}
        >
          ✕
        </button>
      </span>
      {outside ? (
        <button type="button" className="link-button" onMouseDown={(event) => event.preventDefault()} onClick={onClear}>
          {strings.outsideTags(outside)}
        </button>
      ) : null}
    </p>
  );
}
