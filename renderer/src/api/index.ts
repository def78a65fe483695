import type { LectureApi } from '../../../core/common/api.js';
import { STATIC_EXPORT_META } from '../../../core/common/staticSite.js';
import { BridgeLectureApi, type LectureBridge } from './bridgeClient.js';
import { HttpLectureApi } from './httpClient.js';
import { StaticLectureApi } from './staticClient.js';

declare global {
  interface Window {
    /** Present only inside the desktop app, exposed by the preload script. */
    lectureBridge?: LectureBridge;
  }
}

/** Whether this page is a static export (`cli export` marks its index.html): answers come from files, not a server. */
export const isStaticExport = document.querySelector(`meta[name="${STATIC_EXPORT_META}"]`) !== null;

/** The one API the reader talks to: the preload bridge in the desktop app, the export's files, or the HTTP API in a browser. */
export const api: LectureApi = window.lectureBridge
  ? new BridgeLectureApi(window.lectureBridge)
  : isStaticExport
    ? new StaticLectureApi()
    : new HttpLectureApi('');
