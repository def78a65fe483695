/**
 * The images a book embeds: each lecture image (found only where the reader finds it: a library folder or the
 * offline image cache, never the network) resized for a phone's screen with sharp and written as JPEG, or PNG when
 * it has transparency — formats every e-reader shows. An image used by several chapters is embedded once.
 */
import { readFile } from 'node:fs/promises';
import { MAX_SOURCE_PIXELS, SVG_DENSITY, type ImageFile } from '../../cache/thumbnails.js';
import { IMAGE_CONTENT_TYPES } from '../../common/imageTypes.js';

/** Wide enough for a phone held sideways or a tablet; a photo thousands of pixels wide only makes the book heavy. */
export const BOOK_IMAGE_MAX_WIDTH = 1000;
const BOOK_IMAGE_MAX_HEIGHT = 1600;
const JPEG_QUALITY = 75;
/**
 * What sharp reads. An SVG is drawn into pixels, never embedded: it is a document (scripts, references to other
 * files) an e-reader might act on. It is given to sharp as bytes, without its path, so it can load nothing else.
 */
const CONVERTED_TYPES = new Set([
  IMAGE_CONTENT_TYPES.png,
  IMAGE_CONTENT_TYPES.jpeg,
  IMAGE_CONTENT_TYPES.gif,
  IMAGE_CONTENT_TYPES.webp,
  IMAGE_CONTENT_TYPES.avif,
  IMAGE_CONTENT_TYPES.svg,
]);

export interface EmbeddedImage {
  /** Path inside the book's content folder (`images/image-001.jpg`). */
  path: string;
  mediaType: string;
  bytes: Uint8Array;
}

export class BookImages {
  private readonly byAsset = new Map<string, Promise<EmbeddedImage | null>>();
  private readonly embedded: EmbeddedImage[] = [];

  /** `locate` finds the file behind an asset path (LectureService.asset). */
  constructor(private readonly locate: (root: string, relative: string) => Promise<ImageFile | null>) {}

  /** The embedded copy of the image at `assetPath`, or null when it cannot be read as an image. */
  embed(assetPath: string): Promise<EmbeddedImage | null> {
    let pending = this.byAsset.get(assetPath);
    if (!pending) this.byAsset.set(assetPath, (pending = this.make(assetPath)));
    return pending;
  }

  /** Every image embedded so far, in the order first used. */
  get images(): readonly EmbeddedImage[] {
    return this.embedded;
  }

  private async make(assetPath: string): Promise<EmbeddedImage | null> {
    const slash = assetPath.indexOf('/');
    const source = slash > 0 ? await this.locate(assetPath.slice(0, slash), assetPath.slice(slash + 1)) : null;
    if (!source || !CONVERTED_TYPES.has(source.type)) return null;
    const converted = await phoneCopy(source);
    if (!converted) return null;
    const number = String(this.embedded.length + 1).padStart(3, '0');
    const image = { path: `images/image-${number}.${converted.extension}`, mediaType: converted.mediaType, bytes: converted.bytes };
    this.embedded.push(image);
    return image;
  }
}

async function phoneCopy(source: ImageFile): Promise<{ bytes: Uint8Array; mediaType: string; extension: string } | null> {
  try {
    // Loaded when first needed, as for thumbnails: a book without images never loads the native library.
    const { default: sharp } = await import('sharp');
    const density = source.type === IMAGE_CONTENT_TYPES.svg ? SVG_DENSITY : undefined;
    const image = sharp(await readFile(source.file), { limitInputPixels: MAX_SOURCE_PIXELS, failOn: 'error', density })
      .rotate()
      .resize({ width: BOOK_IMAGE_MAX_WIDTH, height: BOOK_IMAGE_MAX_HEIGHT, fit: 'inside', withoutEnlargement: true });
    const { hasAlpha } = await image.metadata();
    if (hasAlpha) return { bytes: await image.png({ palette: true }).toBuffer(), mediaType: IMAGE_CONTENT_TYPES.png, extension: 'png' };
    return { bytes: await image.jpeg({ quality: JPEG_QUALITY }).toBuffer(), mediaType: IMAGE_CONTENT_TYPES.jpeg, extension: 'jpg' };
  } catch {
    // Unreadable as an image, too large, or no sharp on this platform: the chapter shows the description instead.
    return null;
  }
}
