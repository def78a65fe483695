import type { ClassroomSharingApi, LectureApi, LibrariesApi } from './api.js';
import type { ReadingData } from './readingData.js';

/** The student's reading data in the app's user-data folder (the desktop's `ReadingStore`, over IPC). */
export interface ReadingDataBridge {
  loadReadingData(): Promise<ReadingData>;
  saveReadingData(data: ReadingData): Promise<void>;
}

/** What the preload script exposes to the reader: the contract's data methods, saving an e-book, classroom sharing and the teacher's libraries, nothing else. */
export type LectureBridge = Omit<LectureApi, 'assetUrl' | 'sizedImageUrl' | 'onLibraryChanged' | 'sharing' | 'libraries' | 'epubUrl' | 'saveEpub'> &
  Required<Pick<LectureApi, 'saveEpub'>> &
  ClassroomSharingApi &
  LibrariesApi &
  ReadingDataBridge & {
    onLibraryChanged(listener: () => void): () => void;
    onAddLibraryRequested(listener: () => void): () => void;
  };

/** Event sent by the main process when a library folder changed and was reloaded. */
export const LIBRARY_CHANGED_EVENT = 'lectures:library-changed';

/** Event sent by the main process when the user chose Tệp → Thêm thư viện từ GitHub… */
export const ADD_LIBRARY_EVENT = 'libraries:add-requested';

/** IPC channel names, one per bridge method. */
export const BRIDGE_CHANNELS = {
  getLibrary: 'lectures:get-library',
  getLecture: 'lectures:get-lecture',
  search: 'lectures:search',
  getProblems: 'lectures:get-problems',
  getOfflineStatus: 'lectures:get-offline-status',
  getGlossary: 'lectures:get-glossary',
  saveEpub: 'epub:save',
  getSharing: 'sharing:get',
  startSharing: 'sharing:start',
  stopSharing: 'sharing:stop',
  listLibraries: 'libraries:list',
  addGitHubLibrary: 'libraries:add-github',
  getLibrarySync: 'libraries:get-sync',
  cancelLibrarySync: 'libraries:cancel-sync',
  updateLibrary: 'libraries:update',
  removeLibrary: 'libraries:remove',
  makeLibraryOffline: 'libraries:make-offline',
  loadReadingData: 'reading:load',
  saveReadingData: 'reading:save',
} as const satisfies Record<Exclude<keyof LectureBridge, 'onLibraryChanged' | 'onAddLibraryRequested'>, string>;

export type BridgeMethod = keyof typeof BRIDGE_CHANNELS;
