/**
 * The lecture website's address form, `/blog/<slug>` (and `/blog/<slug>#heading`), typed or pasted into the
 * address bar. Both front doors (the HTTP server and the desktop app's `app://reader` protocol) redirect it to the
 * reader's own page with the slug in the query, `?lecture=<slug>`, written relative to the address so the reader
 * still works under a sub-path; the browser keeps the `#heading` across a redirect. The reader then turns the
 * query and the heading into its hash route. The reader's asset URLs never see the `/blog/` path.
 */
import { safeDecode } from './links.js';

const LECTURE_PARAMETER = 'lecture';

const SITE_ADDRESS = /^\/blog\/([^/?#]+)(\/?)$/;

/** Where a `/blog/<slug>` path (percent-encoded, as in the URL) is sent, relative to it; null for other paths. */
export function lectureSiteRedirect(pathname: string): string | null {
  const match = SITE_ADDRESS.exec(pathname);
  if (!match) return null;
  const slug = safeDecode(match[1]).toLowerCase();
  return `${match[2] ? '../../' : '../'}?${new URLSearchParams({ [LECTURE_PARAMETER]: slug })}`;
}

/** The lecture and section a redirected page address names (`?lecture=<slug>` and `#heading`), or null. */
export function lectureOfAddress(search: string, hash: string): { slug: string; section?: string } | null {
  const slug = new URLSearchParams(search).get(LECTURE_PARAMETER);
  if (!slug) return null;
  const heading = hash.startsWith('#') && !hash.startsWith('#/') ? safeDecode(hash.slice(1)) : '';
  return heading ? { slug, section: heading } : { slug };
}
