import type { LectureApi } from './api.js';

/** What the preload script exposes to the reader: the contract's data methods, nothing else. */
export type LectureBridge = Omit<LectureApi, 'assetUrl' | 'onLibraryChanged'> & {
  onLibraryChanged(listener: () => void): () => void;
};

/** Event sent by the main process when a library folder changed and was reloaded. */
export const LIBRARY_CHANGED_EVENT = 'lectures:library-changed';

/** IPC channel names, one per bridge method. */
export const BRIDGE_CHANNELS = {
  getLibrary: 'lectures:get-library',
  getArticle: 'lectures:get-article',
  search: 'lectures:search',
  getProblems: 'lectures:get-problems',
  getOfflineStatus: 'lectures:get-offline-status',
} as const satisfies Record<Exclude<keyof LectureBridge, 'onLibraryChanged'>, string>;
