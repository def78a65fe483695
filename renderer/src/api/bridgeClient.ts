import type { ClassroomSharingApi, LectureApi } from '../../../core/common/api.js';
import type { LectureBridge } from '../../../core/common/bridge.js';
import { assetRoute } from '../../../core/common/routes.js';

export type { LectureBridge };

/** The contract over the desktop app's preload bridge (IPC to the main process). */
export class BridgeLectureApi implements LectureApi {
  constructor(private readonly bridge: LectureBridge) {}
  getLibrary: LectureApi['getLibrary'] = (options) => this.bridge.getLibrary(options);
  getArticle: LectureApi['getArticle'] = (slug, options) => this.bridge.getArticle(slug, options);
  search: LectureApi['search'] = (request) => this.bridge.search(request);
  getProblems: LectureApi['getProblems'] = () => this.bridge.getProblems();
  getOfflineStatus: LectureApi['getOfflineStatus'] = () => this.bridge.getOfflineStatus();
  onLibraryChanged = (listener: () => void) => this.bridge.onLibraryChanged(listener);
  sharing: ClassroomSharingApi = {
    getSharing: () => this.bridge.getSharing(),
    startSharing: (request) => this.bridge.startSharing(request),
    stopSharing: () => this.bridge.stopSharing(),
  };
  /** Assets are served by the app's own protocol, at the same path as over HTTP. */
  assetUrl(assetPath: string): string {
    return assetRoute(assetPath);
  }
}
