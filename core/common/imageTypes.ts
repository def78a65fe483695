/** The image formats a lecture may use: each one's content type, by kind (as recognised from the bytes) and by file extension. */
export type ImageKind = 'png' | 'jpeg' | 'gif' | 'webp' | 'avif' | 'bmp' | 'ico' | 'svg';

export const IMAGE_CONTENT_TYPES: Record<ImageKind, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  bmp: 'image/bmp',
  ico: 'image/x-icon',
  svg: 'image/svg+xml',
};

const KIND_BY_EXTENSION: Record<string, ImageKind> = {
  '.png': 'png',
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
  '.gif': 'gif',
  '.webp': 'webp',
  '.avif': 'avif',
  '.svg': 'svg',
  '.bmp': 'bmp',
  '.ico': 'ico',
};

/** Content type by extension (lowercase, with its dot). Anything else is not served as an asset. */
export const IMAGE_TYPES: Record<string, string> = Object.fromEntries(
  Object.entries(KIND_BY_EXTENSION).map(([extension, kind]) => [extension, IMAGE_CONTENT_TYPES[kind]]),
);

/** Content type of an image file by its name's extension, or undefined when it is not an image a lecture may use. */
export function imageTypeOf(fileName: string): string | undefined {
  const extension = /\.[^./\\]+$/.exec(fileName)?.[0].toLowerCase();
  return extension && Object.hasOwn(IMAGE_TYPES, extension) ? IMAGE_TYPES[extension] : undefined;
}
