// Runs every test file with Node's test runner (TypeScript through tsx), one file at a time so browser and
// server tests do not compete for the two cores. `node tests/run.mjs [substring…]` runs the matching files only.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.dirname(new URL(import.meta.url).pathname);
const groups = ['unit', 'corpus', 'e2e'];
const filters = process.argv.slice(2);
const files = groups
  .flatMap((group) => {
    try {
      return readdirSync(path.join(root, group))
        .filter((f) => f.endsWith('.test.ts'))
        .sort()
        .map((f) => path.join('tests', group, f));
    } catch {
      return [];
    }
  })
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)));

const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  cwd: path.resolve(root, '..'),
});
process.exit(result.status ?? 1);
