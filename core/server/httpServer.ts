/**
 * The local HTTP server: the built reader, the JSON API of the contract, and lecture images. Read-only: it
 * answers GET and HEAD only, and nothing a client sends changes anything. It answers only Host names that are
 * this machine's (see hostCheck), shows drafts only when started to, names library folders without their
 * path, and bounds what a slow or greedy client can hold (timeouts, connections per address).
 *
 *   GET /api/library?drafts=1        LibraryOverview
 *   GET /api/articles/:slug          LectureDetail (404 when not in the library)
 *   GET /api/search?q=&tag=&limit=   SearchResponse
 *   GET /api/glossary                GlossaryEntry[]
 *   GET /api/problems                Problem[]
 *   GET /api/version                 LibraryVersion, polled by open readers
 *   GET /api/offline                 OfflineStatus
 *   GET /api/epub?tag=&lecture=      an EPUB of the published lectures chosen (all of them without either)
 *   GET /assets/<asset path>         a lecture image (from a library folder or the image cache)
 *   anything else                    the reader (index.html for app routes)
 * (paths and query strings: common/routes.ts; what the reader and images get: readerRequests.ts)
 */
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import ipaddr from 'ipaddr.js';
import { existsSync } from 'node:fs';
import type { Socket } from 'node:net';
import path from 'node:path';
import type { SearchResponse } from '../common/api.js';
import { epubSelectionOf, IMAGE_PREFIXES, includesDrafts, ROUTES, searchRequestOf, type QueryParameters } from '../common/routes.js';
import type { LectureService } from '../service/lectureService.js';
import { COMMON_HEADERS } from '../common/securityPolicy.js';
import { isOwnHost } from './hostCheck.js';
import { isEveryInterface, urlHost } from './listenAddress.js';
import { answerReaderRequest } from './readerRequests.js';
import { PrecompressedAnswers } from './precompressed.js';
import { attachmentHeader, EpubBusy, EpubDownloads, EPUB_WAIT_LIMIT_MS } from './epubDownloads.js';
import type { Epub } from '../export/epub/buildEpub.js';
import { EPUB_MEDIA_TYPE } from '../export/epub/epubZip.js';
import { EpubSelectionError } from '../export/epub/selection.js';
import { publicLibrary, publicProblems } from './publicAnswers.js';
import { VersionedMap } from '../common/versionedMap.js';

/** How long a client may take, and how many connections one address may hold. */
export interface ServerLimits {
  /** To send the request headers. */
  headersTimeoutMs: number;
  /** To send the whole request. */
  requestTimeoutMs: number;
  /** An idle kept-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** A connection with no traffic at all is closed after this. */
  idleTimeoutMs: number;
  /** How often the request and header timeouts are checked: a slow client is cut within timeout + this. */
  checkIntervalMs: number;
  /** Open connections one client address may hold (this machine's own loopback clients are not counted). */
  maxConnectionsPerClient: number;
}

/** A slow client is cut within 25 s; a phone's reader polls every 20 s and needs one or two connections. */
export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 20_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 20_000,
  checkIntervalMs: 5_000,
  maxConnectionsPerClient: 16,
};

export interface ServerOptions {
  service: LectureService;
  /** The built reader (Vite output). */
  rendererDir: string;
  host?: string;
  port?: number;
  /** Draft lectures over HTTP (`serve --drafts`); the desktop app's sharing never shares them. */
  drafts?: boolean;
  /** Host names answered besides this machine's addresses and localhost (`serve --allow-host`). */
  allowHosts?: string[];
  limits?: Partial<ServerLimits>;
  /** Log each request to stdout. */
  log?: boolean;
  /** Told the client address of every request (the classroom's connected-students count). */
  onClient?: (address: string) => void;
}

const DEFAULT_HOST = '127.0.0.1';

/** Search answers kept for repeated queries (oldest dropped first). */
const SEARCH_CACHE_SIZE = 1000;

export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const { service, rendererDir } = options;
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`The reader is not built (${rendererDir}/index.html is missing). Run "npm run build" first.`);
  }
  const limits = { ...DEFAULT_SERVER_LIMITS, ...options.limits };
  const app = Fastify({
    logger: options.log ?? false,
    routerOptions: { maxParamLength: 1000 },
    return503OnClosing: true,
    connectionTimeout: limits.idleTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    http: { headersTimeout: limits.headersTimeoutMs, connectionsCheckingInterval: limits.checkIntervalMs },
  });
  limitConnectionsPerClient(app, limits.maxConnectionsPerClient);
  const draftsShown = (query: unknown) => options.drafts === true && includesDrafts(query as QueryParameters);
  const listenHost = options.host ?? DEFAULT_HOST;

  // Text (pages, scripts, JSON) goes compressed; images are already compressed.
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });

  app.addHook('onRequest', async (request, reply) => {
    for (const [name, value] of Object.entries(COMMON_HEADERS)) reply.header(name, value);
    if (!isOwnHost(request.headers.host, listenHost, options.allowHosts)) {
      return reply.code(421).header('connection', 'close').send({ error: 'Misdirected request' });
    }
    options.onClient?.(request.ip);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return reply.code(405).header('allow', 'GET, HEAD').send({ error: 'This server is read-only' });
    }
    // A body on a read is never needed, and a trickled one only holds the connection.
    if (Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined) {
      return reply.code(400).header('connection', 'close').send({ error: 'A GET or HEAD request has no body' });
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

  const precompressed = new PrecompressedAnswers();
  app.get(ROUTES.library, async (request, reply) => {
    if (revalidate(request, reply)) return reply;
    const includeDrafts = draftsShown(request.query);
    return precompressed.send(request, reply, service.getVersion().version, `library ${includeDrafts}`, () => publicLibrary(service, includeDrafts));
  });

  app.get(ROUTES.lecture, async (request, reply) => {
    if (revalidate(request, reply)) return reply;
    const { slug } = request.params as { slug: string };
    const includeDrafts = draftsShown(request.query);
    try {
      return await precompressed.send(request, reply, service.getVersion().version, `lecture ${includeDrafts} ${slug.toLowerCase()}`, async () => {
        const lecture = await service.getLecture(slug, { includeDrafts });
        if (!lecture) throw new NotInLibrary();
        return lecture;
      });
    } catch (error) {
      if (error instanceof NotInLibrary) return reply.code(404).send({ error: 'Not in the library', slug });
      throw error;
    }
  });

  // A classroom types the same queries: answers are kept per query for the current library version.
  const searchAnswers = new VersionedMap<string, SearchResponse>();
  app.get(ROUTES.search, async (request, reply) => {
    const search = { ...searchRequestOf(request.query as QueryParameters), includeDrafts: draftsShown(request.query) };
    const searchCache = searchAnswers.at(service.getVersion().version);
    const key = JSON.stringify(search);
    const cached = searchCache.get(key);
    const answer = cached ?? (await service.search(search));
    // "Still indexing" holds for this moment only: kept neither here nor by the client, which asks again.
    if (answer.indexing) return reply.header('cache-control', 'no-store').send(answer);
    if (revalidate(request, reply)) return reply;
    if (cached) return cached;
    if (searchCache.size >= SEARCH_CACHE_SIZE) searchCache.delete(searchCache.keys().next().value!);
    searchCache.set(key, answer);
    return answer;
  });

  app.get(ROUTES.problems, () => publicProblems(service));
  app.get(ROUTES.version, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return service.getVersion();
  });
  app.get(ROUTES.offline, async () => service.getOfflineStatus());
  app.get(ROUTES.glossary, async (request, reply) => {
    if (revalidate(request, reply)) return reply;
    return service.getGlossary({ includeDrafts: draftsShown(request.query) });
  });

  // Published lectures only, whatever the server shows: a book leaves the classroom.
  const epubs = new EpubDownloads(service, () => service.getVersion().version);
  app.get(ROUTES.epub, async (request, reply) => {
    // A book can take longer to make (or to wait for) than a connection may sit idle; the request is already whole.
    request.raw.socket.setTimeout(EPUB_WAIT_LIMIT_MS);
    try {
      const selection = epubSelectionOf(request.query as QueryParameters);
      const headers = (fileNames: Epub['fileNames']) =>
        reply.header('content-type', EPUB_MEDIA_TYPE).header('content-disposition', attachmentHeader(fileNames)).header('cache-control', 'no-cache');
      // A HEAD request (a download manager checking the link) is told what it would get: no book is made for it.
      if (request.method === 'HEAD') return headers((await epubs.describe(selection)).fileNames).send();
      const book = await epubs.book(selection);
      return headers(book.fileNames).send(Buffer.from(book.bytes.buffer, book.bytes.byteOffset, book.bytes.byteLength));
    } catch (error) {
      if (error instanceof EpubSelectionError) return reply.code(404).send({ error: error.message });
      if (error instanceof EpubBusy) return reply.code(503).header('retry-after', '30').send({ error: error.message });
      throw error;
    }
  });

  // Only for its file sender: ETag, Last-Modified, 304s and Range requests.
  await app.register(fastifyStatic, { root: path.resolve(rendererDir), serve: false });

  // Lecture images, the built reader, and the reader again for app routes (a reload of /blog/<slug>).
  app.get('/*', async (request, reply) => {
    const answer = await answerReaderRequest(request.url.split('?')[0], rendererDir, (root, relative, width) => service.asset(root, relative, width));
    reply.headers(answer.headers);
    if (answer.status === 302) return reply.redirect(answer.location, 302);
    if (answer.status !== 200) return reply.code(answer.status).send({ error: 'Not found' });
    const maxAge = IMAGE_PREFIXES.some((prefix) => request.url.startsWith(prefix)) ? 3600 * 1000 : 0;
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

class NotInLibrary extends Error {}

/**
 * Closes a client's connections beyond `max` as they open, so one device on the network cannot hold every
 * socket. Loopback clients are this machine (the teacher's browser, a load test): a page in a browser here is
 * already held to a few connections by the browser.
 */
function limitConnectionsPerClient(app: FastifyInstance, max: number): void {
  const open = new Map<string, number>();
  app.server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    if (ipaddr.isValid(address) && ipaddr.process(address).range() === 'loopback') return;
    const count = (open.get(address) ?? 0) + 1;
    if (count > max) return void socket.destroy();
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}

/** Starts the server and returns its URL. */
export async function startServer(options: ServerOptions): Promise<{ app: FastifyInstance; url: string }> {
  const app = await createServer(options);
  const host = options.host ?? DEFAULT_HOST;
  await app.listen({ host, port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shownHost = isEveryInterface(host) ? 'localhost' : urlHost(host);
  return { app, url: `http://${shownHost}:${port}/` };
}
