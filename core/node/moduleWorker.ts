import { Worker } from 'node:worker_threads';

/**
 * Starts the worker module `name` that sits next to the calling module (`callerUrl` = its import.meta.url): the
 * built .mjs/.js file in the app, or, when running from TypeScript sources (tsx, tests), the .ts file through
 * tsx's loader, which a worker does not inherit. In the packaged app, workers are unpacked next to the archive,
 * as a worker thread cannot start inside it.
 */
export function startModuleWorker(callerUrl: string, name: string, workerData: unknown): Worker {
  const extension = callerUrl.match(/\.(ts|mjs|js)$/)?.[1] ?? 'js';
  const entry = new URL(`./${name}.${extension}`, callerUrl);
  if (extension !== 'ts') return new Worker(new URL(entry.href.replace('/app.asar/', '/app.asar.unpacked/')), { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
