import { useEffect, useId, useRef, useState } from 'react';
import type { Strings } from '../i18n.js';

/** A modal dialog for the note on a passage: Esc or Huỷ leaves everything as it was. */
export function NoteEditor({
  strings,
  quote,
  note,
  onSave,
  onClose,
}: {
  strings: Strings;
  quote: string;
  note: string;
  onSave: (note: string) => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState(note);
  const headingId = useId();
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog ref={dialog} className="note-editor" aria-labelledby={headingId} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          onSave(text);
        }}
      >
        <h2 id={headingId}>{strings.note}</h2>
        <blockquote>{quote}</blockquote>
        <label>
          {strings.noteLabel}
          <textarea value={text} rows={5} autoFocus onChange={(event) => setText(event.target.value)} />
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {strings.cancel}
          </button>
          <button type="submit" className="primary">
            {strings.saveNote}
          </button>
        </div>
      </form>
    </dialog>
  );
}
