/**
 * The sandboxed preload: exposes the typed bridge (the contract's data methods and classroom sharing) and
 * nothing else. No ipcRenderer, no Node, no way to name a channel from the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_CHANNELS, LIBRARY_CHANGED_EVENT, type LectureBridge } from '../../core/common/bridge.js';

const bridge: LectureBridge = {
  getLibrary: (options) => ipcRenderer.invoke(BRIDGE_CHANNELS.getLibrary, options),
  getArticle: (slug, options) => ipcRenderer.invoke(BRIDGE_CHANNELS.getArticle, slug, options),
  search: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.search, request),
  getProblems: () => ipcRenderer.invoke(BRIDGE_CHANNELS.getProblems),
  getOfflineStatus: () => ipcRenderer.invoke(BRIDGE_CHANNELS.getOfflineStatus),
  getSharing: () => ipcRenderer.invoke(BRIDGE_CHANNELS.getSharing),
  startSharing: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.startSharing, request),
  stopSharing: () => ipcRenderer.invoke(BRIDGE_CHANNELS.stopSharing),
  onLibraryChanged: (listener) => {
    const handler = () => listener();
    ipcRenderer.on(LIBRARY_CHANGED_EVENT, handler);
    return () => ipcRenderer.removeListener(LIBRARY_CHANGED_EVENT, handler);
  },
};

contextBridge.exposeInMainWorld('lectureBridge', bridge);
