/**
 * The Vietnamese full-text search engine.
 *
 * Documents are lecture sections, so a hit can say where in a lecture it is. Four inverted indexes hold the
 * fields with their weights (title > headings > tags/description > body). The terms fed to them come from
 * `indexTerms`: folded words, exact words and bigrams, so one index answers with-diacritics, without-diacritics
 * and phrase questions. Ranking is ours: every query word scores idf × field weight where it matches, adjacent
 * query words that stand together in the text add a phrase bonus, a lecture that matches all the query's words
 * ranks above one that matches some, and sections holding the phrase again add whole-lecture evidence. Words
 * typed with diacritics rank first by tier: how many of them (and of their pairs) a section holds exactly.
 */
import { boundSearchRequest, SEARCH_BOUNDS, type SearchHit, type SearchRequest, type SearchResponse } from '../common/api.js';
import { packTexts, unpackTexts, type PackedTexts, type SectionPlace } from '../common/packedTexts.js';
import { parseQuery, type QueryWord } from '../common/query.js';
import { RecentValues } from '../common/recentValues.js';
import { foldWord } from '../common/vietnamese.js';
import { bigram, BIGRAM_JOINER, indexTerms, wordForms } from './indexTerms.js';
import { PostingIndex, VarintReader, VarintWriter } from './postings.js';
import { packSaved, unpackSaved } from './savedEngine.js';
import { buildSnippet, recentWordSpans } from './snippet.js';
import { matchedWords, type MatchWord } from './matchedWords.js';
import { LectureBoard, ScoreBoard, TopResults, type Ranked } from './scoreBoard.js';
import { correctionDeadline, Vocabulary } from './vocabulary.js';

/** Bumped whenever what is indexed or how changes: a saved index of another version is rebuilt. */
export const ENGINE_VERSION = 5;

/** What the engine needs to know about one lecture. */
export interface SearchDocument {
  /** Stable identity of the lecture file (its absolute path). */
  key: string;
  /** Changes whenever the file changes (size and modification time). */
  fingerprint: string;
  slug: string;
  title: string;
  tags: string[];
  description: string;
  visible: boolean;
  sections: SectionPlace[];
  /** The sections' texts, packed (packedTexts.ts): unpacked to index a lecture, and a hit's for its snippet. */
  texts: PackedTexts;
}

type Field = 'title' | 'meta' | 'heading' | 'body';
const LECTURE_FIELDS = ['title', 'meta'] as const;
const SECTION_FIELDS = ['heading', 'body'] as const;
const FIELDS: readonly Field[] = [...LECTURE_FIELDS, ...SECTION_FIELDS];

/** Field weights: where a word stands says how much the lecture is about it. */
const FIELD_WEIGHT: Record<Field, number> = { title: 8, heading: 4, meta: 2, body: 1 };
/** Extra credit, relative to a folded match, when an accented query word matches with the same diacritics. */
const EXACT_BONUS = 0.75;
/** Credit for two query words found side by side, relative to a single word's. */
const PHRASE_WEIGHT = 1.5;
/** How many vocabulary words an unfinished last word expands to: fewer for very short, ambiguous prefixes. */
const prefixExpansions = (prefix: string) => (prefix.length <= 2 ? 4 : prefix.length === 3 ? 8 : 12);
/** Share of a lecture's other matching sections added to its best one: a lecture about a topic mentions it often. */
const OTHER_SECTIONS_SHARE = 0.2;
/** Query words take bits 0–11 of a document's bits (SEARCH_BOUNDS.queryWords), the pairs of neighbouring words 16 and up. */
const WORD_BITS = 0xffff;
const PAIR_SHIFT = 16;
/** Most a lecture gains from sections holding the whole query in order, and how many give half of it (BM25-like saturation). */
const PHRASE_SECTIONS_GAIN = 3;
const PHRASE_SECTIONS_HALF = 1;
/** Factor for a section holding a multi-word query whole, its words in order. */
const WHOLE_PHRASE_GAIN = 2;
/** A result holding only part of the query is weak below this share of the best complete answer's score. */
const WEAK_SHARE = 0.25;
/** Other matching sections listed with a hit. */
const OTHER_SECTIONS_LISTED = 5;

interface LectureEntry extends Omit<SearchDocument, 'sections'> {
  sectionIds: number[];
}

interface SectionEntry {
  article: number;
  id: string;
  title: string;
}

/** The texts of a lecture loaded from a saved index, until a sync brings them. */
const NO_TEXTS = packTexts([]);

/** Lectures whose texts are kept unpacked: a query typed letter by letter shows the same hits again and again. */
const UNPACKED_KEPT = SEARCH_BOUNDS.maxResults;

export interface SyncStats {
  added: number;
  removed: number;
  kept: number;
}

/**
 * What a saved index holds besides its posting lists. Section texts are not saved (they come back with the
 * library), nor the vocabulary (counted again from the posting lists).
 */
interface SavedHead {
  version: number;
  articles: (Omit<LectureEntry, 'texts'> | null)[];
  sections: ({ article: number; id: string; title: string } | null)[];
  /** Every term of every field; the posting lists follow in this order, field after field. */
  terms: string[];
}

export class SearchEngine {
  private indexes: Record<Field, PostingIndex> = {
    title: new PostingIndex(),
    meta: new PostingIndex(),
    heading: new PostingIndex(),
    body: new PostingIndex(),
  };
  private articles: (LectureEntry | null)[] = [];
  private sections: (SectionEntry | null)[] = [];
  /**
   * Each section's lecture, and each lecture's visibility, apart from their entries: read for every matching
   * section or lecture of every keystroke, they stay in a few cache lines instead of one per entry.
   */
  private sectionLecture: number[] = [];
  private lectureVisible: boolean[] = [];
  private readonly byKey = new Map<string, number>();
  /** Unpacked texts of the last lectures asked for. */
  private readonly unpacked = new RecentValues<PackedTexts, string[]>(UNPACKED_KEPT);
  private vocabulary = new Vocabulary();
  /** The published lectures' words alone: what a student's words expand to or are corrected towards. */
  private publishedVocabulary = new Vocabulary();
  private liveLectures = 0;
  private liveSections = 0;
  /** A lecture was published or withdrawn by a refresh since the vocabularies were counted. */
  private visibilityChanged = false;
  private readonly lectureFieldBoard = new ScoreBoard();
  private readonly sectionBoard = new ScoreBoard();
  private readonly lectureBoard = new LectureBoard();

  get size(): { articles: number; sections: number; words: number } {
    return { articles: this.liveLectures, sections: this.liveSections, words: this.vocabulary.size };
  }

  /**
   * Makes the index hold exactly these documents: new or changed files are indexed, files gone are removed,
   * unchanged ones only have their details (slug, visibility, texts for snippets) refreshed. A key instead of a
   * document names a lecture the last sync was given and that has not changed since (the search thread keeps no
   * copy of the documents: the index holds what it needs).
   */
  sync(documents: readonly (SearchDocument | string)[]): SyncStats {
    const stats: SyncStats = { added: 0, removed: 0, kept: 0 };
    const unknown = documents.find((document) => typeof document === 'string' && !this.byKey.has(document));
    if (unknown !== undefined) throw new Error(`the search index was never given ${unknown as string}`);
    const present = new Set(documents.map((document) => (typeof document === 'string' ? document : document.key)));
    for (const [key, id] of [...this.byKey]) {
      if (!present.has(key)) {
        this.remove(id);
        stats.removed++;
      }
    }
    for (const document of documents) {
      if (typeof document === 'string') {
        stats.kept++;
        continue;
      }
      const id = this.byKey.get(document.key);
      const existing = id === undefined ? null : this.articles[id];
      if (existing && existing.fingerprint === document.fingerprint && existing.sectionIds.length === document.sections.length) {
        this.refresh(existing, document);
        stats.kept++;
      } else {
        if (id !== undefined) {
          this.remove(id);
          stats.removed++;
        }
        this.add(document);
        stats.added++;
      }
    }
    if (stats.removed > 0) {
      for (const field of LECTURE_FIELDS) this.indexes[field].removeWhere((id) => this.articles[id] === null);
      for (const field of SECTION_FIELDS) this.indexes[field].removeWhere((id) => this.sections[id] === null);
    }
    if (stats.added > 0 || stats.removed > 0) for (const field of FIELDS) this.indexes[field].trim();
    if (stats.added > 0 || stats.removed > 0 || this.visibilityChanged) [this.vocabulary, this.publishedVocabulary] = this.countVocabulary();
    this.visibilityChanged = false;
    return stats;
  }

  /**
   * The library's folded words, each with the number of lectures using it, from the posting lists: of all the
   * lectures, and of the published ones (without the words only drafts use).
   */
  private countVocabulary(): [Vocabulary, Vocabulary] {
    const lectureOfSection = this.sectionLecture;
    const visible = this.lectureVisible;
    const seenFor = new Int32Array(this.articles.length).fill(-1);
    const counts = new Map<string, number>();
    const published = new Map<string, number>();
    let wordNumber = 0;
    for (const field of FIELDS) {
      for (const term of this.indexes[field].terms) {
        if (counts.has(term) || term.includes(BIGRAM_JOINER) || term !== foldWord(term)) continue;
        let lectures = 0;
        let publishedLectures = 0;
        for (const other of FIELDS) {
          const ids = this.indexes[other].get(term);
          const sectionLevel = other === 'heading' || other === 'body';
          for (let i = 0; i < ids.length; i++) {
            const lecture = sectionLevel ? lectureOfSection[ids[i]] : ids[i];
            if (seenFor[lecture] !== wordNumber) {
              seenFor[lecture] = wordNumber;
              lectures++;
              if (visible[lecture]) publishedLectures++;
            }
          }
        }
        counts.set(term, lectures);
        if (publishedLectures > 0) published.set(term, publishedLectures);
        wordNumber++;
      }
    }
    const all = Vocabulary.from(counts);
    const anyDraft = this.articles.some((entry) => entry !== null && !entry.visible);
    return [all, anyDraft ? Vocabulary.from(published) : all];
  }

  private refresh(entry: LectureEntry, document: SearchDocument): void {
    if (entry.visible !== document.visible) this.visibilityChanged = true;
    Object.assign(entry, { slug: document.slug, title: document.title, tags: document.tags, description: document.description, visible: document.visible });
    this.lectureVisible[this.byKey.get(entry.key)!] = document.visible;
    entry.texts = document.texts;
  }

  private add(document: SearchDocument): void {
    const id = this.articles.length;
    const sectionIds: number[] = [];
    const indexField = (field: Field, docId: number, text: string) => this.indexes[field].add(docId, indexTerms(text));
    indexField('title', id, document.title);
    indexField('meta', id, `${document.tags.join(' ')}\n${document.description}`);
    const texts = unpackTexts(document.texts);
    document.sections.forEach((section, ordinal) => {
      const sectionId = this.sections.length;
      this.sections.push({ article: id, id: section.id, title: section.title });
      this.sectionLecture.push(id);
      sectionIds.push(sectionId);
      indexField('heading', sectionId, [...section.parents, section.title].join('\n'));
      indexField('body', sectionId, texts[ordinal] ?? '');
    });
    const { sections: _sections, ...lecture } = document;
    this.articles.push({ ...lecture, sectionIds });
    this.lectureVisible.push(document.visible);
    this.byKey.set(document.key, id);
    this.liveLectures++;
    this.liveSections += sectionIds.length;
  }

  /** Forgets a lecture; its ids leave the posting lists at the end of the sync (see `sync`). */
  private remove(id: number): void {
    const entry = this.articles[id];
    if (!entry) return;
    for (const sectionId of entry.sectionIds) this.sections[sectionId] = null;
    this.articles[id] = null;
    this.byKey.delete(entry.key);
    this.liveLectures--;
    this.liveSections -= entry.sectionIds.length;
  }

  search(request: SearchRequest): SearchResponse {
    const started = performance.now();
    const query = parseQuery(request.q);
    const { limit } = boundSearchRequest(request);
    if (query.length === 0) return { results: [], tookMs: performance.now() - started };

    // A student's words expand to, and are corrected towards, the published lectures' words: a draft lends none.
    const { words, corrected } = this.resolveWords(query, request.includeDrafts ? this.vocabulary : this.publishedVocabulary);
    const lectureFieldBoard = this.lectureFieldBoard;
    const sectionBoard = this.sectionBoard;
    lectureFieldBoard.begin(this.articles.length);
    sectionBoard.begin(this.sections.length);

    /** Credits every document holding `term` in `field`; with `once`, a document met earlier in the pass is skipped. */
    const credit = (field: Field, term: string, weight: number, bit: number, once: boolean, exactBit = 0) => {
      const ids = this.indexes[field].get(term);
      if (ids.length === 0) return;
      const lectureLevel = field === 'title' || field === 'meta';
      const value = FIELD_WEIGHT[field] * weight * Math.log(1 + (lectureLevel ? this.liveLectures : this.liveSections) / ids.length);
      const board = lectureLevel ? lectureFieldBoard : sectionBoard;
      if (once) {
        for (let i = 0; i < ids.length; i++) if (board.firstTime(ids[i])) board.add(ids[i], value, bit, exactBit);
      } else {
        for (let i = 0; i < ids.length; i++) board.add(ids[i], value, bit, exactBit);
      }
    };
    const eachField = (action: (field: Field) => void) => {
      for (const field of FIELDS) {
        lectureFieldBoard.beginPass();
        sectionBoard.beginPass();
        action(field);
      }
    };

    words.forEach((word, position) => {
      const bit = 1 << position;
      // A word credits each document once, however many of its prefix expansions the document holds.
      eachField((field) => {
        for (const term of word.terms) credit(field, term, 1, bit, word.terms.length > 1);
        if (word.exact) credit(field, word.exact, EXACT_BONUS, 0, false, bit);
      });
    });
    // Adjacent query words found side by side; typed with diacritics, found with the same ones.
    let pairs = 0;
    for (let i = 0; i + 1 < words.length; i++) {
      const first = words[i];
      const second = words[i + 1];
      if (first.terms.length !== 1 || second.terms.length === 0) continue;
      const bit = 1 << (PAIR_SHIFT + i);
      pairs |= bit;
      eachField((field) => {
        for (const term of second.terms.slice(0, 3)) credit(field, bigram(first.terms[0], term), PHRASE_WEIGHT, bit, true);
        if (first.exact && second.exact) credit(field, bigram(first.exact, second.exact), EXACT_BONUS, 0, false, bit);
      });
    }

    // A text that holds all the query's words is worth far more than one that holds a few of them.
    const wanted = words.filter((word) => word.terms.length > 0).length || 1;
    const allWords = words.reduce((mask, word, position) => (word.terms.length > 0 ? mask | (1 << position) : mask), 0);
    // By how many query words a text holds (a table: this runs for every matching section).
    const coverageFactor = Array.from({ length: 17 }, (_, count) => {
      const coverage = count / wanted;
      return 0.2 + 0.8 * coverage * coverage;
    });
    const byCoverage = (score: number, bits: number) => score * coverageFactor[popcount(bits & WORD_BITS)];
    const holdsPhrase = (bits: number) => (bits & allWords) === allWords && (bits & pairs) === pairs;

    // Per lecture: its own fields, plus its best section, plus a share of its other matching sections.
    const lectures = this.lectureBoard;
    lectures.begin(this.articles.length);
    for (const sectionId of sectionBoard.touched) {
      const article = this.sectionLecture[sectionId];
      const bits = sectionBoard.bits[sectionId];
      const wholePhrase = holdsPhrase(bits);
      // A section holding the whole query in order says more than one holding its words apart, whatever field.
      const score = byCoverage(sectionBoard.score[sectionId], bits) * (wholePhrase && pairs ? WHOLE_PHRASE_GAIN : 1);
      lectures.offer(article, sectionId, score, popcount(sectionBoard.exact[sectionId]), bits, wholePhrase);
    }
    for (const article of lectureFieldBoard.touched) lectures.offer(article, -1, 0, 0, 0, false);

    const requiredTags = (request.tags ?? []).map((tag) => tag.toLowerCase());
    const top = new TopResults(limit);
    let outsideTags = 0;
    for (const article of lectures.touched) {
      if (!this.lectureVisible[article] && !request.includeDrafts) continue;
      if (requiredTags.length && !requiredTags.some((tag) => this.articles[article]!.tags.includes(tag))) {
        outsideTags++;
        continue;
      }
      const ownBits = lectureFieldBoard.has(article) ? lectureFieldBoard.bits[article] : 0;
      const ownPhrase = pairs !== 0 && holdsPhrase(ownBits);
      const own = ownBits || lectureFieldBoard.has(article) ? byCoverage(lectureFieldBoard.score[article], ownBits) * (ownPhrase ? WHOLE_PHRASE_GAIN : 1) : 0;
      const bestScore = lectures.best[article];
      const inSections = bestScore + Math.min(bestScore, OTHER_SECTIONS_SHARE * lectures.others[article]);
      // Whole-lecture evidence: sections (and its own title or description) holding the whole query in order, with
      // diminishing returns (BM25-like).
      const phraseSections = lectures.phraseSections[article] + (holdsPhrase(ownBits) ? 1 : 0);
      const evidence = 1 + PHRASE_SECTIONS_GAIN * (phraseSections / (phraseSections + PHRASE_SECTIONS_HALF));
      const tier = Math.max(lectures.bestTier[article], lectureFieldBoard.has(article) ? popcount(lectureFieldBoard.exact[article]) : 0);
      const score = byCoverage(own + inSections, ownBits | lectures.words[article]) * evidence;
      top.offer(article, tier, score, lectures.bestSection[article]);
    }
    const ranked = this.setWeakApart(
      top.sorted((a, b) => this.articles[a]!.title.localeCompare(this.articles[b]!.title)),
      (candidate) => {
        const bits = (lectureFieldBoard.has(candidate.article) ? lectureFieldBoard.bits[candidate.article] : 0) | lectures.words[candidate.article];
        return wanted > 1 && (bits & allWords) !== allWords;
      },
    );

    const matchWords: MatchWord[] = words.map((word) => ({ terms: word.terms, exact: word.exact }));
    const results: SearchHit[] = ranked.map(({ article, score, section, weak }) => {
      const entry = this.articles[article]!;
      const chosenId = section >= 0 ? section : entry.sectionIds[0];
      const chosen = this.sections[chosenId];
      const text = (chosen && this.textsOf(entry)[entry.sectionIds.indexOf(chosenId)]) || entry.description;
      const spans = recentWordSpans(text);
      const matched = matchedWords([text, entry.title, chosen?.title ?? ''], matchWords, [spans]);
      const surfaces = new Set(matched);
      // Folded forms first: a cached lookup, where lowercasing every word of the section would allocate.
      const surfaceForms = new Set(matched.map((surface) => wordForms(surface)[0]));
      const others = this.otherSections(
        entry,
        section,
        (id) =>
          popcount(sectionBoard.exact[id]) === lectures.bestTier[article] && (sectionBoard.bits[id] & WORD_BITS) === (sectionBoard.bits[section] & WORD_BITS),
      );
      return {
        slug: entry.slug,
        title: entry.title,
        score: Math.round(score * 1000) / 1000,
        section: { id: chosen?.id ?? '', title: chosen?.title ?? '' },
        snippet: buildSnippet(text, (word) => surfaceForms.has(wordForms(word)[0]) && surfaces.has(word.toLowerCase()), undefined, spans),
        matched,
        otherSections: others.slice(0, OTHER_SECTIONS_LISTED),
        otherSectionCount: others.length,
        ...(weak ? { weak } : {}),
      };
    });
    return { results, tookMs: performance.now() - started, didYouMean: corrected, ...(requiredTags.length ? { outsideTags } : {}) };
  }

  /** The lecture's section texts, in order (none for a lecture loaded from a saved index and not synced since). */
  private textsOf(entry: LectureEntry): string[] {
    return this.unpacked.get(entry.texts, unpackTexts);
  }

  /**
   * Puts results that hold only part of the query after the others, flagged weak, unless they score near the
   * best complete answer: shown apart, never mixed in between good answers.
   */
  private setWeakApart(ranked: Ranked[], partial: (candidate: Ranked) => boolean): (Ranked & { weak: boolean })[] {
    const flagged = ranked.map((candidate) => ({ ...candidate, weak: partial(candidate) }));
    const bestComplete = Math.max(0, ...flagged.filter((candidate) => !candidate.weak).map((candidate) => candidate.score));
    for (const candidate of flagged) if (candidate.weak && bestComplete > 0 && candidate.score >= WEAK_SHARE * bestComplete) candidate.weak = false;
    return [...flagged.filter((candidate) => !candidate.weak), ...flagged.filter((candidate) => candidate.weak)];
  }

  /** The lecture's other matching sections passing `asGood`, best first. */
  private otherSections(entry: LectureEntry, best: number, asGood: (section: number) => boolean): { id: string; title: string }[] {
    if (best < 0) return [];
    const board = this.sectionBoard;
    return entry.sectionIds
      .filter((id) => id !== best && board.has(id) && asGood(id))
      .sort((a, b) => board.score[b] - board.score[a])
      .map((id) => ({ id: this.sections[id]!.id, title: this.sections[id]!.title }));
  }

  /** What each query word looks up in `vocabulary`: its folded form or prefix expansions, or a correction when it matches nothing. */
  private resolveWords(query: QueryWord[], vocabulary: Vocabulary): { words: { terms: string[]; exact?: string; corrected?: string }[]; corrected?: string } {
    let anyCorrection = false;
    const deadline = correctionDeadline();
    const words = query.map((word) => {
      const terms = word.prefix ? vocabulary.withPrefix(word.folded, prefixExpansions(word.folded)) : vocabulary.count(word.folded) ? [word.folded] : [];
      if (word.prefix && vocabulary.count(word.folded) && !terms.includes(word.folded)) terms.unshift(word.folded);
      const exact = word.accented && word.exact !== word.folded ? word.exact : undefined;
      if (terms.length > 0 || word.folded.length < 3) return { terms, exact };
      const correction = vocabulary.closest(word.folded, deadline);
      if (!correction) return { terms };
      anyCorrection = true;
      return { terms: [correction], corrected: correction };
    });
    const corrected = anyCorrection ? query.map((word, i) => words[i].corrected ?? word.text).join(' ') : undefined;
    return { words, corrected };
  }

  /** The index as bytes, to save and load again with `SearchEngine.load` (in Node or in a browser). */
  save(): Uint8Array {
    const terms = new Set<string>();
    for (const field of FIELDS) for (const term of this.indexes[field].terms) terms.add(term);
    const head: SavedHead = {
      version: ENGINE_VERSION,
      articles: this.articles.map((entry) => entry && { ...entry, texts: undefined }),
      sections: this.sections,
      terms: [...terms],
    };
    const postings = new VarintWriter();
    for (const field of FIELDS) this.indexes[field].encode(head.terms, postings);
    return packSaved(head, postings.finish());
  }

  /** The engine `save` saved; throws on bytes of another engine version or damaged ones. */
  static load(bytes: Uint8Array): SearchEngine {
    const { head: saved, body } = unpackSaved<SavedHead>(bytes);
    if (saved.version !== ENGINE_VERSION) throw new Error(`saved index is version ${saved.version}, engine is ${ENGINE_VERSION}`);
    const engine = new SearchEngine();
    // A copy: the posting lists are kept as these bytes (postings.ts), without the rest of the file.
    const postings = new VarintReader(new Uint8Array(body));
    for (const field of FIELDS) engine.indexes[field] = PostingIndex.decode(saved.terms, postings);
    if (!postings.done) throw new Error('posting lists do not end where expected');
    engine.articles = saved.articles.map((entry) => entry && { ...entry, texts: NO_TEXTS });
    engine.sections = saved.sections;
    engine.sectionLecture = saved.sections.map((section) => section?.article ?? -1);
    engine.lectureVisible = saved.articles.map((entry) => entry?.visible ?? false);
    engine.articles.forEach((entry, id) => {
      if (!entry) return;
      engine.byKey.set(entry.key, id);
      engine.liveLectures++;
      engine.liveSections += entry.sectionIds.length;
    });
    [engine.vocabulary, engine.publishedVocabulary] = engine.countVocabulary();
    return engine;
  }
}

/** Bits set in each 16-bit value. */
const BITS_SET = Uint8Array.from({ length: 1 << 16 }, (_, value) => {
  let count = 0;
  for (let rest = value; rest; rest &= rest - 1) count++;
  return count;
});

function popcount(bits: number): number {
  return BITS_SET[bits & 0xffff] + BITS_SET[bits >>> 16];
}
