import type { BrowserContext } from 'playwright-core';
import { BRIDGE_CHANNELS, type BridgeMethod } from '../../core/common/bridge.js';
import { callBridge, type BridgeTargets } from '../../electron/main/bridgeRequests.js';

declare global {
  interface Window {
    callMainProcess(method: BridgeMethod, args: unknown[]): Promise<unknown>;
    /** Stands in for the main process's menu event: Tệp → Thêm thư viện từ GitHub… */
    menuAddLibrary(): void;
  }
}

/**
 * Desktop mode without the Electron binary: the context's pages get a `lectureBridge` whose every call goes to
 * `callBridge`, the main process's own validation and dispatch, over the targets as they are at call time. Only
 * the IPC transport (and the menu's event) are replaced.
 */
export async function exposeDesktopBridge(context: BrowserContext, targets: () => BridgeTargets): Promise<void> {
  await context.exposeBinding('callMainProcess', (_source, method: BridgeMethod, args: unknown[]) => callBridge(targets(), method, args));
  // A string, not a function: tsx's helpers (`__name`) would not exist in the page.
  await context.addInitScript({
    content: `{
      let addLibrary = () => undefined;
      const bridge = {
        onLibraryChanged: () => () => undefined,
        onAddLibraryRequested: (listener) => ((addLibrary = listener), () => undefined),
      };
      for (const method of ${JSON.stringify(Object.keys(BRIDGE_CHANNELS))}) bridge[method] = (...args) => window.callMainProcess(method, args);
      Object.defineProperty(window, 'lectureBridge', { value: Object.freeze(bridge) });
      window.menuAddLibrary = () => addLibrary();
    }`,
  });
}
