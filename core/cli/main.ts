#!/usr/bin/env node
/**
 * The command line: `check`, `list`, `glossary`, `search`, `cache`, `sync`, `serve`, `epub` and `export` (USAGE below). Exit codes: 0 fine,
 * 1 problems found, 2 bad usage.
 */
import { access, constants, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';
import { SEARCH_BOUNDS, type SearchResponse, type SnippetSegment } from '../common/api.js';
import type { Progress } from '../cache/imageCache.js';
import { formatVietnameseDate } from '../common/dates.js';
import { LectureLibrary } from '../library/lectureLibrary.js';
import { LibraryGlossary } from '../glossary/libraryGlossary.js';
import { networkChoices, studentUrls } from '../server/classroomShare.js';
import { startServer } from '../server/httpServer.js';
import { appRoot, bundledContentDir, BUNDLED_LIBRARY_NAME, rendererDir } from '../service/appPaths.js';
import { exportSite } from '../export/staticSite/exportSite.js';
import { RemoteLibraries } from '../library/remoteLibrary.js';
import { defaultCacheDir, defaultDataDir, LectureService } from '../service/lectureService.js';
import { megabytes } from '../common/units.js';
import { terminalText } from './terminalText.js';
import { portTaken } from '../node/ports.js';
import { commandHelp, usage } from './help.js';
import { buildEpub } from '../export/epub/buildEpub.js';
import { EpubSelectionError } from '../export/epub/selection.js';
import { writeFileAtomic } from '../node/atomicFile.js';

class UsageError extends Error {}

/** Loads the folders (through the cache folder's saved parse results), runs `use` on the library, and always stops its parser threads. */
async function withLibrary<T>(folders: string[], cacheDir: string, use: (library: LectureLibrary) => T | Promise<T>): Promise<T> {
  if (folders.length === 0) throw new UsageError('Name at least one lecture folder.');
  const library = new LectureLibrary(folders, { cacheDir });
  try {
    await library.load();
    return await use(library);
  } finally {
    await library.close();
  }
}

async function check(folders: string[], json: boolean, cacheDir: string): Promise<number> {
  return withLibrary(folders, cacheDir, (library) => report(library, json));
}

function report(library: LectureLibrary, json: boolean): number {
  const overview = library.overview(true);
  const errors = library.problems.filter((problem) => problem.severity === 'error').length;
  const warnings = library.problems.filter((problem) => problem.severity === 'warning').length;
  if (json) {
    const report = {
      articles: library.lectures.map((lecture) => ({
        slug: lecture.slug,
        title: lecture.title,
        date: lecture.date ?? null,
        tags: lecture.tags,
        published: lecture.visible,
        highlight: lecture.highlight,
        file: lecture.file,
      })),
      tags: overview.tags,
      problems: library.problems.map(({ file, line, severity, message }) => ({ file, line: line ?? null, severity, message })),
    };
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } else {
    const { counts } = overview;
    const out: string[] = [
      `Library: ${library.roots.join(', ')}`,
      `Lectures: ${counts.articles} (${counts.published} published, ${counts.drafts} drafts or untitled)`,
      `Tags: ${overview.tags.map((t) => `${t.tag} (${t.count})`).join(', ') || 'none'}`,
      `Problems: ${errors} errors, ${warnings} warnings, ${library.problems.length - errors - warnings} hints`,
    ];
    for (const problem of library.problems) {
      const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
      out.push(`  ${problem.severity.padEnd(7)} ${where}: ${problem.message}`);
    }
    process.stdout.write(terminalText(out.join('\n')) + '\n');
  }
  return errors > 0 ? 1 : 0;
}

interface SearchOptions {
  tags: string[];
  /** The contract's default when absent. */
  limit?: number;
  json: boolean;
  queriesFile?: string;
  cacheDir: string;
}

async function search(positionals: string[], options: SearchOptions): Promise<number> {
  const folders = options.queriesFile ? positionals : positionals.slice(0, -1);
  const queries = options.queriesFile
    ? (await readFile(options.queriesFile, 'utf8'))
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
    : positionals.slice(-1);
  if (folders.length === 0 || queries.length === 0) throw new UsageError('search needs at least one folder and a query (or --queries-file).');
  const { limit } = options;
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= SEARCH_BOUNDS.maxResults)) {
    throw new UsageError(`--limit takes a whole number from 1 to ${SEARCH_BOUNDS.maxResults}.`);
  }
  const service = await LectureService.open(folders, { cacheDir: options.cacheDir });
  const answers: SearchResponse[] = [];
  for (const q of queries) answers.push(await service.search({ q, tags: options.tags, limit }));
  const unfinished = service.library.unfinished;
  await service.close();
  // Results without these lectures are not the library's answer: say so rather than pretend they do not exist.
  if (unfinished.length) {
    process.stderr.write(
      terminalText(`đang lập chỉ mục… ${unfinished.length} lecture(s) not read in time, search again to include them: ${unfinished.join(', ')}\n`),
    );
  }
  if (options.json) {
    const shaped = answers.map(({ results, tookMs, didYouMean, outsideTags }) => ({
      results: results.map((hit) => ({ ...hit, snippet: snippetHtml(hit.snippet) })),
      tookMs: Math.round(tookMs * 1000) / 1000,
      ...(didYouMean ? { didYouMean } : {}),
      ...(outsideTags !== undefined ? { outsideTags } : {}),
    }));
    process.stdout.write(JSON.stringify(options.queriesFile ? shaped : shaped[0], null, 2) + '\n');
    return 0;
  }
  answers.forEach((answer, i) => {
    const out: string[] = [terminalText(`Query: ${queries[i]}  (${answer.results.length} results, ${answer.tookMs.toFixed(2)} ms)`)];
    if (answer.didYouMean) out.push(terminalText(`Did you mean: ${answer.didYouMean}`));
    answer.results.forEach((hit, rank) => {
      const section = hit.section.title ? ` › ${hit.section.title}` : '';
      out.push(
        terminalText(`${String(rank + 1).padStart(3)}. ${hit.title}${section}  [${hit.score}]  /blog/${hit.slug}${hit.section.id ? '#' + hit.section.id : ''}`),
      );
      out.push(`     ${terminalSnippet(hit.snippet)}`);
    });
    process.stdout.write(out.join('\n') + '\n\n');
  });
  return 0;
}

/** A snippet for a terminal: its own control characters replaced, matches in bold (in brackets when not a terminal). */
function terminalSnippet(snippet: SnippetSegment[]): string {
  const bold = process.stdout.isTTY ? ['\x1b[1m', '\x1b[0m'] : ['[', ']'];
  return snippet.map((segment) => (segment.marked ? bold[0] + terminalText(segment.text) + bold[1] : terminalText(segment.text))).join('');
}

/** A snippet as `--json` has always given it: HTML-escaped, matches in `<mark>…</mark>`. */
function snippetHtml(snippet: SnippetSegment[]): string {
  const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
  return snippet.map((segment) => (segment.marked ? `<mark>${escape(segment.text)}</mark>` : escape(segment.text))).join('');
}

function portInUse({ host, port }: { host: string; port: number }): number {
  process.stderr.write(`Port ${port} is already in use on ${host}. Choose another port with --port, for example: serve --port ${port + 1}\n`);
  return 1;
}

async function serve(positionals: string[], options: { port: number; host: string; cacheDir: string; drafts: boolean; allowHosts: string[] }): Promise<number> {
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new UsageError('--port takes a number from 0 to 65535.');
  // Said at once, before the library is read; a port taken meanwhile is caught when the server starts.
  if (options.port && (await portTaken(options.host, options.port))) return portInUse(options);
  const folders = positionals.length ? positionals : [bundledContentDir()];
  const service = await LectureService.open(folders, {
    cacheDir: options.cacheDir,
    searchInWorker: true,
    name: positionals.length ? undefined : BUNDLED_LIBRARY_NAME,
  });
  service.follow();
  const started = await startServer({
    service,
    rendererDir: rendererDir(),
    host: options.host,
    port: options.port,
    drafts: options.drafts,
    allowHosts: options.allowHosts,
  }).catch(async (error: NodeJS.ErrnoException) => {
    await service.close();
    if (error.code !== 'EADDRINUSE') throw error;
    return null;
  });
  if (!started) return portInUse(options);
  const { app, url } = started;
  const { counts } = await service.getLibrary();
  process.stdout.write(`Lecture Reader: ${counts.published} lectures from ${folders.join(', ')}\n`);
  if (!['127.0.0.1', 'localhost', '::1'].includes(options.host)) {
    // The classroom: what students type, and on a terminal a QR code of it for their phones.
    const urls = studentUrls({ host: options.host, port: Number(new URL(url).port) }, networkChoices());
    process.stdout.write(`Students on the same network open: ${urls.join('  ')}\n`);
    // `npm start` reads serve's output on its way to the terminal (LECTURE_READER_TERMINAL): a terminal all the same.
    if (process.stdout.isTTY || process.env.LECTURE_READER_TERMINAL === '1')
      process.stdout.write(await QRCode.toString(urls[0], { type: 'terminal', small: true }));
  }
  process.stdout.write(`Serving on ${url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await app.close();
  await service.close();
  return 0;
}

async function cache(folders: string[], options: { cacheDir: string; clear: boolean; allowPrivateNetwork: boolean }): Promise<number> {
  if (folders.length === 0) throw new UsageError('Name at least one lecture folder.');
  const service = await LectureService.open(folders, { cacheDir: options.cacheDir, allowPrivateNetwork: options.allowPrivateNetwork });
  try {
    if (options.clear) {
      await service.images!.clear();
      process.stdout.write(`Cleared the image cache in ${service.images!.dir}\n`);
      return 0;
    }
    const before = await service.getOfflineStatus();
    const bar = (p: Progress) => {
      const width = 30;
      const filled = p.total ? Math.round((p.done / p.total) * width) : width;
      const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done}/${p.total} images, ${megabytes(p.bytes)} MB, ${p.failures} failed`;
      if (process.stderr.isTTY) process.stderr.write(`\r${line}`);
      else if (p.done === p.total || p.done % 10 === 0) process.stderr.write(`${line}\n`);
    };
    const { outcomes, progress } = await service.makeOffline(bar);
    if (process.stderr.isTTY && progress.total) process.stderr.write('\n');
    const after = await service.getOfflineStatus();
    const out = [
      `Images used: ${after.images}; available offline: ${before.available} before, ${after.available} now.`,
      `Downloaded ${progress.done - progress.failures} of ${progress.total} missing (${megabytes(progress.bytes)} MB); cache: ${after.cacheEntries} images, ${megabytes(after.cacheBytes)} MB in ${service.images!.dir}`,
    ];
    for (const outcome of outcomes) if (!outcome.ok) out.push(`  failed ${outcome.url}: ${outcome.error}`);
    if (progress.diskFull)
      out.push(
        `The disk holding ${service.images!.dir} is full: free some space and run this command again. The ${after.cacheEntries} images already cached are intact.`,
      );
    else if (progress.failures) out.push('Failed downloads are retried the next time this command runs.');
    process.stdout.write(terminalText(out.join('\n')) + '\n');
    return progress.failures ? 1 : 0;
  } finally {
    await service.close();
  }
}

async function sync(addresses: string[], dataDir: string): Promise<number> {
  if (addresses.length === 0) throw new UsageError('Name a GitHub repository, e.g. MinhHuuNguyen/data-engineer-lectures.');
  const remotes = new RemoteLibraries(dataDir, {
    archiveUrl: process.env.LECTURE_READER_ARCHIVE_BASE
      ? (a) => `${process.env.LECTURE_READER_ARCHIVE_BASE}/${a.owner}/${a.repo}/${a.ref ?? 'HEAD'}.tar.gz`
      : undefined,
  });
  let failed = 0;
  for (const address of addresses) {
    try {
      const { folder, status, record } = await remotes.sync(address);
      const words = { downloaded: 'downloaded', updated: 'updated', unchanged: 'already up to date' }[status];
      process.stdout.write(terminalText(`${address}: ${words} (${record.files} files) → ${folder}`) + '\n');
    } catch (error) {
      failed++;
      process.stderr.write(terminalText(`${address}: ${(error as Error).message}`) + '\n');
    }
  }
  return failed ? 1 : 0;
}

async function list(folders: string[], json: boolean, cacheDir: string): Promise<number> {
  const articles = await withLibrary(folders, cacheDir, (library) => library.overview(false).articles);
  if (json) {
    process.stdout.write(JSON.stringify({ articles }, null, 2) + '\n');
  } else {
    for (const article of articles) {
      process.stdout.write(
        terminalText(`${formatVietnameseDate(article.date).padEnd(10)}  ${article.title}  [${article.tags.join(', ')}]  /blog/${article.slug}`) + '\n',
      );
    }
  }
  return 0;
}

async function glossary(folders: string[], json: boolean, cacheDir: string): Promise<number> {
  const entries = await withLibrary(folders, cacheDir, (library) => new LibraryGlossary(library).entries(false));
  if (json) {
    const rows = entries.map((entry) => ({
      vi: entry.vi,
      en: entry.en,
      definition: entry.definition,
      lecture: entry.introduced.lecture,
      section: entry.introduced.section,
      uses: entry.uses,
    }));
    process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  } else {
    for (const entry of entries) {
      const place = `/blog/${entry.introduced.lecture}${entry.introduced.section ? `#${entry.introduced.section}` : ''}`;
      process.stdout.write(terminalText(`${entry.vi} = ${entry.en}  (${entry.uses}×, ${place})`) + '\n');
      if (entry.definition) process.stdout.write(terminalText(`    ${entry.definition}`) + '\n');
    }
    process.stdout.write(`${entries.length} terms\n`);
  }
  return 0;
}

async function epub(folders: string[], options: { tags: string[]; lectures: string[]; output?: string; cacheDir: string }): Promise<number> {
  if (folders.length === 0) throw new UsageError('Name at least one lecture folder.');
  if (!options.output) throw new UsageError('Name the e-book file to write with -o FILE.');
  const output = path.resolve(options.output);
  // Said before the book is made, not after: a folder that cannot be written to would waste the whole build.
  const writable = await access(path.dirname(output), constants.W_OK).then(
    () => true,
    (error: NodeJS.ErrnoException) => (
      process.stderr.write(`Cannot write ${output}: ${error.code === 'ENOENT' ? 'its folder does not exist' : error.message}\n`),
      false
    ),
  );
  if (!writable) return 1;
  const service = await LectureService.open(folders, { cacheDir: options.cacheDir, withoutSearch: true });
  try {
    const book = await buildEpub(service, { tags: options.tags, lectures: options.lectures });
    await writeFileAtomic(output, book.bytes);
    const missing = book.images.missing ? ` (${book.images.missing} shown as their description: not available offline)` : '';
    process.stdout.write(
      terminalText(
        `Wrote ${output}: "${book.title}", ${book.chapters} chapters, ${book.images.embedded} images${missing}, ${megabytes(book.bytes.length)} MB`,
      ) + '\n',
    );
    return 0;
  } catch (error) {
    if (!(error instanceof EpubSelectionError)) throw error;
    const { tags } = await service.getLibrary();
    process.stderr.write(
      terminalText(`${error.message}\nTags: ${tags.map(({ tag }) => tag).join(', ')}\nLecture slugs: npm run -s cli -- list ${folders.join(' ')}`) + '\n',
    );
    return 1;
  } finally {
    await service.close();
  }
}

async function exportCommand(positionals: string[], cacheDir: string): Promise<number> {
  if (positionals.length < 2) throw new UsageError('export needs at least one lecture folder and the folder to write the site to.');
  const started = performance.now();
  const { manifest, stats, lectures } = await exportSite({
    folders: positionals.slice(0, -1),
    outDir: positionals.at(-1)!,
    cacheDir,
    rendererDir: rendererDir(),
    iconFile: path.join(appRoot(), 'build', 'icon.png'),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    terminalText(
      `Exported ${lectures} lectures of "${manifest.name}" to ${positionals.at(-1)} (${stats.files} files, ${megabytes(stats.bytes)} MB) in ${seconds} s: ` +
        `${stats.written} written, ${stats.files - stats.written} unchanged, ${stats.removed} removed. Version ${manifest.version}.`,
    ) + '\n',
  );
  return 0;
}

/** One command's help on stdout (exit 0), or a usage error for a name that is no command. */
function showHelp(command: string): number {
  const help = commandHelp(command);
  if (!help) throw new UsageError(`Unknown command "${command}".`);
  process.stdout.write(help);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        tag: { type: 'string', multiple: true, default: [] },
        lecture: { type: 'string', multiple: true, default: [] },
        output: { type: 'string', short: 'o' },
        limit: { type: 'string' },
        'queries-file': { type: 'string' },
        'cache-dir': { type: 'string' },
        port: { type: 'string', default: '4173' },
        host: { type: 'string', default: '127.0.0.1' },
        clear: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        drafts: { type: 'boolean', default: false },
        'allow-private-network': { type: 'boolean', default: false },
        'allow-host': { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help && command && !command.startsWith('-')) return showHelp(command);
    switch (command) {
      case 'check':
        return await check(positionals, values.json!, values['cache-dir'] ?? defaultCacheDir());
      case 'list':
        return await list(positionals, values.json!, values['cache-dir'] ?? defaultCacheDir());
      case 'glossary':
        return await glossary(positionals, values.json!, values['cache-dir'] ?? defaultCacheDir());
      case 'search':
        return await search(positionals, {
          tags: values.tag!,
          limit: values.limit === undefined ? undefined : Number(values.limit),
          json: values.json!,
          queriesFile: values['queries-file'],
          cacheDir: values['cache-dir'] ?? defaultCacheDir(),
        });
      case 'cache':
        return await cache(positionals, {
          cacheDir: values['cache-dir'] ?? defaultCacheDir(),
          clear: values.clear!,
          allowPrivateNetwork: values['allow-private-network']!,
        });
      case 'sync':
        return await sync(positionals, values['data-dir'] ?? defaultDataDir());
      case 'serve':
        return await serve(positionals, {
          port: Number(values.port),
          host: values.host!,
          cacheDir: values['cache-dir'] ?? defaultCacheDir(),
          drafts: values.drafts!,
          allowHosts: values['allow-host']!,
        });
      case 'epub':
        return await epub(positionals, {
          tags: values.tag!,
          lectures: values.lecture!,
          output: values.output,
          cacheDir: values['cache-dir'] ?? defaultCacheDir(),
        });
      case 'export':
        return await exportCommand(positionals, values['cache-dir'] ?? defaultCacheDir());
      case 'help':
        return positionals.length ? showHelp(positionals[0]) : (process.stdout.write(usage()), 0);
      case undefined:
      case '--help':
      case '-h':
        process.stdout.write(usage());
        return command ? 0 : 2;
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${terminalText((error as Error).message)}\n\n${(command && commandHelp(command)) || usage()}`);
      return 2;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    process.stderr.write(`Error: ${terminalText((error as Error).message)}\n`);
    process.exitCode = 1;
  },
);
