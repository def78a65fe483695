import { useCallback, useEffect, useRef, useState } from 'react';
import type { LibraryOverview, OfflineStatus, SearchHit } from '../../core/common/api.js';
import { lectureOfAddress } from '../../core/common/lectureAddress.js';
import { safeDecode } from '../../core/common/links.js';
import { api } from './api/index.js';
import { ContinueReading } from './components/ContinueReading.js';
import { Glossary } from './components/Glossary.js';
import { HistoryButtons } from './components/HistoryButtons.js';
import { LectureList } from './components/LectureList.js';
import { MyNotes } from './components/MyNotes.js';
import { LibrariesPanel } from './components/LibrariesPanel.js';
import { Reader } from './components/Reader.js';
import { SearchBox } from './components/SearchBox.js';
import { SearchResults } from './components/SearchResults.js';
import { SettingsPanel } from './components/SettingsPanel.js';
import { SharePanel } from './components/SharePanel.js';
import { Sidebar } from './components/Sidebar.js';
import { STRINGS, StringsContext } from './i18n.js';
import { useReading } from './reading/ReadingContext.js';
import { useSettings } from './settings.js';
import { TagLabels } from './tagLabels.js';

interface Route {
  slug?: string;
  section?: string;
  /** The glossary screen (`#/glossary`, or `#/glossary/<filter>` from a search). */
  glossary?: { filter: string };
  /** The full search results page (`#/search/<query>`). */
  search?: string;
  /** "Ghi chú của tôi". */
  notes?: boolean;
}

const NOTES_HASH = '#/notes';

/** Routes live in the URL hash (`#/blog/<slug>/<section>`), so they work over HTTP and the app protocol alike. */
function parseHash(hash: string): Route {
  if (hash === NOTES_HASH) return { notes: true };
  const glossary = /^#\/glossary(?:\/(.*))?$/.exec(hash);
  if (glossary) return { glossary: { filter: glossary[1] ? safeDecode(glossary[1]) : '' } };
  const search = /^#\/search\/(.+)$/.exec(hash);
  if (search) return { search: safeDecode(search[1]) };
  const match = /^#\/blog\/([^/]+)(?:\/(.+))?$/.exec(hash);
  if (!match) return {};
  return { slug: safeDecode(match[1]), section: match[2] ? safeDecode(match[2]) : undefined };
}

function hashFor(route: Route): string {
  if (!route.slug) return '#/';
  return `#/blog/${encodeURIComponent(route.slug)}${route.section ? `/${encodeURIComponent(route.section)}` : ''}`;
}

const NO_LABELS = {};

/** How often the app checks a running classroom share while its panel is closed (the panel checks on its own). */
const SHARING_CHECK_MS = 5000;

/** A lecture-site address the server redirected (`?lecture=<slug>#heading`) becomes the reader's own route. */
function routeOfAddress(): Route {
  const site = lectureOfAddress(location.search, location.hash);
  if (!site) return parseHash(location.hash);
  history.replaceState(null, '', location.pathname + hashFor(site));
  return site;
}

export function App() {
  const [settings, updateSettings] = useSettings();
  const strings = STRINGS[settings.language];
  const [library, setLibrary] = useState<LibraryOverview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [route, setRoute] = useState<Route>(routeOfAddress);
  const [highlight, setHighlight] = useState<string[] | undefined>();
  const [restore, setRestore] = useState<number | undefined>();
  // Where "Đọc tiếp" reopens a lecture, carried over the hash change it causes.
  const pendingRestore = useRef<number | undefined>(undefined);
  const [focusHighlight, setFocusHighlight] = useState<string | undefined>();
  const reading = useReading();
  // Where the student last was in each lecture, for a hash change that is not the app's own (Back, Forward).
  const readingProgress = useRef(reading.data.progress);
  readingProgress.current = reading.data.progress;
  const ownHashChange = useRef(false);
  const [selectedTags, setSelectedTags] = useState<string[]>([]);
  const [sidebarOpen, setSidebarOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [shareOpen, setShareOpen] = useState(false);
  const [sharingOn, setSharingOn] = useState(false);
  const [librariesOpen, setLibrariesOpen] = useState(false);
  // Tệp → Thêm thư viện từ GitHub… (desktop menu): the libraries panel, its address field focused.
  const [addLibraryRequest, setAddLibraryRequest] = useState(0);
  useEffect(
    () =>
      api.onAddLibraryRequested?.(() => {
        setLibrariesOpen(true);
        setAddLibraryRequest((value) => value + 1);
      }),
    [],
  );
  // Sharing runs on while its panel is closed: if it stops on its own (its Wi-Fi gone), open the panel, which says why.
  useEffect(() => {
    const sharing = api.sharing;
    if (!sharing || !sharingOn || shareOpen) return;
    const timer = setInterval(
      () =>
        void sharing.getSharing().then(
          (state) => {
            if (state.running) return;
            setSharingOn(false);
            setShareOpen(true);
          },
          () => {}, // asked again at the next check
        ),
      SHARING_CHECK_MS,
    );
    return () => clearInterval(timer);
  }, [sharingOn, shareOpen]);
  const [notice, setNotice] = useState<string | null>(null);

  const [offline, setOffline] = useState<OfflineStatus | null>(null);
  const loadLibrary = useCallback(() => {
    setLoadError(null);
    api.getLibrary({ includeDrafts: settings.showDrafts }).then(setLibrary, (error: Error) => setLoadError(error.message));
    api.getOfflineStatus().then(setOffline, () => setOffline(null));
  }, [settings.showDrafts]);
  useEffect(loadLibrary, [loadLibrary]);

  // In the desktop app, edits to a lecture folder show up at once.
  const [revision, setRevision] = useState(0);
  useEffect(
    () =>
      api.onLibraryChanged?.(() => {
        loadLibrary();
        setRevision((value) => value + 1);
      }),
    [loadLibrary],
  );

  useEffect(() => {
    const onHash = () => {
      const next = parseHash(location.hash);
      setRoute(next);
      // Back, Forward or a typed address reopens a lecture where the student last was in it, as a book would.
      const own = ownHashChange.current;
      setRestore(own ? pendingRestore.current : next.slug && !next.section ? readingProgress.current[next.slug]?.position : undefined);
      ownHashChange.current = false;
      pendingRestore.current = undefined;
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // Theme, font size and width are CSS variables on the root element.
  useEffect(() => {
    const root = document.documentElement;
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => root.setAttribute('data-theme', settings.theme === 'system' ? (media.matches ? 'dark' : 'light') : settings.theme);
    apply();
    root.style.setProperty('--reading-font-size', `${settings.fontSize}px`);
    root.setAttribute('data-width', settings.width);
    root.lang = settings.language;
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [settings]);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 4000);
    return () => clearTimeout(timer);
  }, [notice]);

  const open = useCallback((slug: string, section?: string, matched?: string[], position?: number, highlightId?: string) => {
    setHighlight(matched);
    setFocusHighlight(highlightId);
    setRestore(position);
    pendingRestore.current = position;
    setSidebarOpen(false);
    const next = hashFor({ slug, section });
    if (location.hash !== next) {
      ownHashChange.current = true;
      location.hash = next;
    } else setRoute(parseHash(next));
  }, []);
  const resume = useCallback((slug: string, position: number) => open(slug, undefined, undefined, position), [open]);
  const openHighlight = useCallback((slug: string, id: string) => open(slug, undefined, undefined, undefined, id), [open]);
  const openLecture = useCallback((slug: string, section?: string) => open(slug, section), [open]);
  const openHit = useCallback((hit: SearchHit, section = hit.section) => open(hit.slug, section.id || undefined, hit.matched), [open]);
  const showAllResults = useCallback((query: string) => {
    setSidebarOpen(false);
    location.hash = `#/search/${encodeURIComponent(query)}`;
  }, []);
  const clearTags = useCallback(() => setSelectedTags([]), []);
  const toggleTag = useCallback((tag: string) => {
    setSelectedTags((tags) => (tags.includes(tag) ? tags.filter((t) => t !== tag) : [...tags, tag]));
    setSidebarOpen(false);
    if (location.hash.startsWith('#/blog/')) location.hash = '#/';
  }, []);

  useEffect(() => {
    if (!route.slug && !route.glossary) document.title = route.notes ? `${strings.myNotes} · ${strings.appName}` : strings.appName;
  }, [route.slug, route.glossary, route.notes, strings.appName, strings.myNotes]);

  return (
    <StringsContext.Provider value={strings}>
      <div className="app">
        <a className="skip-link" href="#main-content" onClick={(event) => (event.preventDefault(), document.getElementById('main-content')?.focus())}>
          {strings.allLectures}
        </a>
        <header className="topbar">
          <button type="button" className="icon-button menu-button" aria-label={strings.menu} aria-expanded={sidebarOpen} onClick={() => setSidebarOpen(true)}>
            ☰
          </button>
          {api.sharing && <HistoryButtons strings={strings} />}
          <a className="brand" href="#/">
            <span className="brand-mark" aria-hidden="true">
              AI
            </span>
            <span className="brand-name">{strings.appName}</span>
          </a>
          <SearchBox
            strings={strings}
            tags={selectedTags}
            includeDrafts={settings.showDrafts}
            onOpen={openHit}
            onShowAll={showAllResults}
            onClearTags={clearTags}
          />
          {api.sharing && (
            <button
              type="button"
              className={`share-button${sharingOn ? ' on' : ''}`}
              aria-expanded={shareOpen}
              onClick={() => {
                setShareOpen((value) => !value);
                setSettingsOpen(false);
              }}
            >
              <span className="live-dot" aria-hidden="true" />
              {strings.share}
            </button>
          )}
          {api.libraries && (
            <button type="button" className="share-button" aria-expanded={librariesOpen} onClick={() => setLibrariesOpen((value) => !value)}>
              {strings.libraries}
            </button>
          )}
          <button
            type="button"
            className="icon-button"
            aria-label={strings.settings}
            aria-expanded={settingsOpen}
            onClick={() => {
              setSettingsOpen((value) => !value);
              setShareOpen(false);
            }}
          >
            ⚙
          </button>
        </header>
        {settingsOpen && <SettingsPanel settings={settings} strings={strings} onChange={updateSettings} onClose={() => setSettingsOpen(false)} />}
        {librariesOpen && api.libraries && (
          <LibrariesPanel
            libraries={api.libraries}
            strings={strings}
            addRequest={addLibraryRequest}
            onChanged={loadLibrary}
            onClose={() => setLibrariesOpen(false)}
          />
        )}
        {shareOpen && api.sharing && <SharePanel sharing={api.sharing} strings={strings} onRunningChange={setSharingOn} onClose={() => setShareOpen(false)} />}
        <TagLabels.Provider value={library?.tagLabels ?? NO_LABELS}>
          <div className="body">
            {library && (
              <Sidebar
                library={library}
                offline={offline}
                strings={strings}
                selectedTags={selectedTags}
                onToggleTag={toggleTag}
                onClearTags={clearTags}
                onOpenLecture={openLecture}
                onNavigate={() => setSidebarOpen(false)}
                notesOpen={Boolean(route.notes)}
                open={sidebarOpen}
                onClose={() => setSidebarOpen(false)}
              />
            )}
            {sidebarOpen && <div className="scrim" onClick={() => setSidebarOpen(false)} aria-hidden="true" />}
            <main id="main-content" tabIndex={-1}>
              {loadError && (
                <div className="error" role="alert">
                  {strings.loadError}: {loadError}{' '}
                  <button type="button" onClick={loadLibrary}>
                    {strings.retry}
                  </button>
                </div>
              )}
              {library?.missingFolders.map((folder) => (
                <div key={folder} className="error" role="alert">
                  {strings.missingFolder(folder)}
                </div>
              ))}
              {!library && !loadError && (
                <p className="loading" role="status">
                  {strings.loading}
                </p>
              )}
              {library && route.slug && (
                <Reader
                  slug={route.slug}
                  summary={library.articles.find((article) => article.slug === route.slug)}
                  section={route.section}
                  highlight={highlight}
                  restoreProgress={restore}
                  focusHighlight={focusHighlight}
                  includeDrafts={settings.showDrafts}
                  revision={revision}
                  strings={strings}
                  onOpen={openLecture}
                  onToggleTag={toggleTag}
                  onNotice={setNotice}
                />
              )}
              {reading.error && (
                <div className="error" role="alert">
                  {strings.readingDataError(reading.error)}
                </div>
              )}
              {library && route.notes && <MyNotes articles={library.articles} strings={strings} onOpenHighlight={openHighlight} onNotice={setNotice} />}
              {library && route.search && (
                <SearchResults
                  query={route.search}
                  tags={selectedTags}
                  includeDrafts={settings.showDrafts}
                  strings={strings}
                  onOpen={openHit}
                  onClearTags={clearTags}
                />
              )}
              {library && route.glossary && (
                <Glossary
                  key={route.glossary.filter}
                  strings={strings}
                  includeDrafts={settings.showDrafts}
                  revision={revision}
                  initialFilter={route.glossary.filter}
                  onOpen={openLecture}
                />
              )}
              {library && !route.slug && !route.search && !route.glossary && !route.notes && !selectedTags.length && (
                <ContinueReading articles={library.articles} strings={strings} onResume={resume} />
              )}
              {library && !route.slug && !route.search && !route.glossary && !route.notes && (
                <LectureList articles={library.articles} strings={strings} selectedTags={selectedTags} onOpen={openLecture} onToggleTag={toggleTag} />
              )}
            </main>
          </div>
        </TagLabels.Provider>
        <div className="toast" role="status" aria-live="polite">
          {notice}
        </div>
      </div>
    </StringsContext.Provider>
  );
}
