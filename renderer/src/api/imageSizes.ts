import { hasSmallerCopies, IMAGE_WIDTHS } from '../../../core/common/imageSizes.js';
import { api } from './index.js';

/** The `srcset` of an asset's smaller copies (see core/common/imageSizes.ts), or undefined when it has none. */
export function imageSrcSet(assetPath: string): string | undefined {
  if (!hasSmallerCopies(assetPath)) return undefined;
  return IMAGE_WIDTHS.map((width) => `${api.sizedImageUrl(assetPath, width)} ${width}w`).join(', ');
}

/*
 * How wide images are shown (styles.css), for the browser to choose among the copies: the phone layout starts at
 * 820 px; a lecture is at most 60rem wide ("Rộng"); a list banner is the card's 11rem column, the whole card on a phone.
 */
export const READING_COLUMN_SIZES = '(max-width: 820px) 100vw, 60rem';
export const LIST_BANNER_SIZES = '(max-width: 820px) 100vw, 11rem';

/**
 * A lecture image: the width its author gave it (`<img width="300">`) within the column or the screen; else the
 * column's. (Not `sizes="auto"`: browsers then hold an image without a width and height at 300 × 150 px.)
 */
export function lectureImageSizes(width: number | string | undefined): string {
  const pixels = Number(width);
  return pixels > 0 ? `(max-width: 820px) min(${pixels}px, 100vw), min(${pixels}px, 60rem)` : READING_COLUMN_SIZES;
}
