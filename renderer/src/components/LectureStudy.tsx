import { useEffect, useState, type RefObject } from 'react';
import { HIGHLIGHT_COLORS, type Highlight, type HighlightColor } from '../../../core/common/readingData.js';
import type { Strings } from '../i18n.js';
import { describe, locate } from '../reading/anchor.js';
import { paint } from '../reading/paint.js';
import { useReading } from '../reading/ReadingContext.js';
import { newId } from '../reading/stores.js';
import { currentTextIndex } from '../reading/textIndex.js';
import { NoteEditor } from './NoteEditor.js';

interface LectureStudyProps {
  slug: string;
  /** The lecture's rendered body; `bodyText` is the Markdown it shows once fully rendered (empty before). */
  body: RefObject<HTMLElement | null>;
  bodyText: string;
  strings: Strings;
}

interface Selected {
  start: number;
  end: number;
  text: string;
  top: number;
  left: number;
}

/** The student's highlights drawn on the lecture, the toolbar over a selection, and the ones that no longer fit. */
export function LectureStudy({ slug, body, bodyText, strings }: LectureStudyProps) {
  const reading = useReading();
  const highlights = reading.data.highlights;
  const [unplaced, setUnplaced] = useState<Highlight[]>([]);
  const [selected, setSelected] = useState<Selected | null>(null);
  const [editing, setEditing] = useState<{ highlight?: Highlight; selection?: Selected } | null>(null);

  useEffect(() => {
    // Until the lecture is fully rendered, a passage not yet on the page is not lost.
    if (!body.current || !bodyText) return;
    const own = highlights.filter((item) => item.slug === slug);
    // Indexing a huge lecture's text takes a while: not done for a lecture with no highlights.
    if (!own.length) return setUnplaced([]);
    const index = currentTextIndex(body.current);
    const byColor = new Map<HighlightColor, Range[]>(HIGHLIGHT_COLORS.map((color) => [color, []]));
    const lost: Highlight[] = [];
    for (const highlight of own) {
      const place = locate(index.text, highlight.anchor);
      if (place) byColor.get(highlight.color)!.push(index.range(...place));
      else lost.push(highlight);
    }
    for (const [color, ranges] of byColor) paint(`reading-${color}`, ranges);
    setUnplaced(lost);
    return () => HIGHLIGHT_COLORS.forEach((color) => paint(`reading-${color}`, []));
  }, [highlights, slug, bodyText, body]);

  useEffect(() => {
    const onSelection = () => {
      const selection = document.getSelection();
      const container = body.current;
      if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !container) return setSelected(null);
      const range = selection.getRangeAt(0);
      if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return setSelected(null);
      const index = currentTextIndex(container);
      const start = index.offsetOf(range.startContainer, range.startOffset);
      const end = index.offsetOf(range.endContainer, range.endOffset);
      if (start < 0 || end <= start || !index.text.slice(start, end).trim()) return setSelected(null);
      const box = range.getBoundingClientRect();
      setSelected({ start, end, text: index.text, top: box.top + window.scrollY, left: box.left + box.width / 2 + window.scrollX });
    };
    document.addEventListener('selectionchange', onSelection);
    return () => document.removeEventListener('selectionchange', onSelection);
  }, [body]);

  const add = (selection: Selected, color: HighlightColor, note = '') => {
    reading.addHighlight({
      id: newId(),
      slug,
      anchor: describe(selection.text, selection.start, selection.end),
      color,
      note,
      createdAt: new Date().toISOString(),
    });
    document.getSelection()?.removeAllRanges();
    setSelected(null);
  };

  return (
    <>
      {selected && (
        <div
          className="selection-toolbar"
          role="toolbar"
          aria-label={strings.highlightToolbar}
          style={{ top: selected.top, left: selected.left }}
          onMouseDown={(event) => event.preventDefault()}
        >
          {HIGHLIGHT_COLORS.map((color) => (
            <button
              key={color}
              type="button"
              className={`swatch swatch-${color}`}
              aria-label={`${strings.highlight}: ${strings.colors[color]}`}
              title={`${strings.highlight}: ${strings.colors[color]}`}
              onClick={() => add(selected, color)}
            />
          ))}
          <button type="button" className="toolbar-note" onClick={() => setEditing({ selection: selected })}>
            {strings.note}
          </button>
        </div>
      )}
      {editing && (
        <NoteEditor
          strings={strings}
          quote={editing.highlight?.anchor.quote ?? editing.selection!.text.slice(editing.selection!.start, editing.selection!.end)}
          note={editing.highlight?.note ?? ''}
          onSave={(note) => {
            if (editing.highlight) reading.updateHighlight(editing.highlight.id, { note });
            else add(editing.selection!, 'yellow', note);
            setEditing(null);
          }}
          onClose={() => setEditing(null)}
        />
      )}
      {unplaced.length > 0 && (
        <section className="unplaced" aria-labelledby="unplaced-heading">
          <h2 id="unplaced-heading">{strings.unplacedHeading}</h2>
          <p>{strings.unplacedHint}</p>
          <ul>
            {unplaced.map((item) => (
              <li key={item.id}>
                <blockquote>{item.anchor.quote}</blockquote>
                {item.note && <p className="note-text">{item.note}</p>}
                <button type="button" className="link-button" onClick={() => reading.removeHighlight(item.id)}>
                  {strings.removeHighlight}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
