import type { ClassroomSharingApi, LectureApi, LibrariesApi } from '../../../core/common/api.js';
import type { LectureBridge } from '../../../core/common/bridge.js';
import type { ImageWidth } from '../../../core/common/imageSizes.js';
import { assetRoute, sizedImageRoute } from '../../../core/common/routes.js';

export type { LectureBridge };

/** The contract over the desktop app's preload bridge (IPC to the main process). */
export class BridgeLectureApi implements LectureApi {
  constructor(private readonly bridge: LectureBridge) {}
  getLibrary: LectureApi['getLibrary'] = (options) => this.bridge.getLibrary(options);
  getLecture: LectureApi['getLecture'] = (slug, options) => this.bridge.getLecture(slug, options);
  search: LectureApi['search'] = (request) => this.bridge.search(request);
  getProblems: LectureApi['getProblems'] = () => this.bridge.getProblems();
  getOfflineStatus: LectureApi['getOfflineStatus'] = () => this.bridge.getOfflineStatus();
  getGlossary: LectureApi['getGlossary'] = (options) => this.bridge.getGlossary(options);
  saveEpub: LectureApi['saveEpub'] = (selection) => this.bridge.saveEpub(selection);
  onLibraryChanged = (listener: () => void) => this.bridge.onLibraryChanged(listener);
  sharing: ClassroomSharingApi = {
    getSharing: () => this.bridge.getSharing(),
    startSharing: (request) => this.bridge.startSharing(request),
    stopSharing: () => this.bridge.stopSharing(),
  };
  libraries: LibrariesApi = {
    listLibraries: () => this.bridge.listLibraries(),
    addGitHubLibrary: (address) => this.bridge.addGitHubLibrary(address),
    getLibrarySync: () => this.bridge.getLibrarySync(),
    cancelLibrarySync: () => this.bridge.cancelLibrarySync(),
    updateLibrary: (id) => this.bridge.updateLibrary(id),
    removeLibrary: (id) => this.bridge.removeLibrary(id),
    makeLibraryOffline: (id) => this.bridge.makeLibraryOffline(id),
  };
  onAddLibraryRequested = (listener: () => void) => this.bridge.onAddLibraryRequested(listener);
  /** Assets are served by the app's own protocol, at the same path as over HTTP. */
  assetUrl(assetPath: string): string {
    return assetRoute(assetPath);
  }

  sizedImageUrl(assetPath: string, width: ImageWidth): string {
    return sizedImageRoute(assetPath, width);
  }
}
