import { foldWord } from './vietnamese.js';

/**
 * The site's slug rule: Vietnamese diacritics folded (đ → d), lowercase, every run of other characters
 * becomes `-`, no `-` at either end. "Giới thiệu chung về Big Data" → "gioi-thieu-chung-ve-big-data".
 */
export function slugify(title: string): string {
  return foldWord(title.normalize('NFC'))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
