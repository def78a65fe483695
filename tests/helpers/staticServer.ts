/**
 * A plain static file server with no app logic, standing in for nginx or `python3 -m http.server`: a GET names a file
 * under `root` (a folder's index.html for a path ending in `/`), answered with a content type from its extension, or
 * 404. It can be stopped and started again on the same port: the same origin, as a school's server coming back.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export interface StaticServer {
  port: number;
  /** Bytes of response bodies sent since started (or since the last reset). */
  sent: { bytes: number; requests: string[] };
  stop(): Promise<void>;
}

export async function startStaticServer(root: string, port = 0): Promise<StaticServer> {
  const sent = { bytes: 0, requests: [] as string[] };
  const server: Server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = path.join(root, pathname);
    if (!file.startsWith(path.resolve(root))) return void response.writeHead(403).end();
    if (pathname.endsWith('/')) file = path.join(file, 'index.html');
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return void response.writeHead(404).end('Not found');
    sent.bytes += info.size;
    sent.requests.push(pathname);
    response.writeHead(200, { 'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream', 'content-length': info.size });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    sent,
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
