/**
 * API answers that depend only on the library (the list, a lecture) compressed once per library version and
 * encoding, not again for every student: a classroom opening the list at once costs one compression, not sixty.
 * A new library version drops them all.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { VersionedMap } from '../common/versionedMap.js';

const ENCODERS = {
  br: (data: Buffer) => promisify(brotliCompress)(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } }),
  gzip: (data: Buffer) => promisify(gzip)(data),
} as const;
type Encoding = keyof typeof ENCODERS | 'identity';

/** Answers kept at most: every lecture of a big library plus its list, in each encoding, stays well under this. */
const MAX_ANSWERS = 20_000;

export class PrecompressedAnswers {
  private readonly kept = new VersionedMap<string, Promise<Buffer>>();

  /** Sends `value` (made by `make` the first time) as JSON, compressed as the client accepts, from the store when it can. */
  async send(request: FastifyRequest, reply: FastifyReply, version: number, key: string, make: () => Promise<unknown>): Promise<FastifyReply> {
    const answers = this.kept.at(version);
    const encoding = acceptedEncoding(request.headers['accept-encoding']);
    const id = `${encoding} ${key}`;
    let answer = answers.get(id);
    if (!answer) {
      answer = make().then((value) => {
        const json = Buffer.from(JSON.stringify(value));
        return encoding === 'identity' ? json : ENCODERS[encoding](json);
      });
      if (answers.size >= MAX_ANSWERS) answers.clear();
      answers.set(id, answer);
      const made = answer;
      made.catch(() => answers.get(id) === made && answers.delete(id));
    }
    const body = await answer;
    reply.header('content-type', 'application/json; charset=utf-8').header('vary', 'accept-encoding');
    if (encoding !== 'identity') reply.header('content-encoding', encoding);
    return reply.send(body);
  }
}

/** The best encoding the client takes (brotli, then gzip), from its accept-encoding header; q=0 refuses one. */
function acceptedEncoding(header: string | string[] | undefined): Encoding {
  const accepted = new Set(
    String(header ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase().split(';'))
      .filter(([, quality]) => !/^\s*q=0(\.0*)?\s*$/.test(quality ?? ''))
      .map(([name]) => name),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return 'identity';
}
