/**
 * The local HTTP server: the built reader, the JSON API of the contract, and lecture images. Read-only: it
 * answers GET and HEAD only, and nothing a client sends changes anything.
 *
 *   GET /api/library?drafts=1        LibraryOverview
 *   GET /api/articles/:slug          Article (404 when not in the library)
 *   GET /api/search?q=&tag=&limit=   SearchResponse
 *   GET /api/problems                Problem[]
 *   GET /api/version                 { version } of the library, polled by open readers
 *   GET /assets/:root/:path          a lecture image inside library folder `root`
 *   GET /blog/:slug                  the lecture site's address: redirected to the reader (common/lectureAddress.ts)
 *   anything else                    the reader (index.html for app routes)
 */
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { boundSearchRequest, type SearchResponse } from '../common/api.js';
import { lectureSiteRedirect } from '../common/lectureAddress.js';
import type { LectureService } from '../service/lectureService.js';
import { ASSET_CSP, COMMON_HEADERS, READER_CSP } from '../common/securityPolicy.js';

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

const flag = (value: unknown) => value === '1' || value === 'true';

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
    const etag = `W/"lib-${service.library.version}"`;
    reply.header('etag', etag).header('cache-control', 'no-cache');
    if (request.headers['if-none-match'] !== etag) return false;
    reply.code(304).send();
    return true;
  };

  app.get('/api/library', async (request, reply) => {
    if (revalidate(request, reply)) return reply;
    const query = request.query as Record<string, string>;
    return service.getLibrary({ includeDrafts: flag(query.drafts) });
  });

  app.get('/api/articles/:slug', async (request, reply) => {
    if (revalidate(request, reply)) return reply;
    const { slug } = request.params as { slug: string };
    const query = request.query as Record<string, string>;
    const article = await service.getArticle(slug, { includeDrafts: flag(query.drafts) });
    if (!article) return reply.code(404).send({ error: 'Not in the library', slug });
    return article;
  });

  // A classroom types the same queries: answers are kept per query for the current library version.
  const searchCache = new Map<string, SearchResponse>();
  let cachedVersion = service.library.version;
  app.get('/api/search', async (request, reply) => {
    if (revalidate(request, reply)) return reply;
    const query = request.query as Record<string, string | string[]>;
    const text = Array.isArray(query.q) ? query.q[0] : query.q;
    const tags = query.tag === undefined ? [] : Array.isArray(query.tag) ? query.tag : [query.tag];
    const search = boundSearchRequest({
      q: text ?? '',
      tags,
      limit: query.limit === undefined ? undefined : Number(query.limit),
      includeDrafts: flag(query.drafts),
    });
    if (cachedVersion !== service.library.version) {
      searchCache.clear();
      cachedVersion = service.library.version;
    }
    const key = JSON.stringify(search);
    const cached = searchCache.get(key);
    if (cached) return cached;
    const answer = await service.search(search);
    if (searchCache.size >= SEARCH_CACHE_SIZE) searchCache.delete(searchCache.keys().next().value!);
    searchCache.set(key, answer);
    return answer;
  });

  app.get('/api/problems', async () => service.getProblems());
  app.get('/api/version', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { version: service.library.version };
  });
  app.get('/api/offline', async () => service.getOfflineStatus());

  app.get('/assets/:root/*', async (request, reply) => {
    const { root, '*': relative } = request.params as { root: string; '*': string };
    return sendAsset(reply, await service.asset(root, relative));
  });

  app.get('/blog/*', async (request, reply) => {
    const target = lectureSiteRedirect(request.url.split('?')[0]);
    return target ? reply.header('cache-control', 'no-cache').redirect(target, 302) : reply.callNotFound();
  });

  await app.register(fastifyStatic, {
    root: path.resolve(rendererDir),
    index: ['index.html'],
    dotfiles: 'deny',
    serveDotFiles: false,
    list: false,
    wildcard: true,
  });

  // Every page of the reader carries the content security policy; built files are immutable (hashed names).
  app.addHook('onSend', async (request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html')) reply.header('content-security-policy', READER_CSP).header('cache-control', 'no-cache');
    else if (request.url.startsWith('/static/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
    return payload;
  });

  // App routes (the reader routes in the URL hash, but a reload of /blog/<slug> still gets the reader).
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.url.startsWith('/assets/') || path.extname(request.url.split('?')[0])) {
      return reply.code(404).send({ error: 'Not found' });
    }
    return reply.sendFile('index.html');
  });

  return app;
}

/** A lecture image: @fastify/static's sender gives ETag, Last-Modified, 304s and Range requests. */
async function sendAsset(reply: FastifyReply, asset: { file: string; type: string } | null) {
  if (!asset) return reply.code(404).send({ error: 'Not found' });
  reply.header('content-type', asset.type).header('content-security-policy', ASSET_CSP);
  return reply.sendFile(path.basename(asset.file), path.dirname(asset.file), { maxAge: 3600 * 1000, dotfiles: 'deny', contentType: false });
}

/** Starts the server and returns its URL. */
export async function startServer(options: ServerOptions): Promise<{ app: FastifyInstance; url: string }> {
  const app = await createServer(options);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ host, port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return { app, url: `http://${shownHost}:${port}/` };
}
