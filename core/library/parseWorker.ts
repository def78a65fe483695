/** Worker-thread side of `LectureParser`: parses one lecture file's text per message. */
import { parentPort } from 'node:worker_threads';
import { parseLecture } from './parseLecture.js';

parentPort!.on('message', ({ id, file, text }: { id: number; file: string; text: string }) => {
  try {
    parentPort!.postMessage({ id, result: parseLecture(file, text) });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
});
