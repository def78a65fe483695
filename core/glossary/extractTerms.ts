/**
 * The Vietnamese⇄English term pairs one lecture introduces, read from its Markdown text alone (a pure function
 * of the body and its headings, so it can be cached per lecture). Authors write them as `vi (en)`, `en (vi)`,
 * `en - vi` / `vi - en` in headings, and `**term** – translation`. Precision over recall: a candidate must look
 * like a term on both sides (a few words; the English side ASCII words and not Vietnamese without diacritics,
 * no product names or abbreviations; the Vietnamese side Vietnamese), otherwise it is dropped.
 */
import type { Heading } from '../common/api.js';
import { exactWord, foldWord, hasDiacritics } from '../common/vietnamese.js';

export interface TermPair {
  vi: string;
  en: string;
  /** Anchor id of the section that introduces the pair ('' before the first heading). */
  section: string;
  /** The sentence that introduces the term, plain text; '' when the text gives none. */
  definition: string;
}

/** Longest term, in words (Vietnamese syllables or English words). */
const MAX_VI_WORDS = 6;
const MAX_EN_WORDS = 4;
/** A definition is a sentence, not a label: at least this many words, at most this many characters. */
const MIN_DEFINITION_WORDS = 6;
const MAX_DEFINITION_CHARS = 300;

/** Marks the edge of a phrase in a cleaned line: emphasis, code, links and punctuation all end a term. */
const EDGE = '¦';
const EDGE_CHARS = /[¦.,;:!?…"“”'‘’|()[\]{}<>=/\\*_`~#+]/u;

/** Function words: a phrase holding one is a clause or a list ("loại bỏ các cột"), not a term. Exact forms. */
const VI_FUNCTION_WORDS = new Set(
  [
    'là',
    'của',
    'các',
    'những',
    'một',
    'được',
    'và',
    'với',
    'cho',
    'để',
    'khi',
    'này',
    'đó',
    'có',
    'trong',
    'về',
    'như',
    'thì',
    'mà',
    'hay',
    'hoặc',
    'bằng',
    'tại',
    'theo',
    'sẽ',
    'đã',
    'đang',
    'bị',
    'vì',
    'nếu',
    'không',
    'rằng',
    'nhưng',
    'thường',
    'mỗi',
    'mọi',
    'từng',
    'vài',
  ].map(exactWord),
);

/** Verbs that open an instruction ("Dùng danh từ (nouns)", "giúp xây dựng (build)"): a term never starts with one. */
const VI_LEADING_VERBS = new Set(['dùng', 'giúp', 'tăng', 'giảm', 'gửi', 'tạo', 'trả', 'cần', 'phải', 'nên', 'gọi', 'sử', 'hãy', 'nhằm'].map(exactWord));

/**
 * Verbs a Vietnamese phrase can open with ("kiểm tra chứng chỉ (certificate)"): such a phrase names an action,
 * and only an English term that names one too (Memory Management, scheduling) translates it.
 */
const VI_ACTION_VERBS = new Set(
  ['kiểm tra', 'khởi động', 'xử lý', 'tính toán', 'hợp nhất', 'sắp xếp', 'quản lý', 'thực hiện', 'sử dụng', 'chạy', 'gửi', 'nhận', 'đọc', 'ghi'].map((verb) =>
    verb.split(' ').map(exactWord).join(' '),
  ),
);
const ENGLISH_ACTION_NOUN = /(ing|ment|tion|sion|ance|ence|ity|sis|er|or|ure)$/i;

/** Notes an author puts in parentheses after a term, which are no translation of it ("Code on Demand (tùy chọn)"). */
const VI_NOTES = new Set(
  ['tùy chọn', 'không bắt buộc', 'bắt buộc', 'mặc định', 'khuyến nghị', 'nâng cao', 'cơ bản', 'ví dụ'].map((note) => note.split(' ').map(exactWord).join(' ')),
);

/** Whether the pair can be one term in two languages (an action translated by a thing is not). */
function translates(vi: string, en: string): boolean {
  const viWords = wordsOf(vi).map(exactWord);
  if (VI_NOTES.has(viWords.join(' '))) return false;
  const opensWithVerb = VI_ACTION_VERBS.has(viWords.slice(0, 2).join(' ')) || VI_ACTION_VERBS.has(viWords[0]);
  return !opensWithVerb || ENGLISH_ACTION_NOUN.test(wordsOf(en).pop() ?? '');
}

/** Common Vietnamese syllables written without diacritics: a side made of them is not English. */
const TONELESS_VIETNAMESE = new Set([
  'khong',
  'nhung',
  'cua',
  'duoc',
  'nguoi',
  'cac',
  'trong',
  'voi',
  'nhieu',
  'mot',
  'hoac',
  'thi',
  'nhu',
  'tren',
  'duoi',
  'giua',
  'theo',
  'hoc',
  'lieu',
  'du',
  'va',
  'la',
  'cho',
  'khi',
  'nay',
  'thanh',
  'bang',
  'viec',
  'phan',
  'tich',
  'nhau',
  'gian',
  'hon',
  'dang',
  'cung',
  'dung',
  'sang',
  'nhanh',
  'cham',
  'moi',
  'cu',
]);
/** English words that alone are no term: filler, and the labels of a step or an example ("Dữ liệu mẫu (input)"). */
const ENGLISH_FILLER = new Set([
  'a',
  'an',
  'the',
  'of',
  'and',
  'or',
  'to',
  'in',
  'on',
  'for',
  'is',
  'are',
  'with',
  'by',
  'as',
  'at',
  'from',
  'vs',
  'etc',
  'eg',
  'ie',
  'optional',
  'example',
  'note',
  'input',
  'output',
  'result',
  'step',
  'summary',
  'overview',
]);

const LETTER_WORD = /^\p{L}[\p{L}\p{M}]*(?:-\p{L}[\p{L}\p{M}]*)*$/u;
const ENGLISH_WORD = /^[A-Za-z]+(?:-[A-Za-z]+)*$/;

function wordsOf(phrase: string): string[] {
  return phrase.trim().split(/\s+/).filter(Boolean);
}

/** An English term: 1–4 ASCII words, not only filler, not an abbreviation, a product name or Vietnamese. */
export function isEnglishTerm(phrase: string, vietnamese = ''): boolean {
  const items = wordsOf(phrase);
  if (items.length === 0 || items.length > MAX_EN_WORDS) return false;
  if (!items.every((word) => ENGLISH_WORD.test(word))) return false;
  // Abbreviations (HRM, SaaS) and product names (PayPal, MongoDB): capitals after the first letter.
  if (items.some((word) => /^.+[A-Z]/.test(word))) return false;
  if (items.every((word) => ENGLISH_FILLER.has(word.toLowerCase()))) return false;
  // "(cacheable)", "(detached)": one adjective or participle describes; it is not the name of a term.
  if (items.length === 1 && /(ed|able|ible)$/i.test(items[0])) return false;
  const folded = new Set(wordsOf(foldWord(vietnamese)));
  // "học máy (hoc may)": the Vietnamese written again without its diacritics.
  if (items.some((word) => TONELESS_VIETNAMESE.has(word.toLowerCase()) || folded.has(word.toLowerCase()))) return false;
  return true;
}

/** A Vietnamese syllable written without marks ("kho", "cho", "ban"): onset, vowels, coda. "file", "data" are not. */
const PLAIN_SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?$/;

function isVietnameseWord(word: string): boolean {
  return hasDiacritics(word) || PLAIN_SYLLABLE.test(word.toLowerCase());
}

/**
 * A Vietnamese term: 2–6 words of letters, at least one with diacritics, no function word. A word that is no
 * Vietnamese syllable is only a lowercase loanword inside it ("hệ thống file tạm"): the term does not start or
 * end on one ("phản hồi từ server"), and a capitalized word after the first is a name or an English term inside
 * a Vietnamese phrase ("Thiết kế Map", "Mô hình GPT").
 */
export function isVietnameseTerm(phrase: string): boolean {
  const items = wordsOf(phrase);
  if (items.length < 2 || items.length > MAX_VI_WORDS) return false;
  if (!items.every((word) => LETTER_WORD.test(word))) return false;
  if (!items.some(hasDiacritics)) return false;
  if (!isVietnameseWord(items[0]) || !isVietnameseWord(items[items.length - 1])) return false;
  if (items.some((word, index) => !hasDiacritics(word) && (index > 0 || !isVietnameseWord(word)) && /[A-Z]/.test(word))) return false;
  if (items.filter((word) => !isVietnameseWord(word)).length * 2 > items.length) return false;
  if (items.some((word) => VI_FUNCTION_WORDS.has(exactWord(word))) || VI_LEADING_VERBS.has(exactWord(items[0]))) return false;
  return true;
}

/** The words just before `end` in `text`, back to the nearest phrase edge, read as a term in one language. */
function termBefore(text: string, language: 'vi' | 'en', counterpartWords: number): string | null {
  const before = text.replace(/\s+$/, '');
  let start = before.length;
  while (start > 0 && !EDGE_CHARS.test(before[start - 1])) start--;
  const items = wordsOf(before.slice(start));
  if (items.length === 0) return null;
  if (language === 'en') {
    let first = items.length;
    while (first > 0 && !hasDiacritics(items[first - 1])) first--;
    // An English run longer than a term, or one that sits inside a Vietnamese phrase: no clear start.
    const run = items.slice(first);
    return run.length > 0 && run.length <= MAX_EN_WORDS ? run.join(' ') : null;
  }
  // A Vietnamese term is the whole phrase, from its edge (line or list-item start, emphasis, punctuation): where
  // the author marked where the term starts. A start inside a running clause (after "các", "là", a verb) cannot
  // be told from the words alone ("loại bỏ các cột dư thừa (projection pruning)"), so it gives no term.
  const limit = Math.min(MAX_VI_WORDS, 2 * counterpartWords + 2);
  return items.length <= limit ? items.join(' ') : null;
}

/** Inline Markdown turned into plain words, with an edge mark wherever a phrase must end. */
function cleanInline(line: string): string {
  return line
    .replace(/`[^`]*`/g, EDGE)
    .replace(/\$[^$]*\$/g, EDGE)
    .replace(/!\[[^\]]*\]\([^)]*\)/g, EDGE)
    .replace(/\[([^\]]*)\]\([^)]*\)/g, `${EDGE}$1${EDGE}`)
    .replace(/<[^>]*>/g, EDGE)
    .replace(/\*\*|__/g, EDGE)
    .replace(/(^|\s)[*_]|[*_](?=\s|$)/g, `$1${EDGE}`);
}

/** The same line as a reader sees it: no Markdown marks at all. */
function plainInline(line: string): string {
  return line
    .replace(/`([^`]*)`/g, '$1')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, '')
    .replace(/\*\*|__/g, '')
    .replace(/(^|\s)[*_]|[*_](?=\s|$|[.,;:!?])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Candidate {
  vi: string;
  en: string;
}

/** "ngôn ngữ (Java)": a capitalized English word after a lowercase phrase names a product, not the term. */
function namesProduct(en: string, vi: string): boolean {
  return /^[A-Z]/.test(en) && /^\p{Ll}/u.test(vi);
}

/** `vi (en)` and `en (vi)` inside one cleaned line. */
function parenthesisPairs(line: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of line.matchAll(/\(([^()]{1,80})\)/g)) {
    // "(Infrastructure as a Service - IaaS)": the words before an abbreviation. A list is no translation.
    const inside = match[1]
      .replace(/(?:\s[-–—]\s|,\s*)[A-Z][A-Za-z]*[A-Z]s?$/, '')
      .replace(new RegExp(EDGE, 'g'), '')
      .trim();
    if (/[,;:]/.test(inside)) continue;
    const before = line.slice(0, match.index);
    if (hasDiacritics(inside)) {
      if (!isVietnameseTerm(inside)) continue;
      const en = termBefore(before, 'en', 0);
      // "Spark (công cụ xử lý)": one capitalized word before an explanation names a product.
      if (en && !/^[A-Z]\S*$/.test(en) && isEnglishTerm(en, inside)) found.push({ vi: inside, en });
    } else {
      const vi = termBefore(before, 'vi', wordsOf(inside).length);
      if (vi && !namesProduct(inside, vi) && isVietnameseTerm(vi) && isEnglishTerm(inside, vi)) found.push({ vi, en: inside });
    }
  }
  return found;
}

/** `en - vi` or `vi - en` as a whole phrase (a heading, or a bold term and what follows it). */
function dashPair(left: string, right: string): Candidate | null {
  const a = left.split(':').pop()!.replace(new RegExp(EDGE, 'g'), ' ').trim();
  const b = right
    .split(/[:(]|\s\/\s/)[0]
    .replace(new RegExp(EDGE, 'g'), ' ')
    .trim();
  if (isEnglishTerm(a, b) && isVietnameseTerm(b)) return { vi: b, en: a };
  if (isVietnameseTerm(a) && isEnglishTerm(b, a)) return { vi: a, en: b };
  return null;
}

const DASH = /\s[-–—]\s/;

function headingPairs(text: string): Candidate[] {
  const cleaned = cleanInline(text.replace(/^(?:[\dIVX]+\.)*[\dIVX]*\.?\s+/, ''));
  const parts = cleaned.split(DASH);
  const dashed = parts.length === 2 ? dashPair(parts[0], parts[1]) : null;
  return dashed ? [dashed] : parenthesisPairs(cleaned);
}

/** `**term** – translation` (the translation ends at punctuation or the end of the line). */
function boldDashPairs(line: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of line.matchAll(/\*\*([^*]{1,60})\*\*\s*[-–—]\s*([^.,;:!?()*]{1,60})/g)) {
    const pair = dashPair(match[1], match[2]);
    if (pair) found.push(pair);
  }
  return found;
}

/** The sentence of a plain line that carries the term, when it is a real sentence and says more than the term. */
function definitionIn(plain: string, pair: Candidate): string {
  const sentences = plain.split(/(?<=[.!?])\s+(?=\P{Ll})/u);
  const vi = foldWord(pair.vi);
  const en = pair.en.toLowerCase();
  const sentence = sentences.find((item) => foldWord(item).includes(vi) || item.toLowerCase().includes(en)) ?? '';
  // "Định nghĩa: Data Lake là…": a short label before the term is not part of the sentence.
  const unlabelled = sentence.replace(/^[-*+>\s]+|^\d+[.)]\s+/, '');
  const label = /^([^:]{1,20}):\s+/.exec(unlabelled);
  const after = label ? foldWord(unlabelled.slice(label[0].length)) : '';
  const opensWithTerm = label && wordsOf(label[1]).length <= 2 && (after.startsWith(vi) || after.startsWith(en));
  const clean = (opensWithTerm ? unlabelled.slice(label[0].length) : unlabelled).trim();
  const rest = foldWord(clean).replace(vi, ' ').replace(foldWord(pair.en), ' ');
  if (wordsOf(rest.replace(/[^\p{L}\p{N}]+/gu, ' ')).length < MIN_DEFINITION_WORDS || clean.length > MAX_DEFINITION_CHARS) return '';
  return clean;
}

const ATX_HEADING = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Every term pair the lecture introduces, in order, each with its section and defining sentence. */
export function extractTermPairs(body: string, headings: readonly Heading[]): TermPair[] {
  const pairs: TermPair[] = [];
  let section = '';
  let nextHeading = 0;
  let fence: string | null = null;
  /** Pairs from a heading wait for the section's first sentence as their definition. */
  let awaiting: TermPair[] = [];

  for (const line of body.split('\n')) {
    const fenceMark = FENCE.exec(line)?.[1];
    if (fence) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = null;
      continue;
    }
    if (fenceMark) {
      fence = fenceMark;
      continue;
    }
    const heading = ATX_HEADING.exec(line);
    if (heading) {
      const text = plainInline(heading[2]);
      // The outline's headings, in order: a heading it does not have (inside HTML, say) keeps the section.
      const index = headings.findIndex((item, i) => i >= nextHeading && i < nextHeading + 3 && foldWord(item.text) === foldWord(text));
      if (index >= 0) {
        section = headings[index].id;
        nextHeading = index + 1;
      }
      awaiting = headingPairs(heading[2])
        .filter((pair) => translates(pair.vi, pair.en))
        .map((pair) => ({ ...pair, section, definition: '' }));
      pairs.push(...awaiting);
      continue;
    }
    if (!line.trim() || /^\s*\|/.test(line)) continue;
    for (const pair of awaiting) if (!pair.definition) pair.definition = definitionIn(plainInline(line), pair);
    awaiting = [];
    // Most lines hold no pair at all: only a parenthesis or a dash can start one.
    if (!line.includes('(') && !/\s[-–—]\s/.test(line)) continue;
    const cleaned = cleanInline(line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').replace(/^\s*>\s?/, ''));
    for (const pair of [...parenthesisPairs(cleaned), ...boldDashPairs(line)].filter((item) => translates(item.vi, item.en))) {
      pairs.push({ ...pair, section, definition: definitionIn(plainInline(line), pair) });
    }
  }
  return pairs;
}
