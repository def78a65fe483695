/**
 * Asset paths: how the contract names an image the reader can load offline (`LectureDetail.images`, banners). A file
 * inside library folder number `root` is `<root>/<path>`; an entry of the offline image cache is `cache/<key>`.
 * Encoded and decoded only here; `assetRoute` (routes.ts) turns one into a URL path.
 */
export type AssetLocation = { kind: 'library'; root: number; relative: string } | { kind: 'cache'; key: string };

const CACHE_ROOT = 'cache';

export function encodeAssetPath(location: AssetLocation): string {
  return location.kind === 'cache' ? `${CACHE_ROOT}/${location.key}` : `${location.root}/${location.relative}`;
}

/** The location an asset path's root (before its first `/`) and the rest name, or null for an unknown root. */
export function decodeAssetPath(root: string, rest: string): AssetLocation | null {
  if (root === CACHE_ROOT) return { kind: 'cache', key: rest };
  return /^\d+$/.test(root) ? { kind: 'library', root: Number(root), relative: rest } : null;
}
