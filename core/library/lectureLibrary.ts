/**
 * A library: one or more folders of lecture files, loaded into validated lecture records. Plain Node, no
 * Electron: the desktop main process, the HTTP server and the CLI all use this class.
 *
 * Loading is incremental: a file whose size and modification time have not changed since the last load is not
 * read or parsed again, and with a cache file (libraryCache.ts) this holds from one run to the next. Changed files
 * are parsed on a pool of threads. Problems are collected as data; a bad file never stops the others from loading.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LectureDetail, LectureSummary, LibraryOverview, Problem, TagCount } from '../common/api.js';
import { encodeAssetPath } from '../common/assetPath.js';
import { classifyLink, safeDecode } from '../common/links.js';
import { slugify } from '../common/slug.js';
import { discoverMarkdownFiles } from './discover.js';
import { ImageLocator, isRemoteImage } from './imageSources.js';
import { readLibraryInfo, tidyFolderName, type LibraryInfo } from './libraryInfo.js';
import { nearDuplicateTags } from './tagHints.js';
import { PARSE_THREADS, ParseWorkerClient } from './parseWorkerClient.js';
import { noOutline, PARSER_VERSION, type ParseDepth, type ParsedLecture, type ParseResult } from './parseLecture.js';
import { libraryCachePath, loadLibraryCache, saveLibraryCache, type CachedParse, type CacheRest } from './libraryCache.js';
import { megabytes } from '../common/units.js';

/**
 * A lecture as the library keeps it: everything the list, the checks and search need, not its body, which is read
 * again when the lecture is opened (`body`), so memory does not grow with the library's text.
 */
export interface Lecture extends Omit<ParsedLecture, 'body'> {
  slug: string;
  /** Absolute path of the file. */
  path: string;
  /** Size and modification time: changes whenever the file does. */
  fingerprint: string;
  /** Index of the library folder the file lives in. */
  root: number;
  /** Shown to readers: published and titled. */
  visible: boolean;
  /** Every image source (banner first) mapped to its offline asset path, or null. */
  images: Map<string, string | null>;
}

export interface LibraryOptions {
  /** Name shown in the sidebar; defaults to the names the folders give themselves (libraryInfo.ts), joined by " · ". */
  name?: string;
  /**
   * Where a remote image that is not in a library folder can be read offline (the image cache): its asset
   * path, or null. Asked each time an article is shown, so newly cached images appear without a reload.
   */
  offlineImage?: (url: string) => string | null;
  /** Time limit for parsing one file, in milliseconds (default PARSE_TIME_LIMIT_MS). */
  parseTimeLimitMs?: number;
  /** The cache folder, where parse results are saved between runs (libraryCache.ts); nothing is saved when absent. */
  cacheDir?: string;
  /** How a lecture file's bytes are read (default: fs readFile). */
  readFile?: (file: string) => Promise<Buffer>;
}

type CachedFile = CachedParse<ParseResult>;

/**
 * What the cache file keeps apart from the rest of a lecture's parse, read after the list answers: the outline and
 * term pairs as JSON, the packed section texts (outline.texts) stored apart as they are.
 */
type StoredOutline = { outline: Omit<ParsedLecture['outline'], 'texts'>; terms: ParsedLecture['terms'] };

/** A file found in a library folder, with its size and time (or why they cannot be read). */
interface FoundFile {
  root: number;
  absolute: string;
  shownAs: string;
  info: { size: number; mtimeMs: number } | Error;
}

interface LoadedFile {
  root: number;
  path: string;
  fingerprint: string;
  result: ParseResult;
}

export interface LoadStats {
  files: number;
  parsed: number;
  reused: number;
}

/** Up to this many new or changed files are read whole at once; more are read for their fields first (see load). */
export const PARSED_WHOLE_AT_ONCE = 64;

/** Files asked for their size and time at once. */
const STAT_CONCURRENCY = 64;

/** Files bigger than this are reported and not parsed: no lecture is this long, and parsing it would stall. */
export const MAX_LECTURE_BYTES = 8 * 1024 * 1024;

export class LectureLibrary {
  readonly roots: string[];
  private readonly fixedName?: string;
  private info: Omit<LibraryInfo, 'problems'>;
  /** The last name, labels and library-file problems read, to tell whether they changed. */
  private infoKey = '';
  private readonly offlineImage: (url: string) => string | null;
  private readonly locator: ImageLocator;
  private readonly parser: ParseWorkerClient;
  /** Parse results by absolute path: only results that hold until the file changes (see ParseAttempt). */
  private readonly fileCache = new Map<string, CachedFile>();
  private readonly cacheFile?: string;
  private readonly readLectureFile: (file: string) => Promise<Buffer>;
  /** Whether fileCache holds something the cache file does not. */
  private cacheChanged = false;
  /** The cache file's last save, done or under way. */
  private saving: Promise<void> = Promise.resolve();
  /** Files (as shown) that ran out of time on the last load: not known yet, rather than absent. */
  private notReadYet: string[] = [];
  private lectureList: Lecture[] = [];
  private bySlug = new Map<string, Lecture>();
  private problemList: Problem[] = [];
  private unreadableRoots: string[] = [];
  private generation = 0;
  /** The last load, with the reading of outlines it left in the background: the next load waits for both. */
  private loading: Promise<void> = Promise.resolve();
  private outlining: Promise<void> = Promise.resolve();
  private progress = { done: 0, total: 0 };
  /** Files whose cached parse came without its outline, and how to read the saved outlines (null once read). */
  private readonly withoutOutline = new Set<string>();
  private savedOutlines: (() => Promise<CacheRest<StoredOutline>>) | null = null;
  /** Saved outlines were attached since the lectures were last assembled. */
  private outlinesArrived = false;
  private closed = false;

  constructor(folders: string[], options: LibraryOptions = {}) {
    if (folders.length === 0) throw new Error('A library needs at least one folder');
    this.roots = folders.map((folder) => path.resolve(folder));
    this.fixedName = options.name;
    this.info = { name: tidyFolderName(path.basename(this.roots[0])), tagLabels: {} };
    this.offlineImage = options.offlineImage ?? (() => null);
    this.parser = new ParseWorkerClient(options.parseTimeLimitMs);
    this.cacheFile = options.cacheDir ? libraryCachePath(options.cacheDir, this.roots) : undefined;
    this.readLectureFile = options.readFile ?? ((file) => readFile(file));
    this.locator = new ImageLocator(this.roots);
  }

  /** The name readers see. */
  get name(): string {
    return this.fixedName ?? this.info.name;
  }

  /** Labels the library gives its tags (tag → label); tags without one are shown as they are written. */
  get tagLabels(): Readonly<Record<string, string>> {
    return this.info.tagLabels;
  }

  /** Increases every time a load changes what the library holds; caches key on it. */
  get version(): number {
    return this.generation;
  }

  get lectures(): readonly Lecture[] {
    return this.lectureList;
  }

  get problems(): readonly Problem[] {
    return this.problemList;
  }

  /** Files that could not be read in time on the last load and are tried again on the next one. */
  get unfinished(): readonly string[] {
    return this.notReadYet;
  }

  get imageLocator(): ImageLocator {
    return this.locator;
  }

  lecture(slug: string): Lecture | undefined {
    return this.bySlug.get(slug.toLowerCase());
  }

  /** Reads the folders again, parsing only files that are new or changed since the last load; every file whole. */
  load(): Promise<LoadStats> {
    return this.queueLoad(false);
  }

  /**
   * Like `load`, but when many files are new or changed (a first start) their fields are read first, so the list
   * answers in seconds, and their outlines (sections, links, images, terms) in the background: `outlined` says
   * when. Loads run one after another.
   */
  loadListFirst(): Promise<LoadStats> {
    return this.queueLoad(true);
  }

  private queueLoad(fieldsFirst: boolean): Promise<LoadStats> {
    const run = this.loading.then(() => this.loadOnce(fieldsFirst));
    // A load that failed is its caller's to report; the next one runs all the same.
    this.loading = run.then(() => this.outlining).catch(() => {});
    return run;
  }

  /** A file changed on disk and a load will follow: the parser gets ready meanwhile. */
  expectChanges(): void {
    this.parser.warmUp();
  }

  /** Resolves once every lecture of the last load has its outline read (at once, unless load read fields first). */
  async outlined(): Promise<void> {
    await this.loading;
  }

  /** Lectures whose outline is read, of the files of the last load: below the total while outlines are being read. */
  get outlineProgress(): { done: number; total: number } {
    return { ...this.progress };
  }

  private async loadOnce(fieldsFirst: boolean): Promise<LoadStats> {
    const stats: LoadStats = { files: 0, parsed: 0, reused: 0 };
    const found: { root: number; file: string }[] = [];
    const folderProblems: Problem[] = [];
    const unreadable: string[] = [];
    const unfinished: string[] = [];
    let changed = false;
    if (this.generation === 0) await this.loadCacheFile();
    if (!fieldsFirst) await this.attachSavedOutlines();
    if (this.outlinesArrived) {
      this.outlinesArrived = false;
      changed = true;
    }

    for (let root = 0; root < this.roots.length; root++) {
      try {
        for (const file of await discoverMarkdownFiles(this.roots[root])) found.push({ root, file });
      } catch (error) {
        folderProblems.push({ file: this.roots[root], severity: 'error', message: `Cannot read the library folder: ${(error as Error).message}` });
        unreadable.push(this.roots[root]);
      }
    }
    const files = await mapBounded(found, STAT_CONCURRENCY, async ({ root, file }): Promise<FoundFile> => {
      const absolute = path.join(this.roots[root], file);
      try {
        return { root, absolute, shownAs: this.displayPath(root, file), info: await stat(absolute) };
      } catch (error) {
        return { root, absolute, shownAs: this.displayPath(root, file), info: error as Error };
      }
    });
    const seen = new Set(files.map((file) => file.absolute));
    const toParse = files.filter(({ absolute, info }) => !(info instanceof Error) && !this.holds(absolute, info)).length;
    const depth: ParseDepth = fieldsFirst && toParse > PARSED_WHOLE_AT_ONCE ? 'fields' : 'whole';
    this.progress = { done: files.length - toParse, total: files.length };
    // Enough files in flight to keep every parser thread busy, few enough that their texts stay small in memory.
    const results = await mapBounded(files, PARSE_THREADS * 4, async (file): Promise<LoadedFile> => {
      stats.files++;
      const cached = this.fileCache.get(file.absolute);
      const result = await this.readIfChanged(file, depth, cached, unfinished);
      if (result === cached?.result) stats.reused++;
      else {
        stats.parsed++;
        changed = true;
      }
      const info = this.fileCache.get(file.absolute) ?? (file.info instanceof Error ? undefined : file.info);
      return { root: file.root, path: file.absolute, result, fingerprint: info ? `${info.size}:${info.mtimeMs}` : '' };
    });
    for (const absolute of this.fileCache.keys()) {
      if (!seen.has(absolute)) {
        this.fileCache.delete(absolute);
        this.cacheChanged = true;
        changed = true;
      }
    }
    this.notReadYet = unfinished.sort();
    if (unreadable.join('\n') !== this.unreadableRoots.join('\n')) changed = true;
    if (await this.readInfo(folderProblems)) changed = true;
    this.unreadableRoots = unreadable;
    if (changed || this.generation === 0) {
      this.assemble(results, folderProblems);
      this.generation++;
    }
    // Last: the save is not to run while this load still waits on the disk.
    this.scheduleSave();
    // The outlines of files read for their fields only, or still in the cache file: read in the background.
    if (depth === 'whole') this.progress.done = this.progress.total;
    if (this.closed) this.outlining = Promise.resolve();
    else if (depth === 'fields') this.outlining = this.loadOnce(false).then(() => {});
    else if (this.savedOutlines) this.outlining = this.attachOutlinesTo(results, folderProblems);
    else this.outlining = Promise.resolve();
    return stats;
  }

  /**
   * The saved outlines given to the lectures this load listed, without looking at the folders again: a warm start's
   * files were all just found unchanged, and asking each for its size again would queue thousands of file-system
   * calls in front of the readers' first requests. Any that the saved file lacks are read by a load of their own.
   */
  private async attachOutlinesTo(results: LoadedFile[], folderProblems: Problem[]): Promise<void> {
    // Only the lectures this load took from the cache: a file it could not read stays as it was reported.
    const fromCache = results.map((loaded) => this.fileCache.get(loaded.path)?.result === loaded.result);
    await this.attachSavedOutlines();
    // Readers' requests waiting since the outlines were read go first: each step holds the thread for a while.
    await new Promise((resolve) => setImmediate(resolve));
    if (this.closed) return;
    const outlined = results.map((loaded, index) =>
      fromCache[index] ? { ...loaded, result: this.fileCache.get(loaded.path)?.result ?? loaded.result } : loaded,
    );
    // A lecture the saved file had no outline for, or a file that ran out of time: read by a load of their own.
    const unread = outlined.some((loaded, index) => fromCache[index] && loaded.result.kind === 'lecture' && !this.fileCache.has(loaded.path));
    if (unread || this.notReadYet.length > 0) {
      await this.loadOnce(false);
      return;
    }
    this.outlinesArrived = false;
    this.assemble(outlined, folderProblems);
    this.generation++;
    // A save asked for while the outlines were read did not run (attachSavedOutlines).
    this.scheduleSave();
  }

  /** Whether the saved parse of this file still holds (same size and modification time). */
  private holds(absolute: string, info: { size: number; mtimeMs: number }): boolean {
    const cached = this.fileCache.get(absolute);
    return cached !== undefined && cached.size === info.size && cached.mtimeMs === info.mtimeMs;
  }

  /** The name and tag labels from every folder (every folder's name, each once; the first label of a tag wins). */
  private async readInfo(problems: Problem[]): Promise<boolean> {
    const infos = await Promise.all(this.roots.map((root) => readLibraryInfo(root)));
    const tagLabels = new Map<string, string>();
    const infoProblems: Problem[] = [];
    infos.forEach((info, root) => {
      for (const [tag, label] of Object.entries(info.tagLabels)) if (!tagLabels.has(tag)) tagLabels.set(tag, label);
      for (const problem of info.problems) infoProblems.push({ ...problem, file: this.displayPath(root, problem.file) });
    });
    problems.push(...infoProblems);
    // A library of several folders is all of them: "Kỹ sư dữ liệu · Học máy", not the first one's name alone.
    this.info = { name: [...new Set(infos.map((info) => info.name))].join(' · '), tagLabels: Object.fromEntries(tagLabels) };
    const key = JSON.stringify([this.info, infoProblems]);
    const changed = key !== this.infoKey;
    this.infoKey = key;
    return changed;
  }

  private displayPath(root: number, file: string): string {
    return this.roots.length > 1 ? `${path.basename(this.roots[root])}/${file}` : file;
  }

  /**
   * The saved parse results, when the cache file can be trusted (otherwise everything is parsed and it is replaced):
   * first without their outlines, which are most of the file and which the list does not need (attachSavedOutlines).
   */
  private async loadCacheFile(): Promise<void> {
    if (!this.cacheFile) return;
    const saved = await loadLibraryCache<ParseResult, StoredOutline>(this.cacheFile, PARSER_VERSION);
    if (!saved.entries) return;
    for (const [file, entry] of saved.entries) {
      if (entry.result.kind === 'lecture') {
        Object.assign(entry.result.lecture, { outline: noOutline(), terms: [] });
        this.withoutOutline.add(file);
      }
      this.fileCache.set(file, entry);
    }
    this.savedOutlines = saved.rest;
  }

  /**
   * Gives the lectures loaded from the cache file their saved outlines; one without is read again. Until they are
   * given, no save runs (saveCacheFile): it would write those lectures without their outlines.
   */
  private async attachSavedOutlines(): Promise<void> {
    const read = this.savedOutlines;
    if (!read) return;
    const { outlines, bytes } = await read().catch((): CacheRest<StoredOutline> => ({ outlines: new Map(), bytes: new Map() }));
    this.savedOutlines = null;
    for (const file of this.withoutOutline) {
      const entry = this.fileCache.get(file);
      const saved = outlines.get(file);
      const texts = bytes.get(file);
      if (!entry) continue;
      if (saved && texts && entry.result.kind === 'lecture') {
        const outline = { ...saved.outline, texts };
        entry.result = { ...entry.result, lecture: { ...entry.result.lecture, outline, terms: saved.terms } };
      } else this.fileCache.delete(file);
    }
    this.withoutOutline.clear();
    this.outlinesArrived = true;
  }

  /**
   * Saves the cache file once this load's caller had its turn (search brought in step first: the save only
   * matters to the next start); saves follow one another, and `close` waits for the last.
   */
  private scheduleSave(): void {
    if (!this.cacheFile || !this.cacheChanged) return;
    this.saving = this.saving.then(() => new Promise((resolve) => setImmediate(resolve))).then(() => this.saveCacheFile());
  }

  private async saveCacheFile(): Promise<void> {
    // Saved outlines not attached yet would be lost: the load that attaches them saves.
    if (!this.cacheFile || !this.cacheChanged || this.savedOutlines) return;
    this.cacheChanged = false;
    const entries: Map<string, CachedFile> = new Map();
    const rest: CacheRest<StoredOutline> = { outlines: new Map(), bytes: new Map() };
    for (const [file, entry] of this.fileCache) {
      if (entry.result.kind !== 'lecture') {
        entries.set(file, entry);
        continue;
      }
      const { outline, terms, ...fields } = entry.result.lecture;
      const { texts, ...stored } = outline;
      entries.set(file, { ...entry, result: { ...entry.result, lecture: fields as ParsedLecture } });
      rest.outlines.set(file, { outline: stored, terms });
      rest.bytes.set(file, texts);
    }
    try {
      await saveLibraryCache(this.cacheFile, PARSER_VERSION, entries, rest);
    } catch {
      // The cache only saves time: a full or read-only disk means the next start parses again, nothing worse.
      this.cacheChanged = true;
    }
  }

  private async readIfChanged(file: FoundFile, depth: ParseDepth, cached: CachedFile | undefined, unfinished: string[]): Promise<ParseResult> {
    const { absolute, shownAs, info } = file;
    const fail = (message: string): ParseResult => ({ kind: 'skipped', problems: [{ file: shownAs, severity: 'error', message }] });
    if (info instanceof Error) return fail(`Cannot read the file: ${info.message}`);
    if (cached && this.holds(absolute, info)) return cached.result;
    const remember = (parsed: ParseResult): ParseResult => {
      const result = withoutBody(parsed);
      // A lecture read for its fields only is read whole next; what a file fails on holds at any depth.
      if (depth === 'fields' && result.kind === 'lecture') return result;
      this.fileCache.set(absolute, { size: info.size, mtimeMs: info.mtimeMs, result });
      this.withoutOutline.delete(absolute);
      this.cacheChanged = true;
      return result;
    };
    if (info.size > MAX_LECTURE_BYTES) {
      return remember(fail(`File too large (${megabytes(info.size)} MB, the limit is ${MAX_LECTURE_BYTES / 1048576} MB)`));
    }
    let bytes: Buffer;
    try {
      bytes = await this.readLectureFile(absolute);
    } catch (error) {
      // Not remembered: a file that cannot be read now (locked, being replaced) is read again on the next load.
      this.fileCache.delete(absolute);
      return fail(`Cannot read the file: ${(error as Error).message}`);
    }
    if (looksBinary(bytes)) return remember(fail('Binary file, not Markdown text'));
    const { result, lasting } = await this.parser.parse(shownAs, bytes.toString('utf8'), depth);
    if (depth === 'whole') this.progress.done++;
    if (lasting) return remember(result);
    this.fileCache.delete(absolute);
    unfinished.push(shownAs);
    return result;
  }

  /** Builds slugs, link and image checks over the whole set: they depend on every file, so they are redone. */
  private assemble(results: LoadedFile[], folderProblems: Problem[]): void {
    const problems: Problem[] = [...folderProblems];
    const lectures: Lecture[] = [];
    for (const { root, path: absolute, fingerprint, result } of results) {
      problems.push(...result.problems);
      if (result.kind !== 'lecture') continue;
      const { body, ...lecture } = result.lecture;
      lectures.push({
        ...lecture,
        slug: '',
        path: absolute,
        fingerprint,
        root,
        visible: lecture.published && lecture.title !== '',
        images: new Map(),
      });
    }

    this.assignSlugs(lectures, problems);
    problems.push(...tagHints(lectures));
    const slugs = new Set(lectures.map((lecture) => lecture.slug));
    for (const lecture of lectures) this.checkReferences(lecture, slugs, problems);

    this.lectureList = lectures;
    this.bySlug = new Map(lectures.map((lecture) => [lecture.slug, lecture]));
    this.problemList = problems;
  }

  /** Title slugs; clashes keep the slug for the first file (visible before hidden, then by path) and number the rest. */
  private assignSlugs(lectures: Lecture[], problems: Problem[]): void {
    const order = [...lectures].sort((a, b) => Number(b.visible) - Number(a.visible) || a.root - b.root || a.file.localeCompare(b.file));
    const taken = new Map<string, Lecture>();
    for (const lecture of order) {
      const base = slugify(lecture.title) || slugify(path.posix.basename(lecture.file).replace(/\.\w+$/, '')) || 'lecture';
      let slug = base;
      for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
      if (slug !== base) {
        problems.push({
          file: lecture.file,
          severity: 'warning',
          message: `Duplicate slug "${base}" (also used by ${taken.get(base)!.file}); this lecture is reachable as "${slug}"`,
        });
      }
      lecture.slug = slug;
      taken.set(slug, lecture);
    }
  }

  private checkReferences(lecture: Lecture, slugs: Set<string>, problems: Problem[]): void {
    const lineOf = (line?: number) => (line === undefined ? undefined : line + lecture.bodyLineOffset);
    for (const removed of lecture.outline.removedHtml) {
      problems.push({ file: lecture.file, line: lineOf(removed.line), severity: 'warning', message: `Unsafe HTML removed when shown: ${removed.url}` });
    }
    for (const link of lecture.outline.links) {
      const target = classifyLink(link.url);
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(link.url.trim())?.[1]?.toLowerCase();
      if (scheme && !['http', 'https', 'mailto'].includes(scheme)) {
        problems.push({
          file: lecture.file,
          line: lineOf(link.line),
          severity: 'warning',
          message: `Link to a ${scheme}: address is not followed: ${link.url.slice(0, 80)}`,
        });
      }
      if (target.kind === 'internal' && !slugs.has(target.slug!)) {
        problems.push({
          file: lecture.file,
          line: lineOf(link.line),
          severity: 'warning',
          message: `Broken internal link: /blog/${target.slug} is not in the library`,
        });
      }
    }
    const sources = [...(lecture.bannerUrl ? [{ url: lecture.bannerUrl, line: undefined }] : []), ...lecture.outline.images];
    for (const image of sources) {
      const src = image.url.trim();
      if (!src) {
        problems.push({ file: lecture.file, line: lineOf(image.line), severity: 'warning', message: 'Image with an empty source' });
        continue;
      }
      // Relative to its own folder: with several folders, `file` is shown with the folder's name in front.
      const local = this.locator.locate(src, lecture.root, path.relative(this.roots[lecture.root], lecture.path).split(path.sep).join('/'));
      lecture.images.set(src, local ? encodeAssetPath({ kind: 'library', ...local }) : null);
      if (!local && !isRemoteImage(src)) {
        problems.push({
          file: lecture.file,
          line: lineOf(image.line),
          severity: 'warning',
          message: `Image not found or not a URL: ${safeDecode(src).slice(0, 200)}`,
        });
      }
    }
  }

  /** Stops the parser's worker thread. */
  async close(): Promise<void> {
    this.closed = true;
    await this.parser.close();
    await this.loading;
    await this.saving;
  }

  // ---- Views for readers ---------------------------------------------------------------------------------

  /** Lectures a reader may see: visible ones, plus drafts when asked for. */
  readable(includeDrafts = false): Lecture[] {
    return this.lectureList.filter((lecture) => lecture.visible || includeDrafts);
  }

  /** The asset path an image source is read from: the library folders first, then the offline cache. */
  imageAsset(lecture: Lecture, src: string): string | null {
    const local = lecture.images.get(src);
    if (local) return local;
    return isRemoteImage(src) ? this.offlineImage(src) : null;
  }

  /** Every remote image the library (or its folder `root`) uses that no library folder holds: what the offline cache is for. */
  remoteImages(root?: number): string[] {
    const urls = new Set<string>();
    for (const lecture of this.lectureList) {
      if (root !== undefined && lecture.root !== root) continue;
      for (const [src, local] of lecture.images) if (!local && isRemoteImage(src)) urls.add(src);
    }
    return [...urls];
  }

  summary(lecture: Lecture): LectureSummary {
    const banner = lecture.bannerUrl ? (this.imageAsset(lecture, lecture.bannerUrl) ?? undefined) : undefined;
    return {
      slug: lecture.slug,
      title: lecture.title || lecture.slug,
      date: lecture.date,
      description: lecture.description,
      tags: lecture.tags,
      highlight: lecture.highlight,
      published: lecture.visible,
      banner,
      file: lecture.file,
    };
  }

  overview(includeDrafts = false): LibraryOverview {
    const lectures = sortNewestFirst(this.readable(includeDrafts));
    const visible = this.lectureList.filter((lecture) => lecture.visible).length;
    const tags = countTags(lectures);
    return {
      name: this.name,
      articles: lectures.map((lecture) => this.summary(lecture)),
      tags,
      tagLabels: Object.fromEntries(tags.filter(({ tag }) => Object.hasOwn(this.info.tagLabels, tag)).map(({ tag }) => [tag, this.info.tagLabels[tag]])),
      counts: {
        articles: this.lectureList.length,
        published: visible,
        drafts: this.lectureList.length - visible,
        problems: this.problemList.length,
      },
      missingFolders: [...this.unreadableRoots],
    };
  }

  /**
   * The lecture's text as it is on disk now: its file read and its fields parsed again, ahead of any file waiting
   * to be read; null when it no longer parses.
   */
  async body(lecture: Lecture): Promise<string | null> {
    try {
      const { result } = await this.parser.parse(lecture.file, (await this.readLectureFile(lecture.path)).toString('utf8'), 'fields', true);
      return result.kind === 'lecture' ? result.lecture.body : null;
    } catch {
      return null;
    }
  }

  async lectureDetail(slug: string, includeDrafts = false): Promise<LectureDetail | null> {
    const lecture = this.lecture(slug);
    if (!lecture || (!lecture.visible && !includeDrafts)) return null;
    const body = await this.body(lecture);
    // Gone or broken since the last load: the reload the change causes reports it.
    if (body === null) return null;
    const readable = this.readable(includeDrafts);
    const known = new Set(readable.map((item) => item.slug));
    const knownLinks = lecture.outline.links
      .map((link) => classifyLink(link.url))
      .filter((link) => link.kind === 'internal' && known.has(link.slug!))
      .map((link) => link.slug!);
    const sameTag = sortOldestFirst(readable.filter((item) => lecture.tags.length > 0 && item.tags.includes(lecture.tags[0])));
    const position = sameTag.indexOf(lecture);
    const neighbour = (item?: Lecture) => (item ? { slug: item.slug, title: item.title } : undefined);
    return {
      ...this.summary(lecture),
      body,
      headings: lecture.outline.headings,
      images: Object.fromEntries([...lecture.images.keys()].map((src) => [src, this.imageAsset(lecture, src)])),
      knownLinks: [...new Set(knownLinks)],
      previous: position > 0 ? neighbour(sameTag[position - 1]) : undefined,
      next: position >= 0 ? neighbour(sameTag[position + 1]) : undefined,
    };
  }
}

/** Near-duplicate tags, each told once on the first lecture using the rarer spelling (a hint for the teacher). */
function tagHints(lectures: Lecture[]): Problem[] {
  const counts = new Map(countTags(lectures).map(({ tag, count }) => [tag, count]));
  return nearDuplicateTags([...counts.keys()]).map(([a, b]) => {
    const [rare, common] = counts.get(a)! < counts.get(b)! ? [a, b] : [b, a];
    const file = lectures
      .filter((lecture) => lecture.tags.includes(rare))
      .map((lecture) => lecture.file)
      .sort()[0];
    return {
      file,
      severity: 'info',
      message: `Tag "${rare}" (${counts.get(rare)}) looks like "${common}" (${counts.get(common)}): if they are one topic, use one spelling so their lectures are listed together`,
    };
  });
}

/** The result as kept: a lecture without its body (read again when opened), the parser's other findings whole. */
function withoutBody(result: ParseResult): ParseResult {
  if (result.kind !== 'lecture') return result;
  return { ...result, lecture: { ...result.lecture, body: '' } };
}

/** `work` over every item, at most `limit` at a time, the answers in the items' order. */
async function mapBounded<Item, Answer>(items: Item[], limit: number, work: (item: Item) => Promise<Answer>): Promise<Answer[]> {
  const answers: Answer[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      answers[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return answers;
}

function looksBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

export function sortNewestFirst(lectures: Lecture[]): Lecture[] {
  return [...lectures].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title, 'vi'));
}

function sortOldestFirst(lectures: Lecture[]): Lecture[] {
  return sortNewestFirst(lectures).reverse();
}

export function countTags(lectures: Lecture[]): TagCount[] {
  const counts = new Map<string, number>();
  for (const lecture of lectures) for (const tag of lecture.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}
