/**
 * A local stand-in for Electron's download host (GitHub releases, or any ELECTRON_MIRROR): serves a release's zip
 * and its SHASUMS256.txt at the paths @electron/get asks for, optionally a few bytes at a time.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32 } from 'node:zlib';

/** A zip of uncompressed entries, Unix modes kept (enough for a fake Electron release). */
export function storedZip(entries: { name: string; content: string; mode?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, content, mode = 0o644 } of entries) {
    const data = Buffer.from(content);
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made on Unix: the external attributes hold the mode
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(((0o100000 | mode) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export interface ArchiveHost {
  /** For ELECTRON_MIRROR. */
  mirror: string;
  close(): Promise<void>;
}

/** Serves `zip` as Electron `version`'s release for this platform; `pieces` > 1 sends it in pieces `pauseMs` apart. */
export async function startArchiveHost(version: string, zip: Buffer, { pieces = 1, pauseMs = 0 } = {}): Promise<ArchiveHost> {
  const fileName = `electron-v${version}-${process.platform}-${process.arch}.zip`;
  const server = http.createServer(async (request, response) => {
    if (request.url === `/v${version}/SHASUMS256.txt`) return response.end(`${createHash('sha256').update(zip).digest('hex')} *${fileName}\n`);
    if (request.url !== `/v${version}/${fileName}`) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'application/zip', 'content-length': zip.length });
    const size = Math.ceil(zip.length / pieces);
    for (let start = 0; start < zip.length; start += size) {
      if (start) await new Promise((resolve) => setTimeout(resolve, pauseMs));
      response.write(zip.subarray(start, start + size));
    }
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    mirror: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
