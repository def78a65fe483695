/**
 * The widths lecture images are offered at, besides full size: one list for the server that makes the copies
 * (core/cache/thumbnails.ts), the routes that name them (routes.ts) and the reader's `srcset`s. A browser picks the
 * smallest copy at least as wide as the image is shown times its pixel density: a phone downloads a phone-sized
 * image, a list banner (176 px) the smallest; the full-size file only in the image viewer.
 */
import { IMAGE_CONTENT_TYPES, imageTypeOf } from './imageTypes.js';

export const IMAGE_WIDTHS = [320, 640, 1024, 1600] as const;
export type ImageWidth = (typeof IMAGE_WIDTHS)[number];

export function isImageWidth(value: number): value is ImageWidth {
  return (IMAGE_WIDTHS as readonly number[]).includes(value);
}

/** Photographs and screenshots get smaller copies; drawings (SVG), animations (GIF) and icons are served as they are. */
export const RESIZED_CONTENT_TYPES: readonly string[] = [IMAGE_CONTENT_TYPES.png, IMAGE_CONTENT_TYPES.jpeg, IMAGE_CONTENT_TYPES.webp];

/**
 * Whether an asset path may have smaller copies. Decided by its extension; a path without one (an entry of the
 * offline image cache) may: the server then serves the original for a type it does not resize.
 */
export function hasSmallerCopies(assetPath: string): boolean {
  const type = imageTypeOf(assetPath);
  return type === undefined || RESIZED_CONTENT_TYPES.includes(type);
}
