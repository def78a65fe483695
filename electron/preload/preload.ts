/**
 * The sandboxed preload: exposes the typed bridge (the contract's data methods and classroom sharing) and
 * nothing else. No ipcRenderer, no Node, no way to name a channel from the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { ADD_LIBRARY_EVENT, BRIDGE_CHANNELS, LIBRARY_CHANGED_EVENT, type LectureBridge } from '../../core/common/bridge.js';

const bridge: LectureBridge = {
  getLibrary: (options) => ipcRenderer.invoke(BRIDGE_CHANNELS.getLibrary, options),
  getLecture: (slug, options) => ipcRenderer.invoke(BRIDGE_CHANNELS.getLecture, slug, options),
  search: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.search, request),
  getProblems: () => ipcRenderer.invoke(BRIDGE_CHANNELS.getProblems),
  getOfflineStatus: () => ipcRenderer.invoke(BRIDGE_CHANNELS.getOfflineStatus),
  getGlossary: (options) => ipcRenderer.invoke(BRIDGE_CHANNELS.getGlossary, options),
  saveEpub: (selection) => ipcRenderer.invoke(BRIDGE_CHANNELS.saveEpub, selection),
  getSharing: () => ipcRenderer.invoke(BRIDGE_CHANNELS.getSharing),
  startSharing: (request) => ipcRenderer.invoke(BRIDGE_CHANNELS.startSharing, request),
  stopSharing: () => ipcRenderer.invoke(BRIDGE_CHANNELS.stopSharing),
  listLibraries: () => ipcRenderer.invoke(BRIDGE_CHANNELS.listLibraries),
  addGitHubLibrary: (address) => ipcRenderer.invoke(BRIDGE_CHANNELS.addGitHubLibrary, address),
  getLibrarySync: () => ipcRenderer.invoke(BRIDGE_CHANNELS.getLibrarySync),
  cancelLibrarySync: () => ipcRenderer.invoke(BRIDGE_CHANNELS.cancelLibrarySync),
  updateLibrary: (id) => ipcRenderer.invoke(BRIDGE_CHANNELS.updateLibrary, id),
  removeLibrary: (id) => ipcRenderer.invoke(BRIDGE_CHANNELS.removeLibrary, id),
  makeLibraryOffline: (id) => ipcRenderer.invoke(BRIDGE_CHANNELS.makeLibraryOffline, id),
  loadReadingData: () => ipcRenderer.invoke(BRIDGE_CHANNELS.loadReadingData),
  saveReadingData: (data) => ipcRenderer.invoke(BRIDGE_CHANNELS.saveReadingData, data),
  onAddLibraryRequested: (listener) => {
    const handler = () => listener();
    ipcRenderer.on(ADD_LIBRARY_EVENT, handler);
    return () => ipcRenderer.removeListener(ADD_LIBRARY_EVENT, handler);
  },
  onLibraryChanged: (listener) => {
    const handler = () => listener();
    ipcRenderer.on(LIBRARY_CHANGED_EVENT, handler);
    return () => ipcRenderer.removeListener(LIBRARY_CHANGED_EVENT, handler);
  },
};

contextBridge.exposeInMainWorld('lectureBridge', bridge);
