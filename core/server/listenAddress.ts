import { EVERY_INTERFACE_ADDRESS } from '../common/api.js';

/** Listening on every interface: IPv4's `0.0.0.0` or IPv6's `::`. */
export function isEveryInterface(host: string): boolean {
  return host === EVERY_INTERFACE_ADDRESS || host === '::';
}

/** A host as a URL writes it: an IPv6 address in brackets. */
export function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
