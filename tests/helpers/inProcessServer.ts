import { after } from 'node:test';
import { startServer } from '../../core/server/httpServer.js';
import { LectureService, type ServiceOptions } from '../../core/service/lectureService.js';
import { makeLibrary } from './tempLibrary.js';

/** A throw-away library of these files behind the real HTTP server, in this process; all stopped and deleted after the file's tests. */
export async function serveInProcess(files: Record<string, string | Buffer>, options: ServiceOptions = {}) {
  const library = makeLibrary(files);
  const renderer = makeLibrary({ 'index.html': '<!doctype html><title>reader</title>' });
  const service = await LectureService.open([library.root], options);
  const { app, url } = await startServer({ service, rendererDir: renderer.root, port: 0 });
  after(async () => {
    await app.close();
    await service.close();
    library.cleanup();
    renderer.cleanup();
  });
  return { library, service, url };
}
