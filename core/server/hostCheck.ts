/**
 * Which Host names the server answers to. A web page a student opens elsewhere can point its own domain name
 * at this machine (DNS rebinding) and then read the server as if it were that site; the browser still sends
 * the page's name as the Host, so answering only the names that are this machine's closes that door.
 */
import ipaddr from 'ipaddr.js';
import os from 'node:os';
import { isEveryInterface } from './listenAddress.js';

/** The name in a Host header (no port, no IPv6 brackets, lower case, IPv4 in dotted form), or null. */
function hostName(header: string): string | null {
  try {
    return new URL(`http://${header}`).hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  } catch {
    return null;
  }
}

/** Reading the interfaces is a system call of about 0.2 ms: once a second is fresh enough for a Wi-Fi change. */
const INTERFACES_TTL_MS = 1000;
let interfacesRead = { at: -Infinity, addresses: [] as string[] };

function interfaceAddresses(interfaces?: NodeJS.Dict<os.NetworkInterfaceInfo[]>): string[] {
  const list = (from: NodeJS.Dict<os.NetworkInterfaceInfo[]>) => Object.values(from).flatMap((entries) => (entries ?? []).map((entry) => entry.address));
  if (interfaces) return list(interfaces);
  const now = performance.now();
  if (now - interfacesRead.at > INTERFACES_TTL_MS) interfacesRead = { at: now, addresses: list(os.networkInterfaces()) };
  return interfacesRead.addresses;
}

/** An IP address in one form for comparison (IPv4-mapped IPv6 as IPv4), or null for a name. */
function canonicalAddress(text: string): string | null {
  return ipaddr.isValid(text) ? ipaddr.process(text).toString() : null;
}

/**
 * True when the Host header names this machine: `localhost`, a loopback address, the address listened on
 * (each interface's address when listening on all), or one of `allowedNames`.
 */
export function isOwnHost(
  header: string | undefined,
  listenHost: string,
  allowedNames: readonly string[] = [],
  interfaces?: NodeJS.Dict<os.NetworkInterfaceInfo[]>,
): boolean {
  const name = header === undefined ? null : hostName(header);
  if (!name) return false;
  if (name === 'localhost' || allowedNames.some((allowed) => allowed.toLowerCase() === name)) return true;
  const address = canonicalAddress(name);
  if (!address) return false;
  if (ipaddr.parse(address).range() === 'loopback') return true;
  const listened = isEveryInterface(listenHost) ? interfaceAddresses(interfaces) : [listenHost];
  return listened.some((own) => canonicalAddress(own.replace(/%.*$/, '')) === address);
}
