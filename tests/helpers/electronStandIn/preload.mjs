/**
 * Runs a built preload script as Electron runs one in a sandboxed renderer (docs/tutorial/sandbox, "Preload
 * scripts"): in its own JavaScript context, with a `require` that loads only "a subset of Electron and Node's
 * built-in modules: electron (following renderer process modules: contextBridge, crashReporter, ipcRenderer,
 * nativeImage, webFrame, webUtils), events, timers, url", and the globals Buffer, process, clearImmediate and
 * setImmediate. The docs also say that require "does not support splitting your preload script across multiple
 * files": a relative require fails here as it does there.
 */
import events from 'node:events';
import { readFileSync } from 'node:fs';
import timers from 'node:timers';
import url from 'node:url';
import vm from 'node:vm';

/** Returns what the preload exposed to the page through contextBridge.exposeInMainWorld. */
export function runSandboxedPreload(file, webContents, { invokeFrom, ruleBroken }) {
  const exposed = {};
  let running = true;
  const contextBridge = {
    exposeInMainWorld(key, api) {
      // docs/api/context-bridge: the API is copied into the page's world once, while the preload runs.
      if (!running) throw ruleBroken('contextBridge.exposeInMainWorld after the preload ran');
      if (Object.hasOwn(exposed, key)) throw ruleBroken(`contextBridge.exposeInMainWorld('${key}') twice`);
      exposed[key] = api;
    },
  };
  const ipcRenderer = Object.assign(new events.EventEmitter(), {
    invoke: (channel, ...args) => invokeFrom(webContents.mainFrame, channel, args),
    on(channel, listener) {
      const listeners = webContents.rendererListeners.get(channel) ?? new Set();
      listeners.add(listener);
      webContents.rendererListeners.set(channel, listeners);
      return ipcRenderer;
    },
    removeListener(channel, listener) {
      webContents.rendererListeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  });
  const unavailable = (name) => ({
    get() {
      throw ruleBroken(`this stand-in does not provide electron.${name} to preloads`);
    },
  });
  const rendererElectron = Object.defineProperties(
    { contextBridge, ipcRenderer },
    Object.fromEntries(['crashReporter', 'nativeImage', 'webFrame', 'webUtils'].map((name) => [name, unavailable(name)])),
  );
  const builtIns = { electron: rendererElectron, events, timers, url };
  const sandboxRequire = (name) => {
    if (!Object.hasOwn(builtIns, name))
      throw ruleBroken(`a sandboxed preload cannot require '${name}' (docs/tutorial/sandbox: only electron, events, timers, url)`);
    return builtIns[name];
  };
  const context = vm.createContext({
    Buffer,
    process: { platform: process.platform, versions: process.versions, env: {} },
    setImmediate,
    clearImmediate,
    console,
  });
  const wrapper = vm.runInContext(`(function (exports, require, module) {${readFileSync(file, 'utf8')}\n})`, context, { filename: file });
  const module = { exports: {} };
  wrapper.call(module.exports, module.exports, sandboxRequire, module);
  running = false;
  return exposed;
}
