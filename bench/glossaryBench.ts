/**
 * What the glossary adds to a cold start of the 5,000-lecture synthetic library: the service opened with no
 * saved index (every lecture parsed, the index built), then the glossary built for the first time (every
 * lecture's pairs extracted, merged, uses counted), as the first search or glossary request does.
 * Run: `npx tsx bench/glossaryBench.ts`.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { LectureService } from '../core/service/lectureService.js';
import { syntheticLibrary } from './syntheticLibrary.js';

const corpus = path.resolve(import.meta.dirname, '../../shared/corpus');
const folder = await syntheticLibrary(
  ['ai-lectures', 'data-engineer-lectures'].map((name) => path.join(corpus, name)),
  5000,
);

const started = performance.now();
const service = await LectureService.open([folder]);
const coldStart = performance.now() - started;
const before = performance.now();
const entries = await service.getGlossary();
const glossary = performance.now() - before;
await service.close();

console.log(`| cold start (5,000 lectures) | glossary built | added |`);
console.log(`| ${coldStart.toFixed(0)} ms | ${glossary.toFixed(0)} ms (${entries.length} terms) | ${((100 * glossary) / coldStart).toFixed(1)} % |`);
