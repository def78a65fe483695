/**
 * Content security policy of the reader, shared by the HTTP server and the Electron protocol handler: scripts,
 * styles, fonts and images only from the app itself; nothing remote, no frames, no plugins.
 * Inline styles are allowed because KaTeX positions glyphs with them; inline scripts are not.
 */
export const READER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  // The reader typesets lectures in a worker of its own (renderer/src/markdown/markdownWorker.ts).
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Served with every lecture image: an SVG opened directly can run no script and load nothing. */
export const ASSET_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

export const COMMON_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=()',
};
