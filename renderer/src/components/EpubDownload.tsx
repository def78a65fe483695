import { useState } from 'react';
import type { EpubSelection } from '../../../core/common/api.js';
import { api } from '../api/index.js';
import type { Strings } from '../i18n.js';

interface EpubDownloadProps {
  selection: EpubSelection;
  label: string;
  strings: Strings;
}

/**
 * "Tải sách EPUB": in a browser a plain download link to the server's e-book (it works on a classroom's plain-HTTP
 * address); in the desktop app a button that makes the book and asks where to save it.
 */
export function EpubDownload({ selection, label, strings }: EpubDownloadProps) {
  const [state, setState] = useState<{ kind: 'idle' | 'making' | 'failed' } | { kind: 'saved'; file: string }>({ kind: 'idle' });
  const { saveEpub } = api;
  if (saveEpub) {
    const save = () => {
      setState({ kind: 'making' });
      saveEpub(selection).then(
        ({ file }) => setState(file ? { kind: 'saved', file } : { kind: 'idle' }),
        () => setState({ kind: 'failed' }),
      );
    };
    return (
      <span className="epub-download">
        <button type="button" className="link-button" onClick={save} disabled={state.kind === 'making'}>
          {label}
        </button>
        <span role="status">
          {state.kind === 'making'
            ? strings.epubMaking
            : state.kind === 'saved'
              ? strings.epubSaved(state.file)
              : state.kind === 'failed'
                ? strings.epubFailed
                : ''}
        </span>
      </span>
    );
  }
  const href = api.epubUrl?.(selection);
  if (!href) return null;
  return (
    <a className="link-button epub-download" href={href} download>
      {label}
    </a>
  );
}
