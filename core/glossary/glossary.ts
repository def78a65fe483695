/**
 * The library's glossary: the term pairs of every lecture (extractTerms.ts) merged into one entry per term —
 * pairs that differ only in case, diacritic form (NFC, `hoá`/`hóa`) or an English plural are one entry — with
 * where it is introduced and every section that uses either term. Also finds the entries a search query names.
 */
import type { GlossaryEntry, GlossaryPlace } from '../common/api.js';
import { exactWord, foldWord, words } from '../common/vietnamese.js';
import { withTexts, type PackedTexts } from '../common/packedTexts.js';
import type { TermPair } from './extractTerms.js';

/** One lecture as the glossary reads it. */
export interface GlossarySource {
  slug: string;
  title: string;
  sections: readonly { id: string; title: string }[];
  /** The sections' texts, packed: read only to count uses. */
  texts: PackedTexts;
  pairs: readonly TermPair[];
}

/** Places listed under an entry ("where else it is used"); `uses` still counts them all. */
const MAX_LISTED_PLACES = 30;

/** "partitions" → "partition", "queries" → "query": English plurals folded so they merge and match. */
function singular(word: string): string {
  if (word.length <= 3 || /(ss|us|is)$/.test(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(sses|xes|ches|shes)$/.test(word)) return word.slice(0, -2);
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

/** The form terms and text are compared in: folded words, English plurals made singular. */
export function matchWords(text: string): string[] {
  // Folding the whole text at once, not word by word: the library's every section goes through here.
  return words(foldWord(text)).map(singular);
}

function mergeKey(pair: TermPair): string {
  const vi = words(pair.vi).map(exactWord).join(' ');
  const en = words(pair.en)
    .map((word) => singular(word.toLowerCase()))
    .join(' ');
  return `${vi}|${en}`;
}

/** A Vietnamese term is a common noun: shown lowercase, as it reads inside a sentence. */
function shownVietnamese(vi: string): string {
  return vi.charAt(0).toLowerCase() + vi.slice(1);
}

/**
 * Every entry, A–Z by the Vietnamese term, from the lectures in the order given (the first one introduces). Without
 * `withUses`, entries are not counted in every section (`uses` 0): what finding the entries a query names needs,
 * at a small share of the time (counting reads the whole library's text).
 */
export function buildGlossary(sources: readonly GlossarySource[], withUses = true): GlossaryEntry[] {
  const entries = new Map<string, GlossaryEntry & { terms: string[][] }>();
  for (const source of sources) {
    const sectionTitle = (id: string) => source.sections.find((section) => section.id === id)?.title ?? '';
    for (const pair of source.pairs) {
      const key = mergeKey(pair);
      const known = entries.get(key);
      if (known) {
        if (!known.definition && pair.definition) known.definition = pair.definition;
        // A heading capitalizes its words: the form written inside a sentence is the one to show.
        if (pair.en === pair.en.toLowerCase()) known.en = pair.en;
        continue;
      }
      const introduced: GlossaryPlace = { lecture: source.slug, title: source.title, section: pair.section, sectionTitle: sectionTitle(pair.section) };
      entries.set(key, {
        vi: shownVietnamese(pair.vi),
        en: pair.en,
        definition: pair.definition,
        introduced,
        uses: 0,
        usedIn: [],
        terms: [matchWords(pair.vi), matchWords(pair.en)],
      });
    }
  }
  if (withUses) countUses([...entries.values()], sources);
  return [...entries.values()].map(({ terms: _terms, ...entry }) => entry).sort((a, b) => a.vi.localeCompare(b.vi, 'vi') || a.en.localeCompare(b.en, 'en'));
}

/**
 * Match-form words by number: a section's words are kept as numbers (4 bytes each), not as strings — a library's
 * every section is kept this way, and strings would cost several times its text.
 */
const wordNumbers = new Map<string, number>();
const numberedWords: string[] = [];
function numberOf(word: string): number {
  let number = wordNumbers.get(word);
  if (number === undefined) {
    number = numberedWords.push(word) - 1;
    wordNumbers.set(word, number);
  }
  return number;
}

/** The text's words in match form (matchWords), by number: four bytes a word, however long the word. */
export const matchWordNumbers = (text: string): Int32Array => Int32Array.from(matchWords(text), numberOf);

/** The number of a word in match form, when some text numbered has it. */
export const knownWordNumber = (word: string): number | undefined => wordNumbers.get(word);

/** The word a number stands for. */
export const numberedWord = (number: number): string => numberedWords[number];

/** A lecture's sections' words in match form, kept while its packed texts are (an unchanged lecture keeps them). */
const wordsByLecture = new WeakMap<PackedTexts, Int32Array[]>();

function sectionWords(source: GlossarySource): Int32Array[] {
  let known = wordsByLecture.get(source.texts);
  if (!known) {
    known = withTexts(source.sections, source.texts).map((section) => matchWordNumbers(`${section.title}\n${section.text}`));
    wordsByLecture.set(source.texts, known);
  }
  return known;
}

/** Counts, for each entry, the sections whose text has either term, and lists those after the introduction. */
function countUses(entries: (GlossaryEntry & { terms: string[][] })[], sources: readonly GlossarySource[]): void {
  // Terms by their first word: each section's words are read once, whatever the number of entries.
  const byFirstWord = new Map<number, { entry: (typeof entries)[number]; term: number[] }[]>();
  for (const entry of entries) {
    for (const termWords of entry.terms) {
      if (termWords.length === 0) continue;
      const term = termWords.map(numberOf);
      const list = byFirstWord.get(term[0]) ?? [];
      list.push({ entry, term });
      byFirstWord.set(term[0], list);
    }
  }
  for (const source of sources) {
    const words = sectionWords(source);
    for (const [ordinal, section] of source.sections.entries()) {
      const text = words[ordinal];
      const found = new Set<(typeof entries)[number]>();
      text.forEach((word, at) => {
        for (const { entry, term } of byFirstWord.get(word) ?? []) {
          if (term.every((part, offset) => text[at + offset] === part)) found.add(entry);
        }
      });
      for (const entry of found) {
        entry.uses++;
        const intro = entry.introduced;
        const here = intro.lecture === source.slug && intro.section === section.id;
        if (!here && entry.usedIn.length < MAX_LISTED_PLACES) {
          entry.usedIn.push({ lecture: source.slug, title: source.title, section: section.id, sectionTitle: section.title });
        }
      }
    }
  }
}

/** One entry a query names, and the term of the other language to search for. */
export interface GlossaryMatch {
  entry: GlossaryEntry;
  /** The term as the query typed it (or began it), and its counterpart. */
  typed: string;
  counterpart: string;
  /** The query holds the whole term (true) or is the beginning of it, as typed so far (false). */
  whole: boolean;
}

/** A query this short is the beginning of too many terms to stand for one. */
const MIN_PREFIX_CHARS = 3;

/**
 * The entries whose Vietnamese or English term the query contains, or — while the student is still typing —
 * begins; with or without diacritics. Whole terms first, then longer typed parts, at most `limit`.
 */
export function glossaryMatches(query: string, entries: readonly GlossaryEntry[], limit = 3): GlossaryMatch[] {
  const typed = matchWords(query);
  const joined = typed.join(' ');
  if (joined.length < MIN_PREFIX_CHARS) return [];
  const matches: GlossaryMatch[] = [];
  for (const entry of entries) {
    for (const [side, other] of [
      [entry.vi, entry.en],
      [entry.en, entry.vi],
    ]) {
      const term = matchWords(side).join(' ');
      const whole = ` ${joined} `.includes(` ${term} `);
      // The last word may be unfinished: "ao gi" begins "ảo giác".
      if (whole || term.startsWith(joined)) {
        matches.push({ entry, typed: side, counterpart: other, whole });
        break;
      }
    }
  }
  return matches.sort((a, b) => Number(b.whole) - Number(a.whole) || b.typed.length - a.typed.length).slice(0, limit);
}
