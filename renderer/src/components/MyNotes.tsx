import { useMemo, useState } from 'react';
import type { LectureSummary } from '../../../core/common/api.js';
import { parseReadingData } from '../../../core/common/readingData.js';
import { foldWord } from '../../../core/common/vietnamese.js';
import type { Strings } from '../i18n.js';
import { download, groupByLecture, notesMarkdown } from '../reading/exportNotes.js';
import { useReading } from '../reading/ReadingContext.js';
import { NoteEditor } from './NoteEditor.js';
import type { Highlight } from '../../../core/common/readingData.js';

interface MyNotesProps {
  articles: LectureSummary[];
  strings: Strings;
  onOpenHighlight: (slug: string, id: string) => void;
  onNotice: (message: string) => void;
}

/** "Ghi chú của tôi": every highlight and note, grouped by lecture, filterable, exportable, importable. */
export function MyNotes({ articles, strings, onOpenHighlight, onNotice }: MyNotesProps) {
  const reading = useReading();
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<Highlight | null>(null);
  const groups = useMemo(() => {
    const wanted = foldWord(filter.trim());
    const shown = wanted ? reading.data.highlights.filter((item) => foldWord(`${item.anchor.quote} ${item.note}`).includes(wanted)) : reading.data.highlights;
    return groupByLecture(shown, articles);
  }, [reading.data.highlights, articles, filter]);
  const today = new Date().toISOString().slice(0, 10);

  const importFile = async (file: File) => {
    try {
      const incoming = parseReadingData(JSON.parse(await file.text()));
      reading.importData(incoming);
      onNotice(strings.imported(incoming.highlights.length));
    } catch (error) {
      onNotice(strings.importFailed((error as Error).message));
    }
  };

  return (
    <section className="my-notes" aria-labelledby="notes-heading">
      <div className="list-head">
        <h1 id="notes-heading">{strings.myNotes}</h1>
      </div>
      <div className="notes-actions">
        <input
          type="search"
          aria-label={strings.filterNotes}
          placeholder={strings.filterNotes}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <button
          type="button"
          onClick={() =>
            download(`ghi-chu-${today}.md`, notesMarkdown(reading.data, articles, strings.myNotes, location.href.replace(/#.*$/, '')), 'text/markdown')
          }
        >
          {strings.exportMarkdown}
        </button>
        <button type="button" onClick={() => download(`du-lieu-doc-${today}.json`, JSON.stringify(reading.data, null, 2), 'application/json')}>
          {strings.exportData}
        </button>
        <label className="file-button">
          {strings.importData}
          <input
            type="file"
            accept="application/json,.json"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
      </div>
      {groups.length === 0 && <p className="empty">{strings.myNotesEmpty}</p>}
      {editing && (
        <NoteEditor
          strings={strings}
          quote={editing.anchor.quote}
          note={editing.note}
          onSave={(note) => {
            reading.updateHighlight(editing.id, { note });
            setEditing(null);
          }}
          onClose={() => setEditing(null)}
        />
      )}
      {groups.map((group) => (
        <section key={group.slug} className="notes-group" aria-label={group.title}>
          <h2>{group.title}</h2>
          <ul>
            {group.items.map((item) => (
              <li key={item.id} className={`note-item note-${item.color}`}>
                <blockquote>{item.anchor.quote}</blockquote>
                {item.note && <p className="note-text">{item.note}</p>}
                <p className="note-links">
                  <a
                    href={`#/blog/${encodeURIComponent(item.slug)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      onOpenHighlight(item.slug, item.id);
                    }}
                  >
                    {strings.openInLecture}
                  </a>
                  <button type="button" className="link-button" onClick={() => setEditing(item)}>
                    {strings.editNote}
                  </button>
                  <button type="button" className="link-button" onClick={() => reading.removeHighlight(item.id)}>
                    {strings.removeHighlight}
                  </button>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
