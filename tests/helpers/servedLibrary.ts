import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, startServe, type RunningServer } from './browser.js';
import { makeLibrary } from './tempLibrary.js';

/**
 * For a `describe`: a throw-away library of these files served by the real `serve` command, and a Chromium,
 * both started before its tests and stopped (the library deleted) after them.
 */
export function servedLibrary(files: Record<string, string>): {
  readonly server: RunningServer;
  readonly browser: Browser;
  readonly library: ReturnType<typeof makeLibrary>;
} {
  const library = makeLibrary(files);
  const running = { library } as { server: RunningServer; browser: Browser; library: ReturnType<typeof makeLibrary> };
  before(async () => {
    running.server = await startServe([library.root]);
    running.browser = await launchBrowser();
  });
  after(async () => {
    await running.browser?.close();
    await running.server?.stop();
    library.cleanup();
  });
  return running;
}
