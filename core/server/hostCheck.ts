/**
 * Which Host names the server answers to. A web page a student opens elsewhere can point its own domain name
 * at this machine (DNS rebinding) and then read the server as if it were that site; the browser still sends
 * the page's name as the Host, so answering only the names that are this machine's closes that door.
 */
import ipaddr from 'ipaddr.js';
import os from 'node:os';

/** Addresses that mean "every interface" when listened on. */
const EVERY_INTERFACE = new Set(['0.0.0.0', '::']);

/** The name in a Host header (no port, no IPv6 brackets, lower case, IPv4 in dotted form), or null. */
function hostName(header: string): string | null {
  try {
    return new URL(`http://${header}`).hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  } catch {
    return null;
  }
}

/** An IP address in one form for comparison (IPv4-mapped IPv6 as IPv4), or null for a name. */
function canonicalAddress(text: string): string | null {
  return ipaddr.isValid(text) ? ipaddr.process(text).toString() : null;
}

/**
 * True when the Host header names this machine: `localhost`, a loopback address, the address listened on
 * (each interface's address when listening on all), or one of `allowedNames`.
 */
export function isOwnHost(header: string | undefined, listenHost: string, allowedNames: readonly string[] = [], interfaces = os.networkInterfaces()): boolean {
  const name = header === undefined ? null : hostName(header);
  if (!name) return false;
  if (name === 'localhost' || allowedNames.some((allowed) => allowed.toLowerCase() === name)) return true;
  const address = canonicalAddress(name);
  if (!address) return false;
  if (ipaddr.parse(address).range() === 'loopback') return true;
  const listened = EVERY_INTERFACE.has(listenHost)
    ? Object.values(interfaces).flatMap((list) => (list ?? []).map((entry) => entry.address))
    : [listenHost];
  return listened.some((own) => canonicalAddress(own.replace(/%.*$/, '')) === address);
}
