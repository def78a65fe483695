/**
 * Fetching only from the public internet. A lecture can name any address as an image; left alone, the cache
 * would fetch this machine's or the school network's own services (a router page, a printer, a local admin
 * panel), store the answer and serve it to every student, and its errors would tell which ports are open.
 * So loopback, private, link-local, multicast, unspecified and other special addresses (in IPv4, IPv6 and
 * IPv4-mapped forms) are refused, after name resolution, before every request of a redirect chain; where this
 * module makes the connection itself, it connects to the very address it checked, so a name that resolves
 * differently the second time (DNS rebinding) cannot slip through. Every refusal reads the same, whatever is
 * or is not listening there.
 */
import ipaddr from 'ipaddr.js';
import dns from 'node:dns';
import { Agent, fetch as undiciFetch } from 'undici';
import type { Fetch } from '../node/fetch.js';

export class PrivateAddressError extends Error {
  constructor() {
    super("refused: a local or private network address (allowed only with --allow-private-network, for a school's own mirror)");
  }
}

/** True for an address on the public internet; false for every local, private or special range. */
export function isPublicAddress(text: string): boolean {
  if (!ipaddr.isValid(text)) return false;
  const address = ipaddr.process(text);
  const range = address.range();
  // NAT64 (64:ff9b::/96) carries an IPv4 address: it is as public as that address.
  if (address.kind() === 'ipv6' && range === 'rfc6052') {
    const bytes = address.toByteArray();
    return isPublicAddress(bytes.slice(12).join('.'));
  }
  return range === 'unicast';
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** dns.lookup that fails when any address the name resolves to is not public: the connection's own lookup. */
export function publicLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    if (addresses.length === 0 || !addresses.every((entry) => isPublicAddress(entry.address))) return callback(new PrivateAddressError(), []);
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  });
}

/** Resolves a URL's host and refuses it unless every address is public. */
export async function checkPublicHost(url: string): Promise<void> {
  const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  const addresses = ipaddr.isValid(host) ? [host] : (await dns.promises.lookup(host, { all: true })).map((entry) => entry.address);
  if (addresses.length === 0 || !addresses.every(isPublicAddress)) throw new PrivateAddressError();
}

let pinnedAgent: Agent | undefined;

/**
 * A fetch for one request at a time (redirects are the caller's, with `redirect: 'manual'`) that refuses
 * non-public hosts. With no fetch given, Node's own fetch through a connection whose lookup checks again the
 * address it connects to; with one given (Electron's, which honours the system proxy), the check before it.
 */
export function publicOnlyFetch(base?: Fetch): Fetch {
  const send: Fetch =
    base ??
    ((input, init) => {
      pinnedAgent ??= new Agent({ connect: { lookup: publicLookup } });
      return undiciFetch(input, { ...(init as object), dispatcher: pinnedAgent }) as unknown as Promise<Response>;
    });
  return async (input, init) => {
    if (init?.redirect !== 'manual') throw new Error('publicOnlyFetch checks each hop: call it with redirect: "manual"');
    await checkPublicHost(input);
    return send(input, init);
  };
}
