/**
 * "Lưu để đọc ngoại tuyến" on a static export (offline/offlineCopy.ts): the size of each choice first, then a
 * progress bar; once saved, what is kept and a way to remove it; back online after the library changed, the copy
 * updates itself and says so. Where no service worker can run (an http:// address that is not this machine's, such
 * as a classroom's), a short explanation and the e-book download take the button's place.
 */
import { useEffect, useId, useState } from 'react';
import { createPortal } from 'react-dom';
import { megabytes } from '../../../core/common/units.js';
import { api, isStaticExport } from '../api/index.js';
import { LIBRARY_UPDATED_EVENT } from '../api/staticClient.js';
import type { Strings } from '../i18n.js';
import {
  copyState,
  fetchExportManifest,
  offlinePossible,
  OfflineCopyError,
  planCopy,
  registerServiceWorker,
  removeCopy,
  saveCopy,
  updateCopy,
  type CopyPlan,
  type CopyState,
  type ImageChoice,
} from '../offline/offlineCopy.js';
import '../offline/offline.css';

const size = (bytes: number) => `${megabytes(bytes)} MB`;

/** `wholeBook`: the library makes one e-book (fitsOneBook), offered where an offline copy cannot be kept. */
export function OfflineCopy({ wholeBook, strings }: { wholeBook: boolean; strings: Strings }) {
  if (window.lectureBridge) return null;
  if (!window.isSecureContext) return <InsecureOrigin wholeBook={wholeBook} strings={strings} />;
  if (!isStaticExport || !offlinePossible()) return null;
  return <SaveControl strings={strings} />;
}

function InsecureOrigin({ wholeBook, strings }: { wholeBook: boolean; strings: Strings }) {
  // The whole library's e-book, from the server or the export (api.epubUrl decides where); a bigger library has none.
  const book = wholeBook ? api.epubUrl?.({}) : undefined;
  return (
    <section className="offline-copy" aria-label={strings.offlineSave}>
      <p>{strings.offlineInsecure}</p>
      {book && (
        <a className="offline-epub" href={book} download>
          {strings.offlineEpub}
        </a>
      )}
    </section>
  );
}

function SaveControl({ strings }: { strings: Strings }) {
  const [state, setState] = useState<CopyState | null>(null);
  const [plans, setPlans] = useState<Record<ImageChoice, CopyPlan> | null>(null);
  const [choice, setChoice] = useState<ImageChoice>('full');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const panelId = useId();

  const failure = (caught: unknown) => {
    setProgress(null);
    setError(caught instanceof OfflineCopyError && caught.reason === 'quota' ? strings.offlineQuota : strings.offlineNetwork);
  };

  useEffect(() => {
    void registerServiceWorker().catch(() => {});
    const update = async () => {
      const current = await copyState();
      setState(current);
      if (current.kind !== 'saved' || !navigator.onLine) return;
      const outcome = await updateCopy(current.copy).catch(() => null);
      if (!outcome) return;
      setState(await copyState());
      setAnnouncement(strings.offlineUpdated(outcome.changed, outcome.removed));
      window.dispatchEvent(new Event(LIBRARY_UPDATED_EVENT));
    };
    void update();
    window.addEventListener('online', update);
    return () => window.removeEventListener('online', update);
    // Once per page: the announcement is worded in the language of the moment it was made.
  }, []);

  const open = async () => {
    setError(null);
    try {
      const manifest = await fetchExportManifest();
      setPlans({ full: planCopy(manifest, 'full'), small: planCopy(manifest, 'small') });
    } catch (caught) {
      failure(caught);
    }
  };

  const save = async () => {
    if (!plans) return;
    setError(null);
    setProgress({ done: 0, total: plans[choice].bytes });
    try {
      const previous = state?.kind === 'saved' ? state.copy : null;
      const copy = await saveCopy(plans[choice], previous, (done, total) => setProgress({ done, total }));
      setState({ kind: 'saved', copy });
      setPlans(null);
      setProgress(null);
    } catch (caught) {
      failure(caught);
    }
  };

  const remove = async () => {
    await removeCopy();
    setState({ kind: 'none' });
  };

  if (!state) return null;
  return (
    <section className="offline-copy" aria-label={strings.offlineSave}>
      {state.kind === 'evicted' && <p>{strings.offlineEvicted}</p>}
      {state.kind === 'saved' && !plans && (
        <>
          <p className="offline-saved">{strings.offlineSaved(size(state.copy.bytes), state.copy.images === 'small')}</p>
          <button type="button" className="link-button" onClick={remove}>
            {strings.offlineRemove}
          </button>
        </>
      )}
      {state.kind !== 'saved' && (
        <button
          type="button"
          className="offline-save"
          aria-expanded={plans !== null}
          aria-controls={panelId}
          disabled={progress !== null}
          onClick={plans ? () => setPlans(null) : open}
        >
          {strings.offlineSave}
        </button>
      )}
      {plans && (
        <div id={panelId} className="offline-panel">
          <p>{strings.offlineIntro}</p>
          <fieldset disabled={progress !== null}>
            <legend>{strings.offlineImages}</legend>
            {(['full', 'small'] as const).map((option) => (
              <label key={option}>
                <input type="radio" name={`${panelId}-images`} checked={choice === option} onChange={() => setChoice(option)} />
                {option === 'full' ? strings.offlineFull : strings.offlineSmall} — {size(plans[option].bytes)}
              </label>
            ))}
          </fieldset>
          {progress ? (
            <>
              <progress max={progress.total || 1} value={progress.done} aria-label={strings.offlineProgress} />
              <p aria-live="polite">{strings.offlineSaving(size(progress.done), size(progress.total))}</p>
            </>
          ) : (
            <div className="offline-actions">
              <button type="button" className="offline-save" onClick={save}>
                {strings.offlineConfirm(size(plans[choice].bytes))}
              </button>
              <button type="button" className="link-button" onClick={() => setPlans(null)}>
                {strings.offlineCancel}
              </button>
            </div>
          )}
        </div>
      )}
      {error && <p role="alert">{error}</p>}
      {announcement &&
        createPortal(
          <div className="offline-announcement" role="status">
            {announcement}
            <button type="button" className="icon-button" aria-label={strings.close} onClick={() => setAnnouncement(null)}>
              ✕
            </button>
          </div>,
          document.body,
        )}
    </section>
  );
}
