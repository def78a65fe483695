import { hasSmallerCopies, IMAGE_WIDTHS } from '../../../core/common/imageSizes.js';
import { api } from './index.js';

/** The `srcset` of an asset's smaller copies (see core/common/imageSizes.ts), or undefined when it has none. */
export function imageSrcSet(assetPath: string): string | undefined {
  if (!hasSmallerCopies(assetPath)) return undefined;
  return IMAGE_WIDTHS.map((width) => `${api.sizedImageUrl(assetPath, width)} ${width}w`).join(', ');
}
