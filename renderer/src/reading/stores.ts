import { emptyReadingData, parseReadingData, type ReadingData, type ReadingStore } from '../../../core/common/readingData.js';
import type { ReadingDataBridge } from '../../../core/common/bridge.js';

const STORAGE_KEY = 'lecture-reader:reading-data';

/**
 * Browser mode and classroom students: the data stays in this browser's own storage. Nothing here talks to the
 * server, so a student's notes never reach the teacher's machine.
 */
const browserReadingStore: ReadingStore = {
  async load() {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? parseReadingData(JSON.parse(raw)) : emptyReadingData();
  },
  async save(data: ReadingData) {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(data));
  },
  onExternalChange(listener) {
    const onStorage = (event: StorageEvent) => {
      if (event.key !== STORAGE_KEY || !event.newValue) return;
      try {
        listener(parseReadingData(JSON.parse(event.newValue)));
      } catch {
        // Not ours to repair: the next save of this tab writes valid data.
      }
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  },
};

/** The desktop app: the data lives in the user-data folder, saved atomically by the main process. */
function bridgeReadingStore(bridge: ReadingDataBridge): ReadingStore {
  return { load: () => bridge.loadReadingData(), save: (data) => bridge.saveReadingData(data) };
}

export const readingStore: ReadingStore = window.lectureBridge ? bridgeReadingStore(window.lectureBridge) : browserReadingStore;

/**
 * A random id. `crypto.randomUUID` exists only in secure contexts, and a classroom's `http://<LAN address>` is
 * not one; `getRandomValues` is available everywhere.
 */
export function newId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
