import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { PROJECT_ROOT } from '../helpers/cli.js';

for (const config of ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.e2e.json']) {
  test(`TypeScript strict type check passes: ${config}`, () => {
    const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', config], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });
}
