// ESLint: typescript-eslint's recommended rules, plus the layering the architecture depends on (README, "How it is
// built"): only electron/ imports Electron, the core imports neither electron/ nor renderer/, and the renderer
// (a web page) imports no Node built-in. Formatting is Prettier's (`npm run format`), not ESLint's.
import js from '@eslint/js';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const electron = { name: 'electron', message: 'Only electron/ (the main process and the preload) may import Electron.' };
const inWebPage = 'The reader and core/common run in a web page: no Node built-ins.';
const nodeBuiltins = {
  paths: builtinModules.map((name) => ({ name, message: inWebPage })),
  patterns: [{ group: ['node:*'], message: inWebPage }],
};
const higherLayers = { regex: '(^|/)(electron|renderer)/', message: 'The core never imports electron/ or renderer/.' };

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'test-results/', 'node_modules/', 'content/', 'tests/fixtures/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-restricted-imports': ['error', { paths: [electron] }],
    },
  },
  {
    files: ['core/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electron], patterns: [higherLayers] }] },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { paths: [electron, ...nodeBuiltins.paths], patterns: nodeBuiltins.patterns }] },
  },
  {
    files: ['core/common/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electron, ...nodeBuiltins.paths], patterns: [higherLayers, ...nodeBuiltins.patterns] }] },
  },
  {
    files: ['electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
