import type { LectureApi } from '../../../core/common/api.js';
import { BridgeLectureApi, type LectureBridge } from './bridgeClient.js';
import { HttpLectureApi } from './httpClient.js';

declare global {
  interface Window {
    /** Present only inside the desktop app, exposed by the preload script. */
    lectureBridge?: LectureBridge;
  }
}

/** The one API the reader talks to: the preload bridge in the desktop app, the HTTP API in a browser. */
export const api: LectureApi = window.lectureBridge ? new BridgeLectureApi(window.lectureBridge) : new HttpLectureApi('');
