import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodePng } from '../../scripts/png.js';

/** A real, tiny PNG (1×1) whose colour depends on `seed`, so the bytes are a valid image. */
export function tinyPng(seed = 0): Buffer {
  return encodePng(1, 1, Buffer.from([seed & 255, 128, 64, 255]));
}

export type Route = (request: http.IncomingMessage, response: http.ServerResponse) => void;

/** A local HTTP server on 127.0.0.1 answering each path with its route; every request is counted. */
export async function startImageServer(
  routes: Record<string, Route>,
): Promise<{ url: (path: string) => string; hits: Map<string, number>; close(): Promise<void> }> {
  const hits = new Map<string, number>();
  const server = http.createServer((request, response) => {
    const path = request.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes[path];
    if (route) route(request, response);
    else response.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
