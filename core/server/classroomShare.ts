/**
 * Sharing the library with a classroom: the read-only server on an address the teacher picks, the addresses
 * and QR code students open, and how many students have the reader open. Electron-free: the desktop app
 * drives it over the bridge, tests drive it directly.
 */
import type { FastifyInstance } from 'fastify';
import os from 'node:os';
import QRCode from 'qrcode';
import {
  EVERY_INTERFACE_ADDRESS,
  type ClassroomSharingApi,
  type NetworkChoice,
  type SharingErrorCode,
  type SharingRequest,
  type SharingState,
} from '../common/api.js';
import type { LectureService } from '../service/lectureService.js';
import { startServer } from './httpServer.js';
import { isEveryInterface, urlHost } from './listenAddress.js';

export const DEFAULT_SHARING: SharingRequest = { host: EVERY_INTERFACE_ADDRESS, port: 4173 };

/** A device counts as connected while it made a request within this window (open readers poll every 20 s). */
const CONNECTED_WINDOW_MS = 60_000;

/** How often a running share checks that the network it listens on is still this machine's. */
const NETWORK_CHECK_MS = 5_000;

/** The machine's network interfaces; tests pass their own to take a network away. */
export type InterfaceSource = () => ReturnType<typeof os.networkInterfaces>;

/** The machine's IPv4 addresses students can reach, then every interface, then this machine only. */
export function networkChoices(interfaces: ReturnType<typeof os.networkInterfaces> = os.networkInterfaces()): NetworkChoice[] {
  const external: NetworkChoice[] = [];
  for (const [name, addresses] of Object.entries(interfaces)) {
    for (const address of addresses ?? []) {
      if (address.family === 'IPv4' && !address.internal) external.push({ kind: 'interface', name, address: address.address });
    }
  }
  return [...external, { kind: 'every', name: '', address: EVERY_INTERFACE_ADDRESS }, { kind: 'this-machine', name: '', address: '127.0.0.1' }];
}

/** Distinct client addresses seen recently. */
export class RecentClients {
  private readonly lastSeen = new Map<string, number>();

  constructor(
    private readonly windowMs = CONNECTED_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  seen(address: string): void {
    // One device is one address whether it arrived over IPv4 or as an IPv4-mapped IPv6 address.
    this.lastSeen.set(address.replace(/^::ffff:/, ''), this.now());
  }

  count(): number {
    const oldest = this.now() - this.windowMs;
    for (const [address, time] of this.lastSeen) if (time < oldest) this.lastSeen.delete(address);
    return this.lastSeen.size;
  }

  clear(): void {
    this.lastSeen.clear();
  }
}

function errorCode(error: NodeJS.ErrnoException): SharingErrorCode {
  switch (error.code) {
    case 'EADDRINUSE':
      return 'port-in-use';
    case 'EADDRNOTAVAIL':
      return 'address-unavailable';
    case 'EACCES':
    case 'EPERM':
      return 'permission-denied';
    default:
      return 'failed';
  }
}

export class ClassroomShare implements ClassroomSharingApi {
  private server: FastifyInstance | null = null;
  private request: SharingRequest;
  private error: SharingState['error'];
  private qr: { url: string; svg: string } | null = null;
  private readonly clients = new RecentClients();
  private networkCheck: NodeJS.Timeout | null = null;

  constructor(
    private service: LectureService,
    private readonly rendererDir: string,
    initial: SharingRequest = DEFAULT_SHARING,
    private readonly interfaces: InterfaceSource = os.networkInterfaces,
  ) {
    this.request = initial;
  }

  get running(): boolean {
    return this.server !== null;
  }

  /** Starts (or moves) the server; a failure is reported in the state, and sharing stays off. */
  async startSharing(request: SharingRequest): Promise<SharingState> {
    await this.closeServer();
    this.request = { host: request.host, port: request.port };
    // The Wi-Fi may have changed since the panel listed the addresses.
    if (!this.hasAddress(request.host)) {
      this.error = { code: 'address-unavailable', message: `${request.host} is not an address of this machine` };
      return this.getSharing();
    }
    try {
      const { app } = await startServer({
        service: this.service,
        rendererDir: this.rendererDir,
        ...this.request,
        onClient: (address) => this.clients.seen(address),
      });
      this.server = app;
      this.networkCheck = setInterval(() => this.stopIfNetworkGone().catch(() => {}), NETWORK_CHECK_MS).unref();
    } catch (error) {
      this.error = { code: errorCode(error as NodeJS.ErrnoException), message: (error as Error).message };
    }
    return this.getSharing();
  }

  /** Stops accepting students and closes their connections. */
  async stopSharing(): Promise<SharingState> {
    await this.closeServer();
    return this.getSharing();
  }

  private hasAddress(host: string): boolean {
    return networkChoices(this.interfaces()).some((choice) => choice.address === host);
  }

  /**
   * A server bound to a Wi-Fi address keeps running after that Wi-Fi is gone, reachable by no one: stop it and
   * say why, so the teacher is not left showing students an address that cannot answer.
   */
  private async stopIfNetworkGone(): Promise<void> {
    const { host } = this.request;
    const server = this.server;
    if (!server || this.hasAddress(host)) return;
    await this.closeServer();
    // Said only if no new share started meanwhile (the teacher chose another network while this one closed).
    if (!this.server) this.error = { code: 'network-gone', message: `${host} is no longer an address of this machine` };
  }

  private async closeServer(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.error = undefined;
    this.clients.clear();
    if (this.networkCheck) clearInterval(this.networkCheck);
    this.networkCheck = null;
    if (server) {
      server.server.closeAllConnections();
      await server.close();
    }
  }

  /** The library was reopened (a folder added, say): the classroom keeps its address and gets the new one. */
  async useService(service: LectureService): Promise<void> {
    this.service = service;
    if (this.running) await this.startSharing(this.request);
  }

  async getSharing(): Promise<SharingState> {
    await this.stopIfNetworkGone();
    const networks = networkChoices(this.interfaces());
    const urls = this.running ? studentUrls(this.request, networks) : [];
    if (urls[0] && this.qr?.url !== urls[0])
      this.qr = { url: urls[0], svg: await QRCode.toString(urls[0], { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }) };
    return {
      running: this.running,
      ...this.request,
      urls,
      qrSvg: urls[0] ? this.qr?.svg : undefined,
      students: this.running ? this.clients.count() : 0,
      networks,
      error: this.error,
    };
  }
}

/** What students type: the chosen address, or each external address when listening on every interface. */
export function studentUrls({ host, port }: SharingRequest, networks: NetworkChoice[]): string[] {
  const hosts = isEveryInterface(host) ? networks.filter((choice) => choice.kind === 'interface').map((choice) => choice.address) : [host];
  return (hosts.length ? hosts : ['127.0.0.1']).map((address) => `http://${urlHost(address)}:${port}/`);
}
