/** Electronegativity (Doyensec's Electron security linter) over the main process and preload sources. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { PROJECT_ROOT } from '../helpers/cli.js';

test('Electronegativity finds nothing of high severity in the desktop shell', async () => {
  const electronegativity = (await import('@doyensec/electronegativity')).default;
  const manifest = await import('electron/package.json', { with: { type: 'json' } });
  const result = await electronegativity({ input: path.join(PROJECT_ROOT, 'electron'), electronVersionOverride: manifest.default.version, isRelative: true });
  assert.ok(result.atomicChecks > 20, 'the checks ran');
  assert.deepEqual(result.errors, []);
  const high = result.issues.filter((issue) => issue.severity.value >= 3);
  assert.deepEqual(
    high.map((issue) => `${issue.id} ${issue.file}:${issue.location.line}`),
    [],
  );
  assert.ok(!result.issues.some((issue) => issue.id === 'AUXCLICK_JS_CHECK'), 'Auxclick disabled');
});
