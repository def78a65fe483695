/** Worker-thread side of `ParseWorkerClient`: parses one lecture file's text per request. */
import { answerRequests } from '../node/workerRequests.js';
import { parseLecture } from './parseLecture.js';
import type { ParseRequest } from './parseWorkerClient.js';

answerRequests(({ file, text, depth }: ParseRequest) => parseLecture(file, text, depth));
