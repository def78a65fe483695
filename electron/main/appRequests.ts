/**
 * What the desktop app's `app://reader/…` protocol answers, decided without Electron so it can be tested under
 * plain Node: the HTTP server's answers (core/server/readerRequests.ts), for this origin only.
 */
import { answerReaderRequest, refused, type AssetLookup, type ReaderAnswer } from '../../core/server/readerRequests.js';

export const APP_ORIGIN = 'app://reader';

export async function resolveAppRequest(url: string, rendererDir: string, assets: AssetLookup): Promise<ReaderAnswer> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refused(400);
  }
  if (parsed.origin !== APP_ORIGIN && `${parsed.protocol}//${parsed.host}` !== APP_ORIGIN) return refused(404);
  const answer = await answerReaderRequest(parsed.pathname, rendererDir, assets);
  // Electron resolves no relative redirect: the target is made absolute here.
  return answer.status === 302 ? { ...answer, headers: { ...answer.headers, location: new URL(answer.location, parsed).href } } : answer;
}
