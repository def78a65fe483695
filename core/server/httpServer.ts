/**
 * The local HTTP server: the built reader, the JSON API of the contract, and lecture images. Read-only: it
 * answers GET and HEAD only, and nothing a client sends changes anything.
 *
 *   GET /api/library?drafts=1        LibraryOverview
 *   GET /api/articles/:slug          Article (404 when not in the library)
 *   GET /api/search?q=&tag=&limit=   SearchResponse
 *   GET /api/problems                Problem[]
 *   GET /api/version                 LibraryVersion, polled by open readers
 *   GET /api/offline                 OfflineStatus
 *   GET /assets/<asset path>         a lecture image (from a library folder or the image cache)
 *   anything else                    the reader (index.html for app routes)
 * (paths and query strings: common/routes.ts; what the reader and images get: readerRequests.ts)
 */
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SearchResponse } from '../common/api.js';
import { ASSETS_PREFIX, includesDrafts, ROUTES, searchRequestOf, type QueryParameters } from '../common/routes.js';
import type { LectureService } from '../service/lectureService.js';
import { COMMON_HEADERS } from '../common/securityPolicy.js';
import { isEveryInterface, urlHost } from './listenAddress.js';
import { answerReaderRequest } from './readerRequests.js';

export interface ServerOptions {
  service: LectureService;
  /** The built reader (Vite output). */
  rendererDir: string;
  host?: string;
  port?: number;
  /** Log each request to stdout. */
  log?: boolean;
  /** Told the client address of every request (the classroom's connected-students count). */
  onClient?: (address: string) => void;
}

/** Search answers kept for repeated queries (oldest dropped first). */
const SEARCH_CACHE_SIZE = 1000;

export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const { service, rendererDir } = options;
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`The reader is not built (${rendererDir}/index.html is missing). Run "npm run build" first.`);
  }
  const app = Fastify({ logger: options.log ?? false, routerOptions: { maxParamLength: 1000 }, return503OnClosing: true });

  // Text (pages, scripts, JSON) goes compressed; images are already compressed.
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });

  app.addHook('onRequest', async (request, reply) => {
    options.onClient?.(request.ip);
    for (const [name, value] of Object.entries(COMMON_HEADERS)) reply.header(name, value);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return reply.code(405).header('allow', 'GET, HEAD').send({ error: 'This server is read-only' });
    }
  });

  // No stack traces or local paths in responses.
  app.setErrorHandler((error: { statusCode?: number; message?: string }, _request, reply) => {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    reply.code(status).send({ error: status === 500 ? 'Internal error' : error.message });
  });

  // API answers depend only on the library's content: its version is their ETag, and repeat visits are 304s.
  const revalidate = (request: FastifyRequest, reply: FastifyReply): boolean => {
    const etag = `W/"lib-${service.getVersion().version}"`;
    reply.header('etag', etag).header('cache-control', 'no-cache');
    if (request.headers['if-none-match'] !== etag) return false;
    reply.code(304).send();
    return true;
  };

  app.get(ROUTES.library, async (request, reply) => {
    if (revalidate(request, reply)) return reply;
    return service.getLibrary({ includeDrafts: includesDrafts(request.query as QueryParameters) });
  });

  app.get(ROUTES.article, async (request, reply) => {
    if (revalidate(request, reply)) return reply;
    const { slug } = request.params as { slug: string };
    const article = await service.getArticle(slug, { includeDrafts: includesDrafts(request.query as QueryParameters) });
    if (!article) return reply.code(404).send({ error: 'Not in the library', slug });
    return article;
  });

  // A classroom types the same queries: answers are kept per query for the current library version.
  const searchCache = new Map<string, SearchResponse>();
  let cachedVersion = service.getVersion().version;
  app.get(ROUTES.search, async (request, reply) => {
    if (revalidate(request, reply)) return reply;
    const search = searchRequestOf(request.query as QueryParameters);
    if (cachedVersion !== service.getVersion().version) {
      searchCache.clear();
      cachedVersion = service.getVersion().version;
    }
    const key = JSON.stringify(search);
    const cached = searchCache.get(key);
    if (cached) return cached;
    const answer = await service.search(search);
    if (searchCache.size >= SEARCH_CACHE_SIZE) searchCache.delete(searchCache.keys().next().value!);
    searchCache.set(key, answer);
    return answer;
  });

  app.get(ROUTES.problems, async () => service.getProblems());
  app.get(ROUTES.version, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return service.getVersion();
  });
  app.get(ROUTES.offline, async () => service.getOfflineStatus());

  // Only for its file sender: ETag, Last-Modified, 304s and Range requests.
  await app.register(fastifyStatic, { root: path.resolve(rendererDir), serve: false });

  // Lecture images, the built reader, and the reader again for app routes (a reload of /blog/<slug>).
  app.get('/*', async (request, reply) => {
    const answer = await answerReaderRequest(request.url.split('?')[0], rendererDir, (root, relative) => service.asset(root, relative));
    reply.headers(answer.headers);
    if (answer.status === 302) return reply.redirect(answer.location, 302);
    if (answer.status !== 200) return reply.code(answer.status).send({ error: 'Not found' });
    const maxAge = request.url.startsWith(ASSETS_PREFIX) ? 3600 * 1000 : 0;
    return reply.sendFile(path.basename(answer.file), path.dirname(answer.file), { maxAge, contentType: false });
  });

  // Pages are revalidated; built files are immutable (hashed names).
  app.addHook('onSend', async (request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html')) reply.header('cache-control', 'no-cache');
    else if (request.url.startsWith('/static/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
    return payload;
  });

  return app;
}

/** Starts the server and returns its URL. */
export async function startServer(options: ServerOptions): Promise<{ app: FastifyInstance; url: string }> {
  const app = await createServer(options);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ host, port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = isEveryInterface(host) ? 'localhost' : urlHost(host);
  return { app, url: `http://${shownHost}:${port}/` };
}
