/**
 * Validation of what the renderer sends over IPC. The renderer is untrusted: every argument is checked for
 * type and size before the library sees it, and anything unexpected is refused.
 */
import type { SearchRequest } from '../common/api.js';
import type { BRIDGE_CHANNELS, LectureBridge } from '../common/bridge.js';

export class InvalidRequest extends Error {}

function options(value: unknown): { includeDrafts?: boolean } {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new InvalidRequest('options must be an object');
  const { includeDrafts } = value as { includeDrafts?: unknown };
  if (includeDrafts !== undefined && typeof includeDrafts !== 'boolean') throw new InvalidRequest('includeDrafts must be a boolean');
  return { includeDrafts: includeDrafts as boolean | undefined };
}

function text(value: unknown, name: string, max: number): string {
  if (typeof value !== 'string') throw new InvalidRequest(`${name} must be text`);
  return value.slice(0, max);
}

/** Checked arguments for each bridge method. */
export const validateArguments: { [K in keyof typeof BRIDGE_CHANNELS]: (args: unknown[]) => Parameters<LectureBridge[K]> } = {
  getLibrary: ([value]) => [options(value)],
  getArticle: ([slug, value]) => [text(slug, 'slug', 300), options(value)],
  getProblems: () => [],
  getOfflineStatus: () => [],
  search: ([value]) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new InvalidRequest('search request must be an object');
    const request = value as Record<string, unknown>;
    const tags = request.tags ?? [];
    if (!Array.isArray(tags) || tags.length > 20) throw new InvalidRequest('tags must be a short list');
    const limit = request.limit ?? 20;
    if (typeof limit !== 'number' || !Number.isFinite(limit)) throw new InvalidRequest('limit must be a number');
    const checked: SearchRequest = {
      q: text(request.q, 'q', 2000),
      tags: tags.map((tag) => text(tag, 'tag', 100)),
      limit: Math.min(Math.max(1, Math.floor(limit)), 100),
      includeDrafts: options({ includeDrafts: request.includeDrafts }).includeDrafts,
    };
    return [checked];
  },
};
