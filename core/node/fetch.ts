/**
 * How the core downloads: the global `fetch` by default; the desktop app passes Electron's `net.fetch`, which
 * goes through Chromium's network stack and so honours the system proxy.
 */
export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;
