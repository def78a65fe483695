import { useCallback, useEffect, useRef, useState } from 'react';
import type { LibrariesApi, LibrarySource, LibrarySync } from '../../../core/common/api.js';
import { formatVietnameseDate } from '../../../core/common/dates.js';
import { megabytes } from '../../../core/common/units.js';
import type { Strings } from '../i18n.js';
import { Panel } from './Panel.js';

interface LibrariesPanelProps {
  libraries: LibrariesApi;
  strings: Strings;
  /** Changes each time the app's menu asks to add a GitHub library: the address field gets the focus. */
  addRequest: number;
  /** A library was added, removed or updated: the reader loads the library again. */
  onChanged: () => void;
  onClose: () => void;
}

/** How often a download under way is asked for its progress. */
const PROGRESS_MS = 250;

/** The teacher's libraries (desktop app only): add one from GitHub, update, remove, make available offline. */
export function LibrariesPanel({ libraries, strings, addRequest, onChanged, onClose }: LibrariesPanelProps) {
  const [list, setList] = useState<LibrarySource[] | null>(null);
  const [address, setAddress] = useState('');
  const [sync, setSync] = useState<LibrarySync | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const refresh = useCallback(() => libraries.listLibraries().then(setList), [libraries]);
  useEffect(() => {
    void refresh();
    void libraries.getLibrarySync().then(setSync);
  }, [libraries, refresh]);
  useEffect(() => input.current?.focus(), [addRequest]);

  // A download under way is followed until it ends; then the list (and the reader) show the result.
  const running = sync?.state === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(
      () =>
        void libraries.getLibrarySync().then((next) => {
          setSync(next);
          if (next?.state === 'done') {
            void refresh();
            onChanged();
          }
        }),
      PROGRESS_MS,
    );
    return () => clearInterval(timer);
  }, [libraries, running, refresh, onChanged]);

  const act = async (id: string, action: () => Promise<unknown>) => {
    setBusy(id);
    try {
      await action();
      await refresh();
      onChanged();
    } finally {
      setBusy(null);
      setConfirming(null);
    }
  };

  const added = sync?.state === 'done' ? list?.find((entry) => entry.id === sync.id) : undefined;
  return (
    <Panel title={strings.libraries} closeLabel={strings.close} onClose={onClose} className="libraries-panel">
      <form
        className="library-add"
        onSubmit={(event) => {
          event.preventDefault();
          void libraries.addGitHubLibrary(address).then(setSync);
        }}
      >
        <label htmlFor="library-address">{strings.libraryAddTitle}</label>
        <p id="library-address-hint" className="muted">
          {strings.libraryAddressHint}
        </p>
        <div className="library-add-row">
          <input
            id="library-address"
            ref={input}
            type="text"
            value={address}
            spellCheck={false}
            autoComplete="off"
            aria-describedby="library-address-hint"
            aria-invalid={sync?.state === 'failed' && sync.error?.code === 'invalid-address'}
            onChange={(event) => setAddress(event.target.value)}
          />
          <button type="submit" className="share-action" disabled={running || !address.trim()}>
            {strings.libraryAdd}
          </button>
        </div>
        {running && (
          <div className="library-progress">
            <progress aria-label={strings.libraryDownloading(sync.address)} />
            <span role="status">{strings.libraryProgress(megabytes(sync.bytes), sync.files)}</span>
            <button type="button" className="share-action stop" onClick={() => void libraries.cancelLibrarySync().then(setSync)}>
              {strings.libraryCancel}
            </button>
          </div>
        )}
        {sync?.state === 'cancelled' && <p role="status">{strings.libraryCancelled}</p>}
        {sync?.state === 'done' && <p role="status">{strings.librarySynced[sync.outcome ?? 'downloaded'](added?.name ?? sync.address)}</p>}
        {sync?.state === 'failed' && sync.error && (
          <p role="alert" className="share-error">
            {strings.librarySyncErrors[sync.error.code]}
          </p>
        )}
      </form>
      {!list ? (
        <p className="muted">{strings.loading}</p>
      ) : (
        <ul className="library-list">
          {list.map((entry) => (
            <li key={entry.id} aria-busy={busy === entry.id}>
              <h3>{entry.name}</h3>
              <p className="muted library-where">
                {strings.libraryKinds[entry.kind]} · {entry.location}
              </p>
              <p className="library-facts">
                {strings.libraryFacts(entry.lectures, megabytes(entry.bytes))}
                {entry.updatedAt && ` · ${strings.libraryUpdatedAt(formatVietnameseDate(entry.updatedAt.slice(0, 10)))}`}
                <br />
                {strings.libraryImages(entry.images.available, entry.images.total)}
              </p>
              {confirming === entry.id ? (
                <div className="library-confirm" role="group" aria-label={strings.libraryRemove}>
                  <p>{strings.libraryRemoveAsk(entry.name, entry.kind)}</p>
                  <button
                    type="button"
                    className="share-action"
                    disabled={busy !== null}
                    onClick={() => void act(entry.id, () => libraries.removeLibrary(entry.id))}
                  >
                    {strings.libraryRemoveConfirm}
                  </button>
                  <button type="button" className="share-action stop" onClick={() => setConfirming(null)}>
                    {strings.libraryKeep}
                  </button>
                </div>
              ) : (
                <div className="library-actions">
                  <button
                    type="button"
                    disabled={busy !== null || running}
                    onClick={() =>
                      void (entry.kind === 'github' ? libraries.updateLibrary(entry.id).then(setSync) : act(entry.id, () => libraries.updateLibrary(entry.id)))
                    }
                  >
                    {strings.libraryUpdate}
                  </button>
                  {entry.images.available < entry.images.total && (
                    <button type="button" disabled={busy !== null} onClick={() => void act(entry.id, () => libraries.makeLibraryOffline(entry.id))}>
                      {strings.libraryMakeOffline}
                    </button>
                  )}
                  {entry.kind !== 'bundled' && (
                    <button type="button" disabled={busy !== null} onClick={() => setConfirming(entry.id)}>
                      {strings.libraryRemove}
                    </button>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
