import type { ClassroomSharingApi, LectureApi } from './api.js';

/** What the preload script exposes to the reader: the contract's data methods and classroom sharing, nothing else. */
export type LectureBridge = Omit<LectureApi, 'assetUrl' | 'onLibraryChanged' | 'sharing'> &
  ClassroomSharingApi & {
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
  getSharing: 'sharing:get',
  startSharing: 'sharing:start',
  stopSharing: 'sharing:stop',
} as const satisfies Record<Exclude<keyof LectureBridge, 'onLibraryChanged'>, string>;

export type BridgeMethod = keyof typeof BRIDGE_CHANNELS;
