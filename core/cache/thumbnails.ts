/**
 * Smaller copies of lecture images, at the widths of core/common/imageSizes.ts: a list banner is shown 176 px wide
 * and an article image at most a phone's or a column's width, but either is often a photo thousands of pixels
 * wide, megabytes a student would download over the classroom Wi-Fi. Each copy is made once with sharp (libvips),
 * kept in the cache folder under a name drawn from the source file's path, size and time and the width (an edited
 * image gets new copies), and served as a file (ETag, Last-Modified, 304s).
 *
 * Only photographs and screenshots are resized (PNG, JPEG, WebP); other kinds (SVG, animated GIF, icons), an image
 * sharp cannot read, or sharp itself missing: the original is served, as before.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../node/atomicFile.js';
import { RESIZED_CONTENT_TYPES, type ImageWidth } from '../common/imageSizes.js';
import { IMAGE_CONTENT_TYPES } from '../common/imageTypes.js';

/** Bigger images are not decoded at all: a hostile file claiming a huge size cannot make the server allocate it. */
export const MAX_SOURCE_PIXELS = 64_000_000;
/** Part of every copy's name: a change in how copies are made gives every image a new one. */
const RECIPE = 'webp70-v1';

export interface ImageFile {
  file: string;
  type: string;
}

export class Thumbnails {
  /** Copies being made, by name: a classroom asking for one banner at once makes it once. */
  private readonly making = new Map<string, Promise<ImageFile>>();

  constructor(private readonly folder: string) {}

  /** The copy of `source` at most `width` wide, made when missing; the source itself when it is not resized. */
  async of(source: ImageFile, width: ImageWidth): Promise<ImageFile> {
    if (!RESIZED_CONTENT_TYPES.includes(source.type)) return source;
    let info;
    try {
      info = await stat(source.file);
    } catch {
      return source;
    }
    const name = createHash('sha256')
      .update(JSON.stringify([source.file, info.size, info.mtimeMs, width, RECIPE]))
      .digest('hex')
      .slice(0, 32);
    const target: ImageFile = { file: path.join(this.folder, `${name}.webp`), type: IMAGE_CONTENT_TYPES.webp };
    const pending = this.making.get(name);
    if (pending) return pending;
    const made = this.make(source, target, width).finally(() => this.making.delete(name));
    this.making.set(name, made);
    return made;
  }

  private async make(source: ImageFile, target: ImageFile, width: ImageWidth): Promise<ImageFile> {
    if (
      await stat(target.file).then(
        () => true,
        () => false,
      )
    )
      return target;
    try {
      // Loaded when first needed: a server whose list has no banners never loads the native library.
      const { default: sharp } = await import('sharp');
      const bytes = await sharp(source.file, { limitInputPixels: MAX_SOURCE_PIXELS, failOn: 'error' })
        .rotate()
        .resize({ width, withoutEnlargement: true })
        .webp({ quality: 70 })
        .toBuffer();
      await writeFileAtomic(target.file, bytes);
      return target;
    } catch {
      // Unreadable as an image, too large, or no sharp on this platform: the original still shows.
      return source;
    }
  }
}

/** How finely an SVG is drawn (dots per inch; 72 is its own size): twice, for sharp screens. */
export const SVG_DENSITY = 144;

/**
 * An SVG drawn into a PNG at most `width` wide, or null when it cannot be drawn. Given to sharp as bytes, without its
 * path, so a reference in it cannot load another file. For places where an SVG must not be served as itself (it is a
 * document that can run script when opened on its own) and nothing else sandboxes it.
 */
export async function drawnSvg(file: string, width: number): Promise<Uint8Array | null> {
  try {
    const { default: sharp } = await import('sharp');
    return await sharp(await readFile(file), { limitInputPixels: MAX_SOURCE_PIXELS, failOn: 'error', density: SVG_DENSITY })
      .resize({ width, withoutEnlargement: true })
      .png()
      .toBuffer();
  } catch {
    return null;
  }
}
