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
/** A lecture image: its laid-out width where the browser knows it (`auto`, lazy images only), else the column's. */
export const LECTURE_IMAGE_SIZES = `auto, ${READING_COLUMN_SIZES}`;
export const LIST_BANNER_SIZES = '(max-width: 820px) 100vw, 11rem';
